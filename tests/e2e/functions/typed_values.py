def area(w: float, h: float) -> float:
    return w * h


def is_big(n: int) -> bool:
    return n > 100


def label(n: int, unit: str = "cm") -> str:
    return f"{n}{unit}"


funcs = [area, is_big, label]
print(funcs[0](2, 3.5), funcs[1](500), funcs[2](7))
print(sorted([150, 3, 99, 1000], key=is_big))
print(list(map(label, [1, 2], ["m", "km"])))
print(area(w=1.5, h=2.0), label(unit="mm", n=3))
check = is_big
print(check(5), check(n=101))
