# Rebinding a module-level function's name by import and by a decorator-like wrapper.


def math():
    return "my math"


print(math())
import math
print(math.floor(2.5))


def sqrt(x):
    return "mine"


print(sqrt(4))


def use():
    from math import sqrt as s
    return s(16)


print(use(), sqrt(4))
if sqrt(4) == "mine":
    from math import sqrt
print(sqrt(4))


def path():
    return "p"


print(path())


def load():
    global path
    import os.path as path


load()
print(path.join("a", "b"))


def twice(f):
    def g(x):
        return f(f(x))
    return g


def inc(x):
    return x + 1


print(inc(1))
inc = twice(inc)
print(inc(1))


def rec(n):
    return 0 if n == 0 else 1 + rec(n - 1)


print(rec(3))
old = rec
rec = lambda n: 100
print(old(3))
