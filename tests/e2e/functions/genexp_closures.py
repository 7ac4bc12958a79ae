# Lambdas made in generator expressions that capture its variable: the generator has one cell
# per variable, so a closure sees the value the variable has when it is called.
getters = (lambda: i for i in range(3))
print([g() for g in getters])

# Run to the end first, every closure sees the last value.
print([g() for g in list(lambda: i for i in range(3))])
print([g() for g in tuple(lambda: i for i in range(3))])

# Stepped by hand: the first closure follows the generator.
g = (lambda: j for j in range(5))
first = next(g)
print(first())
next(g)
next(g)
print(first())
for _ in g:
    pass
print(first())

# Several variables, a condition, and a generator expression inside one.
g = ((lambda: (a, b)) for a in range(2) for b in "xy" if b != "z")
print([f() for f in g])
print(list(sum(v * w for w in range(3)) for v in range(4)))


def scaled(factor):
    return (lambda: factor * k for k in range(3))


print([f() for f in scaled(10)])
print(any(f() == 2 for f in (lambda: m for m in range(5))))
print(sorted(f() for f in (lambda: c for c in "cab")))


def lazy_then_eager():
    gen = (lambda: n for n in range(4))
    early = next(gen)
    rest = list(gen)
    return early(), [f() for f in rest]


print(lazy_then_eager())
