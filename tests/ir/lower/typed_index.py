# list[float] and list[int] indexed by an int: LIST_GET / LIST_SET, unboxed; augmented
# assignment computes unboxed; a str index stays generic. f is called only with a list of floats
# (a float annotation alone admits ints: see h).
import math


def f(xs: list[float], ns: list[int], i: int) -> float:
    xs[i] = xs[i - 1] * 2.0
    xs[i] += 1.0
    ns[i] = ns[0] + 1
    ns[-1] //= 2
    return math.sqrt(xs[i])


def g(d: dict[str, float], k: str) -> float:
    return d[k]


def h(ys: list[float], i: int) -> float:
    return ys[i] + 1.0


f([1.0, 2.0], [1, 2], 1)
h([1, 2.5], 0)
