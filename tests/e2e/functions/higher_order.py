def compose(*fs):
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return composed


def curry(f):
    def a(x):
        def b(y):
            return f(x, y)
        return b
    return a


def power(base, exp):
    return base ** exp


pipeline = compose(str, abs, lambda v: v - 10)
print(repr(pipeline(3)))
print(curry(power)(2)(10))


def memoize(f):
    cache = {}

    def inner(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    inner.cache = cache
    return inner


@memoize
def slow_square(n):
    print("computing", n)
    return n * n


print(slow_square(4), slow_square(4), slow_square(5))
print(sorted(slow_square.cache.items()))


def reduce(f, xs, acc):
    for x in xs:
        acc = f(acc, x)
    return acc


print(reduce(lambda a, b: a * b, range(1, 11), 1))
