# Chained generator expressions over a file-like stream of lines, consumed step by step.
lines = ["  10 apples ", "", "3 pears", "  7 plums", "x bad"]
stripped = (s.strip() for s in lines)
nonempty = (s for s in stripped if s)
fields = (s.split() for s in nonempty)
numeric = (f for f in fields if f[0].isdigit())
counts = ((f[1], int(f[0])) for f in numeric)
print(next(counts))
for name, n in counts:
    print(name, n)
print(list(counts))
x = 10
late = (x + i for i in range(3))
x = 100
print(list(late))
nested = ((i, j) for i in range(3) for j in range(i))
print(dict(nested))
print(sorted((c for c in "generator"), reverse=True))
print(tuple(w[::-1] for w in ("ab", "cd")))
