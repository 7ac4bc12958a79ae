# __slots__ classes and their subclasses through cached sites; del of attributes, then
# AttributeError, as CPython gives.


class S:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a

    def get_b(self):
        return self.b


def get_a(o):
    return o.a


def set_a(o, v):
    o.a = v


s = S(1)
for i in range(10):
    set_a(s, get_a(s) + 1)
print(get_a(s))
try:
    s.get_b()
except AttributeError as e:
    print("AttributeError:", e)
s.b = 2
print(s.get_b())
del s.b
try:
    s.get_b()
except AttributeError as e:
    print("AttributeError:", e)
try:
    del s.b
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)


class T(S):
    def __init__(self, a):
        super().__init__(a)
        self.extra = "t"


t = T(5)
print(get_a(t), t.extra, vars(t))
set_a(t, 6)
print(get_a(t), hasattr(t, "__dict__"))


class U(S):
    __slots__ = ("__dict__", "u")

    def __init__(self, a):
        super().__init__(a)
        self.u = "u"
        self.free = "free"


u = U(7)
print(get_a(u), u.u, vars(u))
del u.free
print(vars(u))


# del of a compiled attribute, then AttributeError, then set again.
class Plain:
    def __init__(self):
        self.a = 1

    def read(self):
        return self.a


pl = Plain()
for i in range(5):
    pl.read()
del pl.a
try:
    pl.read()
except AttributeError as e:
    print("AttributeError:", e)
try:
    del pl.a
except AttributeError as e:
    print("AttributeError:", e)
pl.a = 2
print(pl.read(), vars(pl))
