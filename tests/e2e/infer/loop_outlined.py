# Loops whose cached version krait moves into a function of its own (backend/emit.c, "Outlined
# cached loops"): the values a loop leaves behind, every way out of it (break, return, an
# exception caught in or around it, a call that changes a list or math, an index out of
# range), loops side by side, closures, generators and the module body.
import math


def after_break(xs: list[float], limit: float) -> None:
    s: float = 0.0
    k: int = 0
    for i in range(len(xs)):
        s += xs[i] * 2.0
        k = i
        if s > limit:
            break
    else:
        print("no break", s, k)
        return
    print("break", s, k, xs[k])


def early_return(xs: list[float], target: float) -> int:
    for i in range(len(xs)):
        if xs[i] == target:
            return i
        xs[i] += 0.5
    return -1


def raises_out(xs: list[float], n: int) -> float:
    s: float = 0.0
    try:
        for i in range(n):
            s += xs[i]
    except IndexError as e:
        print("IndexError after", s, e)
    return s


def caught_inside(xs: list[float]) -> float:
    s: float = 0.0
    for i in range(-2, len(xs) + 2):
        try:
            s += xs[i] / (xs[i] - 3.0)
        except ZeroDivisionError:
            print("ZeroDivisionError at", i)
        except IndexError:
            print("IndexError at", i)
    return s


def with_closure(xs: list[float], scale: float) -> float:
    def inner() -> float:
        t: float = 0.0
        for i in range(len(xs)):
            t += xs[i] * scale
        return t
    first = inner()
    scale = 10.0
    return first + inner()


def side_by_side(xs: list[float], ys: list[float]) -> float:
    a: float = 0.0
    for i in range(len(xs)):
        a += xs[i]
    b: float = a
    for j in range(len(ys)):
        ys[j] = ys[j] * b
        b -= 1.0
    c: float = 0.0
    for k in range(len(ys)):
        c += ys[k] + xs[k % len(xs)]
    return a + b + c


def many_values(xs: list[float]) -> list[float]:
    a0: float = 0.0
    a1: float = 1.0
    a2: float = 2.0
    a3: float = 3.0
    a4: float = 4.0
    a5: float = 5.0
    a6: float = 6.0
    a7: float = 7.0
    a8: float = 8.0
    a9: float = 9.0
    n0: int = 0
    n1: int = 1
    n2: int = 2
    for i in range(len(xs)):
        x: float = xs[i]
        a0 += x
        a1 *= 1.0 + x / 100.0
        a2 -= x
        a3 += a0 * 0.5
        a4 = a4 * 0.9 + x
        a5 += a1 - a2
        a6 = max(a6, x)
        a7 = min(a7, x)
        a8 += a3 / (i + 1)
        a9 -= a8 * 0.01
        n0 += i
        n1 = n1 * 3 % 1000003
        n2 += n0 - n1
    return [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, float(n0), float(n1), float(n2)]


def appender(xs: list[float]) -> None:
    xs.append(xs[-1] + 1.0)


def grows_inside(xs: list[float], rounds: int) -> float:
    s: float = 0.0
    for r in range(rounds):
        for i in range(len(xs)):
            s += xs[i]
            if i == r:
                appender(xs)  # the storage may move: the loop goes on in the plain version
    return s


def patch_math() -> None:
    math.sqrt = lambda x: -x


def roots(xs: list[float], patch_at: int) -> list[float]:
    out: list[float] = []
    for i in range(len(xs)):
        if i == patch_at:
            patch_math()
        out.append(math.sqrt(xs[i]))
    return out


def root_sum(xs: list[float]) -> float:
    s: float = 0.0
    for i in range(len(xs)):
        s += math.sqrt(xs[i])
    return s


def int_items(xs: list[int]) -> int:
    t: int = 0
    for i in range(len(xs)):
        t += xs[i]
        xs[i] = t % 7
    xs[0] = 2 ** 70
    for i in range(len(xs)):
        t += xs[i]
    return t


def gen_sums(xs: list[float]):
    s: float = 0.0
    for i in range(len(xs)):
        s += xs[i]
        yield s


def main() -> None:
    after_break([1.0, 2.0, 3.0, 4.0], 5.0)
    after_break([1.0, 2.0], 100.0)
    ys = [0.5, 1.5, 2.5, 3.5]
    print(early_return(ys, 2.5), ys)
    print(early_return(ys, 9.0), ys)
    print(raises_out([1.0, 2.0, 3.0], 5))
    print(caught_inside([1.0, 3.0, 5.0]))
    print(with_closure([1.0, 2.0, 3.0], 2.0))
    print(side_by_side([1.0, 2.0], [3.0, 4.0, 5.0]))
    print(many_values([float(i) * 0.25 for i in range(40)]))
    print(grows_inside([1.0, 2.0, 3.0], 3))
    print(root_sum([1.0, 4.0, 9.0]))
    try:
        root_sum([1.0, -4.0])
    except ValueError as e:
        print("ValueError:", e)
    print(int_items([3, 4, 5, 6]))
    print(list(gen_sums([1.0, 2.0, 3.0])))
    print(roots([1.0, 4.0, 9.0, 16.0], 2))
    print(root_sum([1.0, 4.0, 9.0]))  # math.sqrt stays patched: no cached loop now


main()

# A loop of the module body.
TOTALS: list[float] = [0.0, 0.0, 0.0]
for step in range(5):
    for b in range(len(TOTALS)):
        TOTALS[b] += step * (b + 1) * 0.5
print(TOTALS, step, b)
