def documented(a, b=1):
    """Adds two numbers."""
    return a + b


print(documented.__name__, documented.__doc__)
print(documented.__defaults__)


def outer():
    def inner():
        pass
    return inner


print(outer().__qualname__, outer().__name__)
f = lambda: 0
print(f.__name__, f.__qualname__)


def undocumented():
    return 1


print(undocumented.__doc__)
documented.tag = "math"
print(documented.tag)
