# Loops over typed lists of floats (ir/pass_hoist.c caches a list's storage in a loop): every
# way the loop may change, resize, retype or replace a list between two accesses must behave
# as CPython does.
import math


def put_int(xs: list, i: int) -> None:
    xs[i] = 7


def grow(xs: list[float], n: int) -> float:
    s: float = 0.0
    i: int = 0
    while i < n:
        s += xs[i]
        xs.append(s)  # the storage may move and the length changes
        i += 1
    return s


def clear_midway(xs: list[float]) -> float:
    s: float = 0.0
    for i in range(len(xs)):
        s += xs[i]
        if i == 2:
            xs.clear()
    return s


def pop_midway(xs: list[float]) -> float:
    s: float = 0.0
    for i in range(5):
        s += xs[-1] * xs[i]
        xs.pop()
    return s


def grow_and_bump(xs: list[float]) -> None:
    for i in range(40):
        xs.append(i * 1.0)  # reallocates the storage now and then
        xs[0] += 1.0
        xs[i] -= 0.5


def rebind(n: int) -> float:
    xs: list[float] = [1.0, 2.0]
    t: float = 0.0
    for i in range(n):
        t += xs[i % 2]
        xs = [t, t * 0.5]
    return t + xs[0] + xs[1]


def int_item(xs: list[float]) -> list[float]:
    for i in range(len(xs)):
        xs[i] *= 2.0
        if i == 1:
            put_int(xs, 3)  # the list stops holding raw doubles
    for i in range(len(xs)):
        xs[i] += 1.0  # the int item becomes a float
    return xs


def int_stored_in_loop(xs: list[float]) -> float:
    s: float = 0.0
    for i in range(len(xs)):
        s += xs[i]
        xs[len(xs) - 1 - i] = 1  # an int item: the list is no list of floats any more
        s += xs[i]
    return s


def negative_and_out_of_range(xs: list[float]) -> float:
    s: float = 0.0
    for k in range(-6, 6):
        try:
            s += xs[k] * 2.0
            xs[k] -= 0.25
        except IndexError as e:
            print("IndexError", k, e)
            s += 100.0
    return s


def huge_index(xs: list[float]) -> None:
    k: int = 2 ** 40
    for i in range(3):
        xs[i] += 1.0
        k = k * k
        try:
            print(xs[k])
        except IndexError as e:
            print("IndexError", i, e)


def aliased(a: list[float], b: list[float]) -> None:
    for i in range(len(a)):
        a[i] += b[i]
        b[i] *= 2.0


def divide(xs: list[float], d: float) -> None:
    for i in range(len(xs)):
        xs[i] /= d


def empty_list(xs: list[float]) -> float:
    s: float = 0.0
    for i in range(3):
        try:
            s += xs[i]
        except IndexError:
            s += 1.0
            xs.append(i * 0.5)
    return s


def total(xs: list[float]) -> float:
    s: float = 0.0
    for i in range(len(xs)):
        s += xs[i]
    return s


def total_floats(xs: list[float]) -> float:
    s: float = 0.0
    for i in range(len(xs)):
        s += xs[i]
    return s


class Clearer:
    def __init__(self, xs):
        self.xs = xs

    def __del__(self):
        print("clearing")
        self.xs.clear()


def finalizer_clears(xs: list[float]) -> float:
    s: float = 0.0
    i: int = 0
    while i < 4:
        if i == 1:
            c = Clearer(xs)
            c = None
        s += xs[i]
        i += 1
    return s


def norms(xs: list[float]) -> float:
    s: float = 0.0
    for i in range(len(xs)):
        s += math.sqrt(xs[i])
        if i == 1:
            setattr(math, "sqrt", lambda x: -x)
    return s


def push(xs: list[float], v: float) -> None:
    xs.append(v)


def call_grows(xs: list[float], ys: list[float]) -> float:
    s: float = 0.0
    for i in range(8):
        s += xs[i] + ys[i] + xs[i] * ys[i]
        push(xs, s)  # a direct call that moves xs's storage
        ys[i] += 1.0
        xs[0] -= 1.0
    return s + xs[0] + ys[7]


