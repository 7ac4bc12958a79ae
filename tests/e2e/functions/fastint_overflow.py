# Functions that compute only with ints run on machine words first (docs/design.md, "Int fast
# paths"); whatever leaves 64 bits mid-recursion must still give the exact big int.


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fact(n: int) -> int:
    return 1 if n <= 1 else n * fact(n - 1)


def doubling(n: int) -> int:
    if n == 0:
        return 1
    x = doubling(n - 1)
    return x + x


def plus_big(n: int) -> int:
    return n + 4611686018427387903


def neg(n: int) -> int:
    return -n


def collatz(n: int) -> int:
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def tri(n):
    # unannotated: inference finds int
    if n == 0:
        return 0
    return n * n * n + tri(n - 1)


def main() -> None:
    print([fib(i) for i in range(25)])
    for n in [0, 1, 5, 20, 21, 22, 25, 30, 60, 100, -3]:
        print("fact", n, fact(n))
    for n in [61, 62, 63, 64, 65, 130, 300]:
        print("doubling", n, doubling(n))
    for n in [0, 1, 4611686018427387903, 4611686018427387904, -4611686018427387904,
              9223372036854775807, -9223372036854775808]:
        print("plus_big", n, plus_big(n), neg(n))
    for n in [27, 97, 871, 4611686018427387903, 2 ** 62 + 1, 2 ** 70 + 1]:
        print("collatz", n, collatz(n))
    for n in [10, 100, 300, 5000 // 20]:
        print("tri", n, tri(n))
    print(tri(3) + tri(2 ** 40 // 2 ** 38))


main()
