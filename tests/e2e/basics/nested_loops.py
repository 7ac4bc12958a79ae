for i in range(1, 6):
    for j in range(1, 6):
        print(i * j, end="\t")
    print()

total = 0
for a in range(50):
    for b in range(a, 50):
        if (a + b) % 7 == 0:
            continue
        if a * b > 1000:
            break
        total += a * b
print(total)
