# Whole-program inference of parameter types: every program here would print something else (or
# raise a TypeError CPython does not) if a parameter took a type from only some of its callers.


def twice(x):
    return x * 2


def half(x):
    return x / 2


def inc(x):
    print("inc", x, x == 1)
    return x + 1


def flip(x):
    print("flip", x, not x)
    return x


def square(x):
    return x * x


def rec(x, n):
    if n == 0:
        return x
    return rec(x + x, n - 1)


def opt(x=None):
    if x is None:
        return -1
    return x * 2


def scale(a, b=2.5, c=1):
    return a * b + c


def neg(x):
    return -x


def tri(a, b, c):
    return a + b + c


def helper(x):
    return [x, x]


def from_lambda(x):
    return x * 3


def counter(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def grow(x):
    return x * x


def opt_int(x=None):
    if x is None:
        return 0
    return x + 1


def diff(a, b=1):
    return a - b


def first(xs):
    return xs[0]


def upto(n):
    i = 0
    while i < n:
        yield i
        i += 1


def steps(start, step):
    yield start
    yield start + step


def main():
    big = upto(2 ** 64)
    print(list(upto(3)), next(big), next(big), list(upto(-1)))
    print(list(steps(1, 2)), list(steps(0.5, 1)), list(steps("a", "b")), list(steps(True, 1)))
    g = 3
    for _ in range(7):
        g = grow(g)
    print(g, grow(-(2 ** 62)), grow(2 ** 31))
    print(opt_int(), opt_int(2 ** 65), opt_int(x=3))
    print(diff(5), diff(b=2 ** 64, a=1), diff(-(2 ** 63), 1))
    print(first([True, False]), first([True]) + 1)
    print(twice(3), twice(2.5), twice("ab"), twice([1]))
    print(half(3), half(7.0))
    print(inc(True), inc(5), inc(1.5))
    print(flip(True), flip(False))
    v = 2
    for _ in range(8):
        v = square(v)
    print(v, square(1.5))
    print(rec(1, 70), rec("a", 3), rec(0.5, 3), rec([0], 2))
    print(opt(), opt(4), opt(x=5), opt(2.5))
    print(scale(1), scale(2, c=3), scale(b=4, a=1), scale(1, 2, 3), scale("x", 2, "y"))
    print(neg(3), sorted([1.5, 2, -3], key=neg))
    ops = {"neg": neg}
    print(ops["neg"](2.5))
    print(tri(1, 2, 3), tri(*["a", "b", "c"]))
    print(helper(1), helper("s"))
    f = lambda: from_lambda("z")
    print(from_lambda(2), f())
    print(counter(10), counter(100000))


class Runner:
    def run(self):
        return twice(0.25)


main()
print(Runner().run())
