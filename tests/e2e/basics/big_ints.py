print(2 ** 200)
print(-(2 ** 100))
x = 2 ** 64
print(x + 1, x - 1, x * x)
print(x // 3, x % 7, -x // 7, -x % 7)
print(10 ** 30 + 1 > 10 ** 30)
y = 4611686018427387903
print(y + 1, y * 2, -y - 2)
print(123456789123456789 * 987654321987654321)
big = 1
for i in range(100):
    big = big * 3
print(big)
print(big % 1000000007)
