# A type alias in an annotation types the slot as the spelled-out type does: v is
# list[num], as with `v: list[float]`, and the result num.
Vec = list[float]


def norm(v: Vec) -> float:
    s = 0.0
    for x in v:
        s += x * x
    return s
