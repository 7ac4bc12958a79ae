xs = [1, 2, 3]
d = {"a": 1}
s = {4, 5}
t = (6, 7)
print(1 in xs, 4 in xs, "a" in d, 1 in d, 5 in s, 7 in t, "ell" in "hello")
print(4 not in xs, "b" not in d, [1] in [[1], [2]], (6, 7) in {(6, 7)})
found = []
for v in range(8):
    if v in xs or v in s:
        found.append(v)
print(found)
if "a" in d and d["a"] == 1:
    print("yes")
