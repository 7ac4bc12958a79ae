{x: y for x, y in z}
{x: y for x in a if x for y in b}
{x for x in a if x}
{(a, b) for a in x for b in y}
{k: [v for v in vs] for k, vs in d}
{**{}, 'a': 1}
{1: {2: {3: 4}}}
