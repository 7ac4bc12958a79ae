def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def greet(name: str, punct: str = "!") -> str:
    return f"hello {name}{punct}"
