def f(v):
    a, b, c = v
    return a + b + c

print(f([1, 2, 3]))
x, *y = [1]
print(x, y)
a, b = [1]
