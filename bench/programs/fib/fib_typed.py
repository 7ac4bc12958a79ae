# fib: naive doubly recursive Fibonacci, fully annotated. Measures calls and small-int arithmetic.


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main() -> None:
    n: int = 35
    print(f"fib({n}) = {fib(n)}")


main()
