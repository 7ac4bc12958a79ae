# A short tour of the Python that krait compiles: functions with type hints, classes,
# generators, comprehensions, pattern matching, f-strings and exceptions.


def fib(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


class Point:
    __slots__ = ["x", "y"]

    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def __repr__(self) -> str:
        return f"Point({self.x}, {self.y})"


def countdown(n: int):
    while n > 0:
        yield n
        n -= 1


def describe(response: dict) -> str:
    match response:
        case {"status": 200, "body": data}:
            return f"Success: {data}"
        case {"status": 404}:
            return "Not Found"
        case {"status": 500} | {"status": 503}:
            return "Server Error"
        case _:
            return "Unknown"


def main() -> None:
    print("fib(90) =", fib(90))
    print("2**100 =", 2**100)
    print(Point(1.5, -2.0))
    print(list(countdown(5)))
    print({n: n * n for n in range(5) if n % 2 == 0})
    for r in ({"status": 200, "body": "ok"}, {"status": 503}, {"status": 418}):
        print(describe(r))
    try:
        print(1 // 0)
    except ZeroDivisionError as e:
        print(f"caught {type(e).__name__}: {e}")


if __name__ == "__main__":
    main()
