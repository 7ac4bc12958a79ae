# Functions whose boxed entries have one shape share one C function (docs/design.md, "Boxed
# entries are shared by shape"): each call through a function object must still reach its own
# native entry, bind against its own signature and name itself in errors.


def add_one(x: int, y: int) -> int:
    return x + y + 1


def mul_two(x: int, y: int) -> int:
    return x * y * 2


def sub_three(a: int, b: int = 10) -> int:
    return a - b - 3


def scale(v: float, k: float) -> float:
    return v * k


def shift(v: float, k: float) -> float:
    return v + k


def greet(name, punct="!"):
    return "hello " + name + punct


def part(name, punct="?"):
    return "bye " + name + punct


class P:
    def __init__(self, x: int) -> None:
        self.x = x

    def plus(self, d: int) -> int:
        return self.x + d

    def minus(self, d: int) -> int:
        return self.x - d


def outer(n: int):
    def inner(m: int) -> int:
        return n * m

    def other(m: int) -> int:
        return n + m

    return inner, other


fs = [add_one, mul_two, sub_three]
for f in fs:
    print(f.__name__, f(3, 4), f(x=5, y=6) if f is not sub_three else f(a=5))
print(sub_three(1), sub_three(1, b=2))
for g in (scale, shift):
    print(g.__name__, g(1.5, 2), g(k=0.25, v=3))
for h in (greet, part):
    print(h("ann"), h("bob", punct="."), h(punct=",", name="cy"))
p = P(10)
for m in (p.plus, p.minus):
    print(m(3), m(d=4))
for u in (P.plus, P.minus):
    print(u(p, 5))
i, o = outer(7)
print(i(3), o(3), list(map(i, [1, 2])), list(map(o, [1, 2])))
for f in fs:
    for bad in ((1,), (1, 2, 3)):
        try:
            print(f(*bad))
        except TypeError as e:
            print(type(e).__name__, e)
try:
    mul_two(1, y=2, z=3)
except TypeError as e:
    print(e)
try:
    scale(1.0)
except TypeError as e:
    print(e)
try:
    p.plus()
except TypeError as e:
    print(e)
try:
    part()
except TypeError as e:
    print(e)
