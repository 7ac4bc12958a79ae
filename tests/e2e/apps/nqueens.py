# N-queens: count all solutions for n = 1..9 with bitmasks, print the first solution boards with
# a generator, and find the solutions that are symmetric under rotation.
# krait-test: cycles


def count(n: int) -> int:
    full = (1 << n) - 1

    def go(cols: int, d1: int, d2: int) -> int:
        if cols == full:
            return 1
        total = 0
        free = full & ~(cols | d1 | d2)
        while free:
            bit = free & -free
            free ^= bit
            total += go(cols | bit, ((d1 | bit) << 1) & full, (d2 | bit) >> 1)
        return total

    return go(0, 0, 0)


def solutions(n):
    queens: list[int] = []

    def place(row):
        if row == n:
            yield tuple(queens)
            return
        for c in range(n):
            if all(c != q and abs(c - q) != row - r for r, q in enumerate(queens)):
                queens.append(c)
                yield from place(row + 1)
                queens.pop()

    yield from place(0)


def board(sol):
    n = len(sol)
    return "\n".join(" ".join("Q" if sol[r] == c else "." for c in range(n)) for r in range(n))


def rotate(sol):
    n = len(sol)
    out = [0] * n
    for r, c in enumerate(sol):
        out[c] = n - 1 - r
    return tuple(out)


print("n : solutions")
for n in range(1, 10):
    print(f"{n:>2}: {count(n):>4}")
gen = solutions(6)
first = next(gen)
print("first 6-queens:", first)
print(board(first))
print("all 6-queens:", [first] + list(gen))
eight = list(solutions(8))
print("8-queens:", len(eight), "first", eight[0], "last", eight[-1])
symmetric = [s for s in eight if rotate(rotate(s)) == s]
print("180-degree symmetric:", len(symmetric), symmetric[:3])
quarter = [s for s in eight if rotate(s) == s]
print("90-degree symmetric:", quarter)
unique = set()
for s in eight:
    forms = []
    t = s
    for _ in range(4):
        forms.append(t)
        forms.append(tuple(reversed(t)))
        t = rotate(t)
    unique.add(min(forms))
print("distinct up to symmetry:", len(unique))
print(board(min(unique)))
