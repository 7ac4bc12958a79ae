# Sites in base-class methods see many subclasses: overridden methods, attributes that a
# subclass turns into properties or class attributes, and more types than a site caches.


class Shape:
    def __init__(self, name):
        self.name = name
        self.size = 1

    def area(self):
        return 0

    def describe(self):
        return f"{self.name}:{self.area()}:{self.size}"


def make_kind(i):
    class K(Shape):
        def area(self):
            return i * self.size

    K.__name__ = f"K{i}"
    return K


kinds = [make_kind(i) for i in range(7)]
shapes = [k(f"s{i}") for i, k in enumerate(kinds)] + [Shape("base")]
for round in range(3):
    print([s.describe() for s in shapes])
    for s in shapes:
        s.size += 1


class Fixed(Shape):
    size = property(lambda self: 42, lambda self, v: None)


f = Fixed("fixed")
print(f.describe(), vars(f))


class Loud(Shape):
    def area(self):
        return "loud"

    @property
    def name(self):
        return "always loud"

    @name.setter
    def name(self, v):
        self._n = v


lo = Loud("quiet")
print(lo.describe(), lo._n)
print([s.describe() for s in shapes[:2]])


# A subclass adds attributes of its own after the base's.
class Sized(Shape):
    def __init__(self, name, w, h):
        super().__init__(name)
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Early(Shape):
    def __init__(self, name):
        self.first = True
        super().__init__(name)


z = Sized("z", 3, 4)
print(z.describe(), vars(z))
print(vars(Early("e")))


# An attribute set in a later method, and attributes deleted and set again: __dict__ keeps
# CPython's insertion order.
class Order:
    def __init__(self):
        self.a = 1
        self.b = 2

    def later(self):
        self.c = 3


o = Order()
o.later()
print(vars(o))
o2 = Order()
del o2.a
o2.a = 10
print(vars(o2))
o3 = Order()
o3.extra = 0
o3.later()
print(vars(o3))
o4 = Order()
del o4.b
o4.later()
o4.b = 5
print(vars(o4), o4.a + o4.b + o4.c)


# Instances of one class that set their attributes in different orders.
class Two:
    def __init__(self, flip):
        if flip:
            self.b = 1
            self.a = 2
        else:
            self.a = 2
            self.b = 1


print(vars(Two(True)), vars(Two(False)), vars(Two(True)))
t2 = Two(False)
del t2.a
t2.c = 3
t2.a = 4
print(vars(t2), t2.a)
