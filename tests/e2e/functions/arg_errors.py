class A:
    def m(self, x):
        return x

    def __init__(self, y):
        self.y = y


try:
    A(1).m(1, 2)
except TypeError as e:
    print(e)
try:
    A()
except TypeError as e:
    print(e)
try:
    A(1).m()
except TypeError as e:
    print(e)


def outer():
    v = 1

    def g():
        return v
    v = 2
    try:
        g()
    except NameError as e:
        print(e)


outer()


def rec(k):
    return 0 if k == 0 else 1 + rec(k - 1)


def deep(n):
    f = rec
    return f(n)


print(deep(500))
try:
    deep(100000)
except RecursionError as e:
    print("RecursionError")
f = lambda x, /, y=2, *, z: (x, y, z)
print(f(1, z=3))
try:
    f(x=1, z=2)
except TypeError as e:
    print(e)
