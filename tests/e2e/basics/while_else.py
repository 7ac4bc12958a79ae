def find(limit: int, target: int) -> int:
    i = 0
    while i < limit:
        if i * i == target:
            print("found", i)
            break
        i += 1
    else:
        print("no root for", target)
        return -1
    return i


print(find(10, 49))
print(find(10, 50))
for k in range(3):
    if k == 5:
        break
else:
    print("loop finished")
for k in range(10, 0, -3):
    print(k, end=" ")
print()
n = 0
while True:
    n += 1
    if n < 5:
        continue
    break
print(n)
