# Typed list indexing: list[float] and list[int] with int indices read and store without boxing;
# every corner must still behave as CPython: negative indices, IndexError, lists whose storage
# changes behind the typed code, ints that grow into big ints inside typed arithmetic, ints
# stored into a list[float].


def total(xs: list[float]) -> float:
    s: float = 0.0
    for i in range(len(xs)):
        s += xs[i]
    return s


def get(xs: list[float], i: int) -> float:
    return xs[i]


def put(xs: list[float], i: int, v: float) -> None:
    xs[i] = v


def bump(xs: list[float], i: int, d: float) -> None:
    xs[i] += d
    xs[i] *= 2.0


def lengths(xs: list[float], ns: list[int]) -> int:
    return len(xs) * 100 + len(ns) + len(list(range(7))) * 10000


def side(xs: list[float], i: int) -> float:
    print("side effect")
    xs[i] = 100.0
    return 0.5


def aug_order(xs: list[float], i: int) -> None:
    xs[i] += side(xs, i)  # CPython reads xs[i] before calling side()


def aug_int_item(xs: list[float], i: int) -> None:
    xs[i] += 1  # an int item stays an int
    xs[i] -= 0.5  # and becomes a float with a float operand
    xs[i] /= 2.0


def aug_read_first(xs: list[float], ys: list[float], i: int, j: int) -> None:
    xs[i] += ys[j]  # the operand can fail: xs[i] is read first
    xs[i] *= ys[j] if j > 0 else 3.0
    xs[i] -= (lambda: 0.25)()


def iget(xs: list[int], i: int) -> int:
    return xs[i]


def iput(xs: list[int], i: int, v: int) -> None:
    xs[i] = v


def ibump(xs: list[int], i: int, d: int) -> None:
    xs[i] += d
    xs[i] -= 1
    xs[i] *= d


def poke(a, i, v):
    a[i] = v


def main() -> None:
    xs: list[float] = [0.5, 1.5, 2.5, 3.5]
    print(get(xs, 0), get(xs, 3), get(xs, -1), get(xs, -4), total(xs))
    put(xs, -2, 9.25)
    bump(xs, 1, 0.25)
    print(xs, xs[True], xs[False])
    for i in [4, -5, 10**30, -(10**30)]:
        try:
            print(get(xs, i))
        except IndexError as e:
            print("IndexError:", e)
        try:
            put(xs, i, 1.0)
        except IndexError as e:
            print("IndexError:", e)
        try:
            bump(xs, i, 1.0)
        except IndexError as e:
            print("IndexError:", e)
    # An int stored into a list[float] stays an int; the list stops holding raw doubles.
    ys: list[float] = [1.0, 2.0, 3.0]
    ys[0] = 7
    print(ys)
    poke(ys, 1, "text")
    poke(ys, 1, 4.5)
    put(ys, 2, 8.5)
    bump(ys, 2, 1.0)
    print(ys, get(ys, 1), get(ys, 2), total([get(ys, 1), get(ys, -1)]))
    # Empty list and a list emptied while typed code holds it.
    zs: list[float] = []
    try:
        get(zs, 0)
    except IndexError as e:
        print("IndexError:", e)
    zs.append(1.0)
    print(get(zs, 0))
    zs.clear()
    try:
        put(zs, 0, 1.0)
    except IndexError as e:
        print("IndexError:", e)
    ws: list[float] = [1.0, 2.0]
    aug_order(ws, 0)
    print(ws)
    try:
        aug_order(ws, 2)
    except IndexError as e:
        print("IndexError:", e)
    poke(ws, 1, 3)
    aug_int_item(ws, 1)
    print(ws)
    poke(ws, 1, 3)
    try:
        bump(ws, 1, 1.0)
        aug_int_item(ws, 0)
        ws[0] /= 0.0
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    print(ws)
    ps: list[float] = [1.0, 2.0, 3.0]
    aug_read_first(ps, ps, 0, 1)
    aug_read_first(ps, [0.5], 1, 0)
    print(ps)
    for i, j in [(5, 0), (0, 5), (5, 5)]:
        try:
            aug_read_first(ps, ps, i, j)
        except IndexError as e:
            print("IndexError:", e)
    poke(ps, 2, 1)
    aug_read_first(ps, ps, 2, 0)
    poke(ps, 2, 2)
    aug_read_first(ps, [0.5], 2, 0)
    print(ps)
    # list[int]: small ints, big ints, overflow into big ints inside typed arithmetic.
    ns: list[int] = [1, 2, 3, 2**62 - 1]
    print(iget(ns, 0), iget(ns, -1), iget(ns, 3) + 1)
    ibump(ns, 3, 3)
    ibump(ns, 0, 2**70)
    iput(ns, 1, -(2**80))
    print(ns, iget(ns, 1) * iget(ns, 1))
    iput(ns, 1, 5)
    print(ns)
    for i in [4, -5]:
        try:
            iget(ns, i)
        except IndexError as e:
            print("IndexError:", e)
        try:
            iput(ns, i, 0)
        except IndexError as e:
            print("IndexError:", e)
    fs: list[int] = [0] * 3
    for i in range(3):
        fs[i] = i * i
        fs[-1 - i] += 10
    print(fs)
    print(lengths([], []), lengths(xs, fs), lengths(ws, ns))
    ns.append(4)
    ns.clear()
    print(lengths(ws, ns))


main()
