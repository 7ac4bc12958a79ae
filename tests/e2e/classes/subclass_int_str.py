# User classes derived from int and str: __new__, extra attributes, methods, and the
# builtin operations on instances (results are plain int/str, as in CPython).
class Color(int):
    def __new__(cls, value, name="?"):
        obj = super().__new__(cls, value)
        obj.name = name
        return obj
    def __repr__(self):
        return f"Color({int(self)}, {self.name!r})"

c = Color(3, "red")
print(c, repr(c), c.name, isinstance(c, int), type(c).__name__)
print(c + 1, type(c + 1).__name__, c * 2, c == 3, hash(c) == hash(3))
print(sorted([Color(5), Color(1), Color(3)]))
d = {c: "x"}
print(d[3])
print(f"{c:>5}", "%d" % c, str(c))

class Path(str):
    def parent(self):
        i = self.rfind("/")
        return Path(self[:i]) if i >= 0 else Path("")
    def __truediv__(self, other):
        return Path(self + "/" + other)

p = Path("a/b/c")
print(p, repr(p), p.parent(), type(p.parent()).__name__, len(p))
q = p / "d"
print(q, type(q).__name__, type(p + "x").__name__, p.upper(), type(p.upper()).__name__)
print("-".join([Path("x"), Path("y")]), p == "a/b/c", p in {"a/b/c"}, p.startswith("a"))
for ch in Path("hi"):
    print(ch)

class Tag(str):
    def __new__(cls, text, weight=1):
        s = super().__new__(cls, text)
        s.weight = weight
        return s
    def shout(self):
        return self.upper() + "!"

t = Tag("hello", 5)
print(t, t.weight, t.shout(), t.__dict__, len(t), t[1:3], type(t[1:3]).__name__)
print(", ".join([Tag("a"), Tag("b"), "c"]), "%s-%r" % (t, t), f"{t!r:>10}", f"{t:>8}")
print(sorted([Tag("b"), Tag("a"), Tag("c")]), {Tag("k"): 1}["k"], "k" == Tag("k"))
print(t.split("l"), [type(x).__name__ for x in t.split("l")], str(t), type(str(t)).__name__)
print(t * 2, type(t * 2).__name__, t.replace("l", "L"), t.encode(), hash(t) == hash("hello"))

class Base(int):
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append(cls.__name__)
class Small(Base):
    pass
class Large(Base):
    pass
print(Base.registry, Small(3) + Large(4), type(Small(3)).__mro__[1].__name__)

class Celsius(float):
    def __new__(cls, v):
        if v < -273.15:
            raise ValueError("too cold")
        return super().__new__(cls, v)
try:
    Celsius(-300)
except ValueError as e:
    print(e)
print(Celsius(20) == 20.0)

class Flags(int):
    def __eq__(self, other):
        return int(self) == int(other) if isinstance(other, int) else NotImplemented
    def __hash__(self):
        return int.__hash__(self)
    def __contains__(self, f):
        return bool(self & f)
f = Flags(5)
print(f == 5, f != 5, f < 6, 4 in f, 2 in f, {f: "x"}[5], hash(f) == hash(5), f | 2, type(f | 2).__name__)
big = Flags(2 ** 70)
print(big, big + 1, big == 2 ** 70, str(big)[-3:])
