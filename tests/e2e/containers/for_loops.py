for ch in "abc":
    print(ch, end=" ")
print()
for k in {"x": 1, "y": 2}:
    print(k)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
for x in [1, 2, 3, 4, 5]:
    if x == 2:
        continue
    if x == 4:
        break
    print(x)
else:
    print("no break")
for x in []:
    print("never")
else:
    print("empty else")
total = 0
for row in [[1, 2], [3], []]:
    for v in row:
        total += v
print(total)
