# An infinite Fibonacci stream, cut with islice and takewhile, and with a break.
import itertools


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


print(list(itertools.islice(fib(), 15)))
print(list(itertools.islice(fib(), 5, 10)))
for i, f in enumerate(fib()):
    if i == 100:
        print("fib(100) =", f)
        break
total = 0
for f in fib():
    if f > 4000000:
        break
    if f % 2 == 0:
        total += f
print("even sum", total)
