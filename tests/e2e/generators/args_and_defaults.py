# Generator functions with defaults, keyword arguments and typed parameters.
def rng(start: int, stop: int = 10, step: int = 1):
    i = start
    while i < stop:
        yield i
        i += step


print(list(rng(3)), list(rng(0, 20, 5)), list(rng(stop=4, start=1)))


def scaled(xs, factor: float = 0.5, label: str = "v"):
    for x in xs:
        yield f"{label}={x * factor}"


print(list(scaled([1, 2, 3])), list(scaled(range(2), 2.0, "w")))


def gen_flag(on: bool):
    if on:
        yield "on"
    yield "always"


print(list(gen_flag(True)), list(gen_flag(False)))
g = rng(0, 3)
print(g.__next__(), iter(g) is g)
