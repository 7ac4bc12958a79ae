# genpipe: a pipeline of three chained generators over 10M integers (issue 5's benchmark):
# numbers -> squares of the odd ones -> running sums modulo a prime, summed by the consumer.
from typing import Iterator


def numbers(n: int) -> Iterator[int]:
    i: int = 0
    while i < n:
        yield i
        i += 1


def odd_squares(xs: Iterator[int]) -> Iterator[int]:
    for x in xs:
        if x % 2 == 1:
            yield x * x


def running_mod(xs: Iterator[int], m: int) -> Iterator[int]:
    acc: int = 0
    for x in xs:
        acc = (acc + x) % m
        yield acc


def main() -> None:
    total: int = 0
    count: int = 0
    for v in running_mod(odd_squares(numbers(10_000_000)), 1_000_003):
        total += v
        count += 1
    print(count, total)


main()
