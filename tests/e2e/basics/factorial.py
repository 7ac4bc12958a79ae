def factorial(n: int) -> int:
    if n <= 1:
        return 1
    return n * factorial(n - 1)


def factorial_loop(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


print(factorial(50))
print(factorial_loop(50))
print(factorial(20) == factorial_loop(20))
print(factorial(100) // factorial(98))
