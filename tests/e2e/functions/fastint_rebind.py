def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def other(n):
    return n * 100


print(fib(20))
old = fib
fib = other
print(old(5))
fib = old
print(fib(25))


def tri(n):
    if n == 0:
        return 0
    return n + tri(n - 1)


def big(n, acc):
    if n == 0:
        return acc
    return big(n - 1, acc * 3 + 1)


print(tri(500), big(60, 1))
tri = lambda n: -1
print(tri(500))
