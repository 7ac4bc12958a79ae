# Many generators alive at once, interleaved by hand.
def counter(name, step):
    v = 0
    while True:
        yield f"{name}:{v}"
        v += step


gens = [counter("a", 1), counter("b", 10), counter("c", 100)]
for _ in range(3):
    print([next(g) for g in gens])


def chain2(a, b):
    yield from a
    yield from b


print(list(chain2(range(3), "xy")))
