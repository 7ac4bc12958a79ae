from_start = None


def first_multiple(n: int, k: int) -> int | None:
    for i in range(1, n):
        if i % k == 0:
            return i
    return None


print(first_multiple(10, 3), first_multiple(10, 11))
r = first_multiple(100, 7)
if r is not None:
    print(r * 2)
print(from_start)
