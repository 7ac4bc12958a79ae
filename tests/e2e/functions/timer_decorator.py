def timer(func):
    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        print(f"{wrapper.__name__} finished")
        return result
    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper


@timer
def slow_sum(n):
    """Sums the first n numbers."""
    total = 0
    for i in range(n):
        total += i
    return total


print(slow_sum(1000))
print(slow_sum.__name__, slow_sum.__doc__)


def count_calls(func):
    calls = 0

    def wrapper(*args):
        nonlocal calls
        calls += 1
        print(f"call {calls} of {func.__name__}")
        return func(*args)
    return wrapper


@count_calls
def hello(name):
    return "hello " + name


print(hello("a"))
print(hello("b"))
