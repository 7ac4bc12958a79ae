def total(xs: list[int]) -> int:
    s = 0
    for x in xs:
        s += x
    return s

print(total([x * 2 for x in range(3)]))
