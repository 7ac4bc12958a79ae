# Word ladders: BFS over a word graph built with wildcard buckets, all shortest ladders by
# backtracking through parent sets, connected components, and the most connected words.
# krait-test: cycles

WORDS = """
cold cord card ward warm word worm wore core care dare bare barn born corn cork work
fork form farm harm hard herd here hire wire wise wide ride rode code cove love live
line fine fire fare fore more mare male mile mole hole hold bold bolt boat coat cost
cast case cave gave give dive dime time tame take lake like bike bite kite site sit
""".split()


def buckets(words: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for w in words:
        for i in range(len(w)):
            out.setdefault(w[:i] + "_" + w[i + 1:], []).append(w)
    return out


def neighbours(word, table):
    seen = []
    for i in range(len(word)):
        for other in table.get(word[:i] + "_" + word[i + 1:], []):
            if other != word and other not in seen:
                seen.append(other)
    return sorted(seen)


def ladders(start, goal, table):
    if start == goal:
        return [[start]]
    parents: dict[str, set[str]] = {start: set()}
    frontier = [start]
    found = False
    while frontier and not found:
        nxt: dict[str, set[str]] = {}
        for w in frontier:
            for n in neighbours(w, table):
                if n not in parents:
                    nxt.setdefault(n, set()).add(w)
                    if n == goal:
                        found = True
        parents.update(nxt)
        frontier = sorted(nxt)
    if not found:
        return []

    def back(w):
        if w == start:
            return [[start]]
        return [p + [w] for par in sorted(parents[w]) for p in back(par)]

    return back(goal)


table = buckets(WORDS)
print(len(WORDS), "words,", len(table), "buckets,", sum(len(v) > 1 for v in table.values()), "shared")
for a, b in [("cold", "warm"), ("love", "hate"), ("fire", "hole"), ("card", "work"), ("time", "bike"), ("cost", "cost")]:
    result = ladders(a, b, table)
    if not result:
        print(f"{a} -> {b}: no ladder")
        continue
    print(f"{a} -> {b}: {len(result)} ladder(s) of {len(result[0]) - 1} steps")
    for lad in result[:4]:
        print("   " + " > ".join(lad))
seen: set[str] = set()
components = []
for w in WORDS:
    if w in seen:
        continue
    comp, stack = [], [w]
    seen.add(w)
    while stack:
        x = stack.pop()
        comp.append(x)
        for n in neighbours(x, table):
            if n not in seen:
                seen.add(n)
                stack.append(n)
    components.append(sorted(comp))
components.sort(key=lambda c: (-len(c), c))
print("components:", [len(c) for c in components])
print("small ones:", [c for c in components if len(c) < 4])
degree = {w: len(neighbours(w, table)) for w in WORDS}
top = sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
print("most connected:", top)
print("isolated:", sorted(w for w, d in degree.items() if d == 0))
