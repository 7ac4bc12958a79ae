# fib: naive doubly recursive Fibonacci, without annotations. Measures calls and small-int
# arithmetic.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    n = 35
    print(f"fib({n}) = {fib(n)}")


main()
