xs = [1, 2, 3, 4, 5]
del xs[1]
print(xs)
del xs[-1], xs[0]
print(xs)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
m = [[1, 2], [3, 4]]
m[0][1] += 10
m[1][0] -= 1
print(m)
s = "x"
s += "y"
s *= 2
print(s)
t = (1,)
t += (2,)
print(t)
