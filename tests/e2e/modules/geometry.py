def area(w: float, h: float) -> float:
    return w * h


def clamp(x: int, lo: int, hi: int) -> int:
    return lo if x < lo else hi if x > hi else x


def label(name: str) -> str:
    return f"<{name}>"


def is_big(a: float) -> bool:
    return a > 10.0


def hypot2(x, y):
    return x * x + y * y


def unit() -> str:
    return "cm"


def swap_unit() -> str:
    return "inch"


def describe_unit() -> str:
    return "unit is " + unit()
