# Instance creation through a global class name: rebinding the name, adding __new__ later,
# a metaclass __call__ (from the start and added later).


class P:
    def __init__(self, x):
        self.x = x


def make(x):
    return P(x)


print(sum(make(i).x for i in range(100)))


class Q:
    def __init__(self, x):
        self.x = -x


P = Q
print(make(3).x, type(make(3)).__name__)


def not_a_class(x):
    return ("made by a function", x)


P = not_a_class
print(make(4))


class R:
    def __init__(self, x):
        self.x = x


P = R
print(make(1).x)
R.__new__ = staticmethod(lambda cls, x: Q(x))
r = make(2)
print(type(r).__name__, r.x)
R.__new__ = staticmethod(lambda cls, x: object.__new__(cls))
print(type(make(2)).__name__, make(3).x)


class Meta(type):
    calls = 0

    def __call__(cls, *args):
        Meta.calls += 1
        return super().__call__(*args)


class M(metaclass=Meta):
    def __init__(self, v):
        self.v = v


def make_m(v):
    return M(v)


print(sum(make_m(i).v for i in range(10)), Meta.calls)


class Plain(type):
    pass


class N(metaclass=Plain):
    def __init__(self, v):
        self.v = v


def make_n(v):
    return N(v)


print(sum(make_n(i).v for i in range(10)))
Plain.__call__ = lambda cls, *args: ("intercepted", args)
print(make_n(5))
del Plain.__call__
print(make_n(6).v)


# A class without __init__, then one is added.
class E:
    pass


def make_e():
    return E()


for i in range(5):
    make_e()
E.__init__ = lambda self: setattr(self, "late", True)
print(make_e().late)
try:
    E(1)
except TypeError as e:
    print("TypeError:", e)
