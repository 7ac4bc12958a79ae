# suspended: N generator objects, each suspended at its first yield, kept alive in a list
# (issue 5's benchmark: 1M suspended generators must take less memory than in CPython).
# N is the first argument; the runner subtracts the peak RSS of N = 0 (the baseline).
import sys
from typing import Iterator


def counter(start: int) -> Iterator[int]:
    i: int = start
    while True:
        yield i
        i += 1


def main() -> None:
    n: int = int(sys.argv[1])
    gens: list[Iterator[int]] = []
    for k in range(n):
        g: Iterator[int] = counter(k)
        next(g)
        gens.append(g)
    total: int = 0
    for g in gens:
        total += next(g)
    print(len(gens), total)


main()
