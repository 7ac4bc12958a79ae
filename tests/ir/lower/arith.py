def mix(a: int, b: float) -> float:
    return a * b + a / 2 - b // 3


print(mix(1, 2.5))


def ints(a: int, b: int) -> int:
    return -a // b + a % b ** 2


def anything(x, y):
    return x + y * 2
