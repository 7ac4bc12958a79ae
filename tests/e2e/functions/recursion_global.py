def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def apply(f, *args):
    return f(*args)


print(apply(fact, 20))
print(apply(fact, 30))
fs = [fact, lambda n: n + 1]
print([g(5) for g in fs])


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print(apply(ackermann, 2, 3))
