def pairs(xs: list[float]) -> float:
    n = len(xs)
    t = 0.0
    for i in range(n):
        for j in range(i + 1, n):
            t += xs[i] * xs[j]
    return t


def countdown(xs: list[int]) -> int:
    s = 0
    i = len(xs) - 1
    while i > -1:
        s += xs[i]
        i -= 1
    return s


def unknown_bound(n: int) -> int:
    s = 0
    for i in range(n):
        s += i
    return s


def fixed(xs: list[int]) -> int:
    s = 0
    for i in range(8):
        for j in range(i, 8):
            s += xs[i] - xs[j]
    return s
