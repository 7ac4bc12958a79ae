# list[float] and list[int] indexed by an int: LIST_GET / LIST_SET, unboxed; augmented
# assignment computes unboxed; an int into a list[float] and a str index stay generic.
import math


def f(xs: list[float], ns: list[int], i: int) -> float:
    xs[i] = xs[i - 1] * 2.0
    xs[i] += 1.0
    ns[i] = ns[0] + 1
    ns[-1] //= 2
    xs[0] = 1
    return math.sqrt(xs[i])


def g(d: dict[str, float], k: str) -> float:
    return d[k]
