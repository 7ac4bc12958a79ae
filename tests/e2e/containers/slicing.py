xs = list(range(10))
print(xs[2:5], xs[:3], xs[7:], xs[::2], xs[::-1], xs[-3:], xs[1:8:3])
s = "hello world"
print(s[1:4], s[::-1], s[-5:], s[:0])
xs[2:4] = ["a", "b", "c"]
print(xs)
del xs[0:2]
print(xs)
del xs[::2]
print(xs)
t = (1, 2, 3, 4)
print(t[1:3], t[::-1])
