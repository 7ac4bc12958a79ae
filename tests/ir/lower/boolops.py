def pick(a: int, b: int) -> int:
    return a and b or 7


def inside(lo: int, x: float, hi: int) -> bool:
    return lo <= x < hi


print(inside(1, 2.5, 3))


def test(a: int) -> None:
    if a > 1 and not a == 5 or a < -3:
        print("yes", a, sep=":")
