def fib_memo(n):
    memo = {}

    def fib(k):
        if k in memo:
            return memo[k]
        r = k if k < 2 else fib(k - 1) + fib(k - 2)
        memo[k] = r
        return r

    return fib(n)


print(fib_memo(50))


def flatten(xs):
    out = []

    def walk(x):
        if isinstance(x, list):
            for y in x:
                walk(y)
        else:
            out.append(x)

    walk(xs)
    return out


print(flatten([1, [2, [3, [4, 5]], 6], [[7]]]))


def even_odd(n):
    def is_even(k):
        return True if k == 0 else is_odd(k - 1)

    def is_odd(k):
        return False if k == 0 else is_even(k - 1)

    return is_even(n), is_odd(n)


print(even_odd(10), even_odd(7))
