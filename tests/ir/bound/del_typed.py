# `del` of typed locals: an int and a float target of := stay unboxed; after `del`, the float's
# flag is unset and the next read is checked; the int is checked through its zero word.
def f(xs: list[int], scale: float) -> float:
    total = 0
    for x in xs:
        if (sq := x * x) > 2:
            total += sq
    y = (z := scale * 2.0) + 1.0
    if total > 10:
        del y, total
    return y + z + total


print(f([1, 2, 3, 4], 0.5))
