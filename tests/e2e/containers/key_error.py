d = {"a": 1, "b": 2}
print(d["a"])
del d["a"]
print(d)
print(d["zz"])
