import functools
from functools import reduce, wraps


def timer(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        print(f"{func.__name__} took some time")
        return result
    return wrapper


@timer
def compute(n, scale=1):
    """Computes a sum."""
    return sum(range(n)) * scale


print(compute(100), compute(10, scale=3))
print(compute.__name__, compute.__doc__, compute.__qualname__)
print(compute.__wrapped__(5))


def logged(prefix):
    def deco(f):
        @wraps(f)
        def inner(*a):
            print(prefix, f.__name__, a)
            return f(*a)
        return inner
    return deco


@logged("LOG")
def mul(a, b):
    return a * b


print(mul(6, 7), mul.__name__)
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(mul.__wrapped__, [1, 2, 3], 10))
try:
    reduce(mul, [])
except TypeError as e:
    print("TypeError:", e)
