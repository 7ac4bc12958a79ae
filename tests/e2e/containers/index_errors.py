xs = [1, 2, 3]
print(xs[2], xs[-3])
d = {"a": 1}
print(d["a"])
print(xs[3])
