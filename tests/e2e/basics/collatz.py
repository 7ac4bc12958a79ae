def collatz_steps(n: int) -> int:
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


best = 0
best_n = 0
for n in range(1, 10000):
    s = collatz_steps(n)
    if s > best:
        best = s
        best_n = n
print("longest chain below 10000:", best_n, "with", best, "steps")
print(collatz_steps(27))
