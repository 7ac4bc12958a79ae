def check(n):
    if n > 2:
        raise ValueError(f"bad value {n}")
    return n


print(check(1))
print(check(3))
