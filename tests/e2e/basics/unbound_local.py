def last_square(n: int) -> int:
    for i in range(n):
        sq = i * i
    return sq


def last_half(n: int) -> float:
    for i in range(n):
        h = i / 2
    return h


print(last_square(5), last_half(5))
print(last_square(0))
