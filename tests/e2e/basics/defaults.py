def greet(name: str, greeting: str = "Hello", times: int = 1) -> None:
    for _ in range(times):
        print(greeting, name)


def scale(x: float, factor: float = 2.0) -> float:
    return x * factor


greet("world")
greet("krait", "Hi", 2)
greet("you", times=3, greeting="Hey")
print(scale(1.5), scale(1.5, 3.0), scale(x=2.0))


def pair(a: int, b: int, c: int = 0) -> int:
    return a * 100 + b * 10 + c


def noisy(x: int) -> int:
    print("arg", x)
    return x


print(pair(b=noisy(2), a=noisy(1)))
print(pair(noisy(3), c=noisy(4), b=noisy(5)))
