def last_half(n: int) -> float:
    if n > 3:
        h = n / 2
    return h


print(last_half(5))
print(last_half(1))
