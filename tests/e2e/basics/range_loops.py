# for over range(): the arguments are evaluated once (rebinding a name in the body changes
# nothing), and counters near and past the machine-word range stay exact.


def rebind_stop(n: int) -> list[int]:
    out: list[int] = []
    for i in range(n):
        n = 0
        out.append(i)
    return out


def rebind_step(k: int) -> list[int]:
    out: list[int] = []
    for i in range(0, 10, k):
        k = 100
        out.append(i)
    return out


def rebind_untyped(n, s):
    out = []
    for i in range(n, 0, s):
        n = 1000
        s = 1
        out.append(i)
    return out


def count_to(xs: list[float]) -> int:
    n: int = len(xs)
    total: int = 0
    for i in range(n):
        for j in range(i + 1, n):
            total += i * j
    return total


def edges(start: int, stop: int, step: int) -> list[int]:
    out: list[int] = []
    for i in range(start, stop, step):
        out.append(i)
    return out


def by_len(xs: list[int]) -> int:
    s: int = 0
    for i in range(len(xs) - 1, -1, -1):
        s = s * 10 + xs[i]
    return s


m = 3
for k in range(m):
    m -= 1
    print(k, m)
print(rebind_stop(4))
print(rebind_step(3))
print(rebind_untyped(5, -2))
print(count_to([1.0] * 30))
big = 2 ** 62
print(edges(big - 3, big + 2, 1))
print(edges(big - 1, big + 5, 2))
print(edges(-big + 2, -big - 3, -1))
print(edges(2 ** 63 - 2, 2 ** 63 + 1, 1))
print(edges(-(2 ** 63) + 1, -(2 ** 63) - 2, -1))
print(edges(big * 4, big * 4 + 10, 3))
print(by_len([1, 2, 3, 4]))
print(sum(i for i in range(10 ** 6)))


# The target keeps the last value after the loop, whatever the body does to it (the step adds
# to the target when nothing else in the loop assigns it).
def target_after(n: int) -> None:
    for i in range(3):
        pass
    print(i)
    for k in range(n):
        if k == 2:
            continue
        if k == 4:
            break
    print(k)
    for m in range(2):
        for m in range(m, 3):  # the inner loop rebinds the outer one's target
            pass
        print(m)
    for d in range(3):
        if d == 1:
            del d
            d = 10
    print(d)
    for e in range(n):
        e += 100
    print(e)
    total = 0
    for f in range(2 ** 62 - 2, 2 ** 62 + 2):
        total += f % 7
    print(f, total)


target_after(6)
