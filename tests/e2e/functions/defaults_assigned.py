# Assigning a function's __defaults__ / __kwdefaults__ changes what later calls that leave the
# parameter out receive.


def f(x=1):
    return x


def g(a, b=2):
    return a + b


def h(*, k=3):
    return k


print(f(), g(1), h())
f.__defaults__ = (5,)
g.__defaults__ = (10,)
h.__kwdefaults__ = {"k": 30}
print(f(), f(7), g(1), g(1, 1), h(), h(k=0))
setattr(f, "__defaults__", (9,))
print(f())
