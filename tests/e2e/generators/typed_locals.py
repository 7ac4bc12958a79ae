# Typed locals (ints, floats, bools, strs) survive suspension in the frame.
def stats(xs: list) -> object:
    n: int = 0
    total: float = 0.0
    seen_neg: bool = False
    label: str = "s"
    for x in xs:
        n += 1
        total += x
        if x < 0:
            seen_neg = True
        label = label + str(n)
        yield (n, total, seen_neg, label)


for row in stats([1.5, -2.0, 3.25]):
    print(row)


def squares_upto(limit: int):
    i = 0
    while i * i <= limit:
        yield i * i
        i += 1


print(list(squares_upto(50)))
