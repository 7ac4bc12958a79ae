def total(n: int, step: int) -> int:
    s = 0
    for i in range(0, n, step):
        if i == 13:
            continue
        s += i
    else:
        s -= 1
    return s
