# Rebinding a module-level function's name in nested blocks at module level, after calls were
# already made.
import sys


def greet():
    return "hello"


print(greet())
if len(greet()) > 3:
    greet = lambda: "hi"
print(greet())


def step(x):
    return x + 1


total = 0
for i in range(3):
    total = step(total)
    if i == 1:
        def step(x):
            return x * 10
print(total)


def pick():
    return "first"


n = 0
while n < 2:
    print(pick())
    pick = lambda: "later"
    n += 1


def risky():
    return 1 / 0


try:
    risky()
except ZeroDivisionError:
    risky = lambda: "fixed"
print(risky())


def err():
    return 1


print(err())
try:
    1 / 0
except ZeroDivisionError as err:
    print("caught", err)
try:
    err()
except NameError as e:
    print("NameError:", e)


def log():
    return "log function"


print(log())


class Ctx:
    def __enter__(self):
        return "entered"

    def __exit__(self, *a):
        return False


with Ctx() as log:
    print(log)
print(log)


def value():
    return 3


print(value())
value = 7
try:
    value()
except TypeError as e:
    print("TypeError:", e)


def mode():
    return "a"


match sys.argv[1:]:
    case []:
        mode = lambda: "b"
print(mode())


def fmt(x):
    return str(x)


print([fmt(i) for i in range(3)])
if True:
    fmt = repr
print([fmt(str(i)) for i in range(3)])


def kw(a, b=2):
    return a + b


print(kw(1), kw(1, b=5))
for kw in [lambda a, b=0: a * 10 + b]:
    pass
print(kw(1), kw(1, b=5))
