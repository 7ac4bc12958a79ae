# A `float` annotation admits ints and bools (PEP 484's numeric tower): CPython keeps them as
# they are, so krait must too; slots proven to hold only floats stay C doubles.
import math


def area(w: float, h: float) -> float:
    return w * h


def half(x: float) -> float:
    return x / 2


def scale(x: float, k: float = 2) -> float:
    return x * k


def ident(x: float) -> float:
    return x


def only_floats(a: float, b: float) -> float:
    return a * b + 0.5


def count_up(n: int) -> float:
    total: float = 0
    for i in range(n):
        total += i
    return total


def mixed_local(flag: bool) -> float:
    y: float = 1.5
    if flag:
        y = 7
    return y


def int_return(n: int) -> float:
    if n > 0:
        return n * 2
    return 0.5


v: float = 3
w: float = 2.5
print(area(1, 2) + 1, half(4), v, w)
print(area(1.5, 2), area(True, 3), area(2**100, 1), ident(2**100))
print(scale(3), scale(3, 1.5), scale(x=4), scale(k=3, x=2.0))
print(only_floats(1.5, 2.0), only_floats(0.25, 4.0))
print(count_up(5), type(count_up(5)).__name__, count_up(0))
print(mixed_local(True), mixed_local(False))
print(int_return(3), int_return(-1))
print(ident(True), type(ident(True)).__name__, ident(False) + 1)

f = area
print(f(3, 4), f(3.0, 4))
g = ident
print(g(7), g(2**70 + 1))
print(list(map(half, [2, 3.0])))


class Shape:
    def __init__(self, side: float) -> None:
        self.side = side

    def grow(self, by: float) -> float:
        self.side = self.side + by
        return self.side

    def sq(self) -> float:
        s: float = self.side
        return s * s


sh = Shape(2)
print(sh.grow(3), sh.sq(), sh.side)
sh2 = Shape(1.5)
print(sh2.grow(1), sh2.sq())

xs: list[float] = [1, 2.5]
ys: list[float] = xs
print(ys[0] + 1, ys[1] + 1, xs)
ys[0] += 1
print(xs, type(xs[0]).__name__)
zs: list[float] = [1.0, 2.0, 3.0]
for i in range(len(zs)):
    zs[i] = zs[i] * 2
print(zs, sum(zs))


def total(vals: list[float]) -> float:
    t: float = 0
    for x in vals:
        t += x
    return t


print(total([1, 2, 3]), total([0.5, 1.5]), total([2**80, 1]))
d: dict[str, float] = {"a": 1, "b": 2.5}
print(d["a"] + 1, d)
t: tuple[float, ...] = (1, 2.0)
print(t[0] + 1, t)
o: float | None = 4
print(o, math.sqrt(16), o + 1)
big_f: float = 2**100
print(big_f, big_f + 1)
b: float = True
print(b, b + b)


# Other values given to float-annotated slots (None defaults, a str rebinding, falling off the
# end of a -> float function) behave as in CPython.
def fdef(x: float = None) -> float:
    if x is None:
        return 0.5
    return x
def gdef(x: float = None):
    return x
print(fdef(), fdef(2), fdef(2.5), gdef(), gdef(3))
def loc(flag: bool):
    y: float = 1
    if flag:
        y = None
    z: float = 2.5
    z = "s" if flag else z
    return y, z
print(loc(True), loc(False))
def rnone(n: int) -> float:
    if n:
        return n
print(rnone(3), rnone(0))
