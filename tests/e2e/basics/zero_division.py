def divide(a: int, b: int) -> int:
    return a // b


def outer(n: int) -> int:
    return divide(n, n - 5) + 1


print(outer(10))
print("before")
print(outer(5))
print("not reached")
