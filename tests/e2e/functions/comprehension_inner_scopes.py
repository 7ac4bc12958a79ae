# Inner scopes of comprehensions: generator expressions a builtin runs as a loop read the outer
# variable directly, generator objects and lambdas capture its cell.
def mm(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
print(mm([[1, 2], [3, 4]], [[5, 6], [7, 8]]))
print([any(x == y for y in range(3)) for x in range(5)])
print([", ".join(str(x) + c for c in "ab") for x in range(2)])
gs = [(x + y for y in range(2)) for x in range(3)]
print([list(g) for g in gs])
gs = [sorted((x * y for y in range(3)), reverse=True) for x in range(3)]
print(gs)
gs = [sorted((x * y for y in range(3)), key=lambda v: -v) for x in range(3)]
print(gs)
print([all(f() for f in [lambda: v]) for v in (0, 1)])
print({k: list(map(lambda t: t + k, range(2))) for k in (10, 20)})
print(["".join(c * n for c in "ab") for n in range(3)])
print([max((lambda: n)() for _ in range(2)) for n in range(3)])
