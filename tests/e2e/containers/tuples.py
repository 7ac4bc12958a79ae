t = (1, "two", 3.0)
print(t, len(t), t[1], t[-1], t[0:2])
a, b, c = t
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
single = (5,)
print(single, (), (1, 2) + (3,), (1, 2) * 2)
print((1, 2) < (1, 3), t.index(3.0), t.count(1))
nested = ((1, 2), (3, 4))
for p, q in nested:
    print(p + q)
