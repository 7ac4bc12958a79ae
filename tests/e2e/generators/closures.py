# Nested generator functions and closures: free variables, cells, lambdas, itertools.
import itertools


def make_counter(step):
    def gen(n):
        for i in range(n):
            yield i * step
    return gen


by3 = make_counter(3)
print(list(by3(4)))


def inner_scaled(xs, factor):
    def g():
        for x in xs:
            yield x * factor
    return g()


print(list(inner_scaled([1, 2, 3], 10)))


def with_lambda(n):
    total = 0
    add = lambda v: v + total
    for i in range(n):
        total += i
        yield add(100)


print(list(with_lambda(4)))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


print(list(itertools.takewhile(lambda x: x < 100, fib())))
print(next(itertools.dropwhile(lambda p: p < 1000, fib())))
gen_fn = fib
print(list(itertools.islice(gen_fn(), 5)))
