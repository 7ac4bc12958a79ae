# Rebinding a module-level function's name from inside a function through `global`: every call
# made afterwards, from anywhere, sees the new binding.


def handler():
    return "default"


def run():
    return handler()


def install():
    global handler
    handler = lambda: "custom"


print(handler(), run())
install()
print(handler(), run())


def restore(f):
    global handler
    handler = f


original_handler = handler
def plain():
    return "plain"


restore(plain)
print(handler(), run(), handler.__name__)


# Rebound from a nested function with its own `global`.
def square(x):
    return x * x


def outer():
    def inner():
        global square
        square = lambda x: x * x * x
    inner()


print(square(3))
outer()
print(square(3), [square(i) for i in range(4)])


# Rebound to something that is not callable: CPython's TypeError at the call.
def target():
    return 1


def spoil():
    global target
    target = 42


print(target())
spoil()
try:
    target()
except TypeError as e:
    print("TypeError:", e)


# Rebound to a builtin and to a class.
def conv(x):
    return x + 1


def swap():
    global conv
    conv = str


print(conv(5))
swap()
print(repr(conv(5)))


class Box:
    def __init__(self, v):
        self.v = v


def make(v):
    return v


def use_box():
    global make
    make = Box


print(make(3))
use_box()
print(make(3).v)


# A recursive function whose name is rebound: the recursive call reads the global, as in CPython.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(5))
real_fact = fact


def cheat():
    global fact
    fact = lambda n: 100


cheat()
print(real_fact(5), fact(5))


def count(n):
    if n == 0:
        return "done"
    return count(n - 1)


def break_count():
    global count
    count = "not a function"


saved = count
print(saved(3))
break_count()
try:
    saved(3)
except TypeError as e:
    print("TypeError:", e)


# Rebound from a class body that declares it global, and by a decorator that replaces it.
def kind():
    return "function"


class Registry:
    global kind
    kind = lambda: "from class"


print(kind())


def replace_with_none(f):
    return None


def first():
    return 1


print(first())


@replace_with_none
def first():
    return 2


try:
    first()
except TypeError as e:
    print("TypeError:", e)


# Keywords and defaults, before and after the function is replaced by one with other defaults.
def area(w, h=2):
    return w * h


print(area(3), area(3, h=4), area(h=5, w=1))


def swap_area():
    global area
    area = lambda w, h=10: w + h


swap_area()
print(area(3), area(3, h=4), area(h=5, w=1))


# The callee is read before the arguments are evaluated: an argument that rebinds the name does
# not change which function this call runs.
def which(x):
    return "old"


def rebind_which():
    global which
    which = lambda x: "new"
    return 0


print(which(rebind_which()), which(0))


# Typed parameters and results.
def half(x: float) -> float:
    return x / 2


def count_up(n: int) -> int:
    return n + 1


print(half(3.0), count_up(41), half(1) + count_up(1))


def retype():
    global half, count_up
    half = lambda x: "half of " + str(x)
    count_up = str


retype()
print(half(3.0), repr(count_up(41)))
print(half(1) + count_up(1))
