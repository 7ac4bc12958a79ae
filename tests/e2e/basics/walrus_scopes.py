# := in comprehensions and generator expressions binds in the enclosing function or module
# (PEP 572), also through `global` and `nonlocal`, in nested comprehensions, and lazily in a
# generator expression.
def filtered(xs):
    ys = [y for x in xs if (y := x * 2) > 2]
    print(ys, y)
    print([last := v for v in xs], last)


filtered([1, 2, 3])
print([(k := i) for i in range(3)], k)
print([y for x in [1, 2, 3, 4] if (y := x % 3)], y)


def nested():
    m = [[(cell := i * j) for j in range(3)] for i in range(3)]
    print(m, cell)
    d = {key: (val := key * key) for key in range(4)}
    s = {(q := c.upper()) for c in "abc"}
    print(d, val, sorted(s), q)


nested()


def lazy():
    g = (last := x * 10 for x in range(3))
    try:
        print(last)
    except NameError as e:
        print(type(e).__name__, e)
    print(next(g), last)
    print(list(g), last)


lazy()
gen = (mod_last := c for c in "xyz")
try:
    print(mod_last)
except NameError as e:
    print(e)
print(next(gen), mod_last)
print(list(gen), mod_last)


def summed():
    s = sum(w for x in range(4) if (w := x + 1))
    return s, w


print(summed())
xs = [1, 2, 3, 4]
if any((hit := v) > 2 for v in xs):
    print("hit", hit)
if all((miss := v) < 3 for v in xs):
    print("all")
else:
    print("miss", miss)
count = 0


def bump(vals):
    global count
    return [count := count + v for v in vals]


print(bump([1, 2, 3]), count)
print(bump([10]), count)


def counter():
    n = 0

    def step(vals):
        nonlocal n
        return [(n := n + v) for v in vals]

    print(step([5, 5]), n)
    print(step([1]), n)


counter()


def captured():
    y = 0
    get = lambda: y
    print([(y := k) for k in range(4)], y, get())
    fs = [lambda i=i: (z := i) + 1 for i in range(3)]
    print([f() for f in fs])


captured()
f = lambda vals: [(lw := v) for v in vals] and lw
print(f([4, 5]))


def from_generator(vals):
    for v in vals:
        yield [(gi := v + k) for k in range(2)], gi


print(list(from_generator([1, 10])))


def deep():
    outer = ((inner := [(t := a + b) for b in range(2)]) for a in range(2))
    res = list(outer)
    return res, inner, t


print(deep())


class Methods:
    def m(self):
        return [(mm := i) for i in range(3)], mm


print(Methods().m())


def shadows_builtin():
    print([(len := 3) for _ in range(1)], len)


shadows_builtin()


def read_before():
    try:
        print(val)
    except UnboundLocalError as e:
        print(e)
    print([(val := i) for i in range(2)], val)


read_before()


def floats(vals: list[float]) -> float:
    best = 0.0
    [(best := v) for v in vals if v > best]
    return best


print(floats([0.5, 2.5, 1.0]))


def lazy_global():
    global G
    g = (G := x for x in range(3))
    print(list(g), G)


lazy_global()


def lazy_nonlocal():
    n = 0

    def inner():
        nonlocal n
        g = ((n := n + x) for x in range(4))
        return list(g)

    print(inner(), n)


lazy_nonlocal()


def counted():
    t = 0
    vals = list((t := t + 1) for _ in range(3))
    return vals, t


print(counted())
