LIMIT = 10


def f(x: int, y: int = 2) -> int:
    return x // y + LIMIT


print(f(7), f(1, y=0))
