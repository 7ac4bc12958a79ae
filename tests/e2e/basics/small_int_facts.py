# Int arithmetic the compiler proves stays in the machine-word range (loop counters below a
# list's length, constants) next to arithmetic it must not assume so: results near and past
# 2**62 and 2**63 stay exact.


def while_len(xs: list[int]) -> int:
    i = 0
    s = 0
    while i < len(xs):
        s += xs[i] * i
        i += 1
    return s


def rebind_bound(xs: list[int]) -> int:
    n = len(xs)
    i = 0
    while i < n:
        n = 2 ** 62 + 5
        i = i + 2 ** 61
    return i


def from_min(k: int) -> int:
    # k is not known small: 0 - k may leave the range
    return 0 - k


def sub_edges(a: int, b: int) -> list[int]:
    return [a - b, b - a, a + b, -a - b]


def counter_gen(xs: list[float]):
    for i in range(len(xs)):
        yield i, xs[i]
        if i > 2:
            yield i + 1, -1.0


def try_in_loop(xs: list[int]) -> list[int]:
    out: list[int] = []
    for i in range(len(xs)):
        try:
            out.append(10 // xs[i])
        except ZeroDivisionError:
            out.append(i - 100)
            continue
        if i > 4:
            break
    return out


def closure_counter(n: int) -> list[int]:
    fs = []
    for i in range(n):
        fs.append(lambda: i * 2)
    return [f() for f in fs]


def down(xs: list[int]) -> list[int]:
    out: list[int] = []
    i = len(xs) - 1
    while i > -1:
        out.append(xs[i] + i)
        i -= 1
    for j in range(len(xs), -3, -2):
        out.append(j)
    return out


def bool_sum(flags: list[bool]) -> int:
    t = 0
    for f in flags:
        t = t + int(f)
    return t


def near_max(k: int) -> list[int]:
    out: list[int] = []
    i = k
    for _ in range(4):
        out.append(i)
        i += 1
    return out


def nested(n: int) -> int:
    xs: list[float] = [0.5] * n
    c = 0
    for i in range(len(xs)):
        for j in range(i + 1, len(xs)):
            c += j - i
        i = 10 ** 20  # rebinding the target: the next value still comes from the counter
        c += i // 10 ** 19
    return c


big = 2 ** 62
print(while_len([3, 1, 4, 1, 5, 9]))
print(rebind_bound([1, 2, 3]))
print(from_min(-big), from_min(big - 1), from_min(-(2 ** 63)))
print(sub_edges(big - 1, -big))
print(sub_edges(-big, big - 1))
print(list(counter_gen([1.5, 2.5, 3.5, 4.5, 5.5])))
print(try_in_loop([1, 0, 3, 0, 5, 7, 9, 11]))
print(closure_counter(4))
print(down([1, 2, 3]))
print(bool_sum([True, False, True, True]))
print(near_max(big - 2), near_max(2 ** 63 - 2), near_max(-big - 1))
print(nested(6))


class Huge(list):
    def __len__(self):
        return 2 ** 62 + 3


def twice_len(xs: list[float]) -> int:
    n = len(xs)
    t = 0.0
    for i in range(n):
        if i >= 3:
            break
        t += xs[i]
    m = n + n
    for j in range(n - 2, n + 1):
        m += j
    return m + int(t)


print(twice_len([1.0, 2.0, 3.0, 4.0]))
print(twice_len(Huge([1.5, 2.5, 3.5, 4.5])))
