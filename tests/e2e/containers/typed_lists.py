def mean(xs: list[float]) -> float:
    total = 0.0
    for x in xs:
        total += x
    return total / len(xs)

def squares(n: int) -> list[int]:
    out: list[int] = []
    for i in range(n):
        out.append(i * i)
    return out

def total(xs: list[int]) -> int:
    s = 0
    for x in xs:
        s += x
    return s

print(mean([1.0, 2.5, 4.0]), squares(5), total(squares(10)))
pts: dict[str, tuple[int, int]] = {"a": (1, 2)}
pts["b"] = (3, 4)
for name, (x, y) in pts.items():
    print(name, x + y)
print(total([True, 2]))
