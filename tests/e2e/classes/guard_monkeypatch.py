# Attribute and method sites stay correct when classes change after instances exist:
# methods replaced or deleted, properties added to a base later, class attributes shadowed
# by instance attributes, and the other way round.


class Base:
    pass


class A(Base):
    def __init__(self, x):
        self.x = x

    def m(self):
        return "A.m"

    def total(self):
        return self.x * 2


def call_m(o):
    return o.m()


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


def warm(o):
    r = None
    for i in range(50):
        set_x(o, i)
        r = (call_m(o), get_x(o), o.total())
    return r


a = A(1)
print(warm(a))

# A method replaced on the class after the call site has seen it.
A.m = lambda self: "patched m"
print(call_m(a))

# A method of the base class only, then one on the class again.
del A.m
try:
    call_m(a)
except AttributeError as e:
    print("AttributeError:", e)
Base.m = lambda self: "Base.m"
print(call_m(a))
A.m = lambda self: "A.m again"
print(call_m(a))

# A property added to a base after the instance attribute was cached: the data descriptor
# wins over the instance's own value, for loads and stores.
Base.x = property(lambda self: "property x")
print(get_x(a))
try:
    set_x(a, 5)
except AttributeError as e:
    print("AttributeError:", e)
del Base.x
print(get_x(a))
set_x(a, 7)
print(get_x(a), a.total())

# A property with a setter, added later.
store = []
Base.x = property(lambda self: "got", lambda self, v: store.append(v))
set_x(a, 11)
print(get_x(a), store)
del Base.x
print(get_x(a))

# An instance attribute shadows a method; deleting it shows the method again.
a.m = lambda: "instance m"
print(call_m(a))
del a.m
print(call_m(a))
a.__dict__["m"] = lambda: "dict m"
print(call_m(a))
print(sorted(vars(a)))

# A class attribute is shadowed by the instance attribute once one is set.
class C:
    def __init__(self):
        self.y = 0

    def bump(self):
        self.count += 1
        return self.count


C.count = 10
c = C()
print(c.bump(), c.bump(), C.count, vars(c))
C.count = 100
d = C()
print(d.bump(), c.bump(), C.count)

# Replacing __init__ after instances were made.
def new_init(self, x):
    self.x = -x


for i in range(3):
    A(i)
A.__init__ = new_init
print(A(5).x, get_x(A(6)))
