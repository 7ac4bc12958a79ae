# Typed list indexing and math calls inside generators: their registers live in the frame.
import math


def g(xs: list[float], n: int):
    for i in range(n):
        try:
            yield xs[i] * 2.0
            xs[i] += 1.5
            xs[i] += xs[i - 1]
            yield math.sqrt(xs[i])
        except IndexError as e:
            print("caught", e)


def h(ns: list[int]):
    for i in range(len(ns) + 1):
        try:
            ns[i] += 2**62
            yield ns[i]
        except IndexError as e:
            yield str(e)


xs = [1.0, 4.0]
print(list(g(xs, 3)), xs)
print(list(h([1, 2, 3])))
