def is_prime(n: int) -> bool:
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


count = 0
last = 0
for n in range(100000):
    if is_prime(n):
        count += 1
        last = n
print(count, last)
for n in range(30):
    if is_prime(n):
        print(n, end=" ")
print()
