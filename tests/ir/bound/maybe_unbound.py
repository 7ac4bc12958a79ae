def last(n: int) -> float:
    for i in range(n):
        x = i * 0.5
        y = i
    print(y)
    return x
