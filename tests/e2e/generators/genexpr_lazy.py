# Generator expressions are lazy generator objects with their own scope.
import itertools
g = (x * x for x in range(5))
print(type(g).__name__)
print(next(g), next(g))
print(list(g))
squares = (n * n for n in itertools.count(1))
print(list(itertools.islice(squares, 5)))
pairs = ((a, b) for a in range(3) for b in "xy" if a != 1)
print(list(pairs))
def consume(it):
    total = 0
    for v in it:
        total += v
    return total
print(consume(x for x in range(10) if x % 3 == 0))
def f(xs):
    return list(y + 1 for y in xs)
print(f([1, 2]))
lazy = (print("eval", i) or i for i in range(3))
print("before")
print(next(lazy))
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)
gg = (1 // (2 - i) for i in range(4))
try:
    print(list(gg))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
def gen_of_gen():
    yield from (c.upper() for c in "abc")
print(list(gen_of_gen()))
print(sum(x for x in range(101)), max((len(w) for w in ["a", "abc", "ab"]), default=0))
