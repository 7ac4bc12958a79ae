[x for x in y]
[x for x in y if x]
[x for x in y if x if z]
[x for x in y for z in x]
[x for x in y if x for z in x if z]
{x for x in y}
{k: v for k, v in items}
{k: v for k in a for v in b if k}
(x for x in y)
[(x, y) for x, y in z]
[x async for x in y]
[await x for x in y]
[x for *a, b in c]
[x for (a, b) in c]
[x for a.b in c]
[x for a[0] in c]
[x for x in (lambda: y)]
[x for x in (a if b else c)]
[[y for y in x] for x in z]
[x := 1 for y in z]
[(x := 1) for y in z]
[x for x in y if (lambda: z)]
