def trace(func):
    def wrapper(*args, **kwargs):
        print("calling", func.__name__, args, kwargs)
        result = func(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper


@trace
def add(a, b=0):
    return a + b


add(2, 3)
add(1, b=5)


def repeat(n):
    def deco(func):
        def wrapper(*args):
            return [func(*args) for _ in range(n)]
        return wrapper
    return deco


@repeat(3)
def greet(name):
    return "hi " + name


print(greet("bo"))


def bold(f):
    return lambda: "<b>" + f() + "</b>"


def italic(f):
    return lambda: "<i>" + f() + "</i>"


@bold
@italic
def text():
    return "x"


print(text())
registry = []


def register(f):
    registry.append(f.__name__)
    return f


@register
def alpha():
    pass


@register
def beta():
    pass


print(registry, alpha(), beta.__name__)
