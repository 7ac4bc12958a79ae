def f(n):
    total = 0
    squares = [i * i for i in range(n)]
    for s in squares:
        total += s
    i = -1
    evens = [i for i in squares if i % 2 == 0]
    return total, evens, i

print(f(6))
y = 10
print([y * k for k in range(3)])
