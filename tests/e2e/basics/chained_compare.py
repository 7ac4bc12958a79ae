def between(a: int, x: int, b: int) -> bool:
    return a < x < b


print(between(1, 2, 3), between(1, 5, 3), between(3, 2, 1))
x = 5
print(1 < x <= 5, 1 < x < 5, 0 == 0 == 0, 1 != 2 != 1)
print(1 < 2.5 < 3, 3.0 == 3, 2 ** 70 > 1.5, 0.5 < 2 ** 70 < 1e30)
print(1 < 2 > 0 < 5 >= 5)
