# Generator and callable annotations from typing are read at compile time.
from typing import Callable, Generator, Iterator


def count_up(n: int) -> Iterator[int]:
    i = 0
    while i < n:
        yield i
        i += 1


def echo() -> Generator[int, int, str]:
    got = yield 0
    while got >= 0:
        got = yield got * 2
    return "done"


def apply(f: Callable[[int], int], xs: Iterator[int]) -> list[int]:
    return [f(x) for x in xs]


def triple(x: int) -> int:
    return 3 * x


print(apply(triple, count_up(5)))
g = echo()
print(next(g), g.send(4), g.send(10))
try:
    g.send(-1)
except StopIteration as stop:
    print("returned", stop.value)