def shrink(xs: list[float]) -> None:
    xs.pop()


def call_shrinks(xs: list[float]) -> float:
    s: float = 0.0
    for i in range(len(xs)):
        s += xs[i] * xs[i] + xs[i]
        shrink(xs)
        xs[i] += 0.5
    return s


def mixed_lengths(short: list[float], long: list[float]) -> float:
    s: float = 0.0
    for i in range(len(long)):
        s += long[i]
        if i < len(short):
            s += short[i] * long[i]
        long[i] *= 0.5
    return s + long[0] + long[len(long) - 1]


def backwards(xs: list[float]) -> float:
    s: float = 0.0
    for i in range(-1, -len(xs) - 1, -1):
        s = s * 2.0 + xs[i]
        xs[i] += 1.0
    return s + xs[0]


def reverse_prefix(perm: list[int], k: int) -> int:
    lo: int = 0
    hi: int = k
    while lo < hi:
        t: int = perm[lo]
        perm[lo] = perm[hi]
        perm[hi] = t
        lo += 1
        hi -= 1
    return perm[0] * 100 + perm[-1]


def big_items(xs: list[int]) -> int:
    s: int = 0
    for i in range(len(xs)):
        xs[i] = xs[i] * 2 ** 40  # big ints go in
        s += xs[i] + xs[-1]
        xs[-1] = i
    return s


def int_pop(xs: list[int]) -> None:
    xs.pop()


def ints_shrink(xs: list[int]) -> int:
    s: int = 0
    for i in range(len(xs)):
        s += xs[i] + xs[i] * 2 + xs[len(xs) - 1 - i]
        if i == 1:
            int_pop(xs)
    return s


def main() -> None:
    print(grow([1.0, 2.0], 5))
    gs: list[float] = [0.0]
    grow_and_bump(gs)
    print(gs[0], gs[1], gs[2], gs[39], len(gs))
    xs: list[float] = [1.0, 2.0, 3.0, 4.0, 5.0]
    try:
        clear_midway(xs)
    except IndexError as e:
        print("IndexError", e, xs)
    try:
        pop_midway([1.0, 2.0, 3.0, 4.0, 5.0])
    except IndexError as e:
        print("IndexError", e)
    print(rebind(5))
    print(int_item([1.0, 2.0, 3.0, 4.0]))
    print(int_stored_in_loop([0.5, 1.5, 2.5, 3.5]))
    ys: list[float] = [1.0, 2.0, 3.0]
    print(negative_and_out_of_range(ys), ys)
    zs: list[float] = [1.5, 2.5, 3.5]
    huge_index(zs)
    print(zs)
    a: list[float] = [1.0, 2.0, 3.0]
    aliased(a, a)
    print(a[0], a[1], a[2])
    ds: list[float] = [1.0, 2.0]
    try:
        divide(ds, 0.0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e, ds)
    divide(ds, 4.0)
    print(ds)
    print(empty_list([]))
    print(total_floats([1.0, 2.0, 3.5]))
    try:
        finalizer_clears([1.0, 2.0, 3.0, 4.0])
    except IndexError as e:
        print("IndexError", e)
    print(call_grows([1.0, 2.0], [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5]))
    try:
        call_shrinks([1.0, 2.0, 3.0, 4.0, 5.0])
    except IndexError as e:
        print("IndexError", e)
    print(mixed_lengths([1.0, 2.0], [3.0, 4.0, 5.0, 6.0, 7.0]))
    print(backwards([1.0, 2.0, 3.0, 4.0]))
    perm: list[int] = [3, 1, 4, 1, 5, 9, 2, 6]
    print(reverse_prefix(perm, 5), reverse_prefix(perm, 7), perm)
    print(big_items([1, 2, 3, 4]))
    try:
        print(ints_shrink([1, 2, 3, 4, 5]))
    except IndexError as e:
        print("IndexError", e)
    print(norms([4.0, 9.0, 16.0, 25.0]))


main()
print(total([1.0, 2, 3.5]))
