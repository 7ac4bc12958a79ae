def mean3(a: float, b: float, c: float) -> float:
    return (a + b + c) / 3


def sqrt(x: float) -> float:
    g = x / 2
    for _ in range(30):
        g = (g + x / g) / 2
    return g


print(mean3(1.0, 2.0, 4.0))
print(sqrt(2.0))
print(sqrt(1e10))
print(0.1 + 0.2)
print(1.0 / 3.0, 2.5 * 4, -0.0, 1e300 * 10.0)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(2.0 ** 10, 2 ** 0.5, 1e-7, 123456789.0 * 1000)
x = 3
y = 0.5
print(x + y, x * y, x / 2, x - y, y < x, x == 3.0)
