# Exceptions and recursion limits in functions that take the int fast path (docs/design.md, "Int
# fast paths"): the generic code reruns them and raises exactly where CPython does. Bools passed
# as ints stay bools where the function returns them unchanged.
import sys


def down(n: int) -> int:
    if n == 0:
        return 0
    return down(n - 1) + 1


def inverse_sum(n: int) -> int:
    if n < 0:
        return 0
    return 1000 // n + inverse_sum(n - 1)


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def is_even(n: int) -> int:
    return 1 if n == 0 else is_odd(n - 1)


def is_odd(n: int) -> int:
    return 0 if n == 0 else is_even(n - 1)


def add(a: int, b: int) -> int:
    return a + b


def total(n: int) -> int:
    s = 0
    for i in range(n):
        s += add(i, i)
    return s


def main() -> None:
    print(down(500), down(990))
    for n in [996, 997, 998, 5000]:
        try:
            print(down(n))
        except RecursionError as e:
            print("RecursionError", e)
    try:
        print(inverse_sum(10))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    print(fib(True), fib(False), fib(True + True), add(True, True), add(True, 2))
    print(is_even(10), is_odd(10), is_even(7), is_even(True))
    print(fib(-5), down(0), total(1000))
    sys.setrecursionlimit(100)
    for n in [90, 96, 97, 98, 200]:
        try:
            print(down(n), is_even(n))
        except RecursionError as e:
            print("RecursionError", e)
    sys.setrecursionlimit(3000)
    print(down(2900), fib(20))
    print(inverse_sum(-1))
    print(inverse_sum(3))


main()
