# Real-world patterns over builtin bases: Money(int) with reflected +, Path(str) with / and a
# case-insensitive __eq__/__hash__, Grid(list) indexed by pairs through super(), TagSet(set),
# Counter(dict) with __missing__, Pair(tuple) with empty __slots__, __init_subclass__ keywords.
class Money(int):
    def __new__(cls, cents):
        return super().__new__(cls, cents)
    def __add__(self, other):
        return Money(int(self) + int(other))
    __radd__ = __add__
    def __repr__(self):
        return f"${int(self) / 100:.2f}"
    def __str__(self):
        return "money:" + super().__repr__()
total = sum([Money(150), Money(275)], Money(0))
print(total, repr(total), type(total).__name__, 5 + Money(1), [Money(3)], "%s %d %r" % (total, total, total))

class Path(str):
    def __truediv__(self, other):
        return Path(str(self) + "/" + other)
    def __rtruediv__(self, other):
        return Path(other + "/" + str(self))
    def __repr__(self):
        return f"Path({super().__repr__()})"
    def __eq__(self, other):
        return str(self).lower() == str(other).lower()
    def __hash__(self):
        return hash(str(self).lower())
p = Path("Usr") / "bin"
print(p, repr(p), "root" / Path("x"), p == "usr/BIN", {p: 1}.get(Path("USR/BIN")), sorted([Path("b"), Path("a")], key=len))
print(super(Path, p).__str__(), str.__str__(p), p.__len__(), len(p), str.__len__(p), p.__hash__() == hash("usr/bin"))

class Grid(list):
    def __init__(self, w, h):
        super().__init__([0] * (w * h))
        self.w = w
    def __getitem__(self, ij):
        if isinstance(ij, tuple):
            i, j = ij
            return super().__getitem__(i * self.w + j)
        return super().__getitem__(ij)
    def __setitem__(self, ij, v):
        i, j = ij
        super().__setitem__(i * self.w + j, v)
    def __len__(self):
        return super().__len__() // self.w
g = Grid(3, 2)
g[1, 2] = 7
print(g[1, 2], g[5], g[0:2], len(g), list(g), super(Grid, g).__len__(), vars(g), g.__class__.__name__)

class TagSet(set):
    def __init__(self, *tags):
        super().__init__(t.lower() for t in tags)
    def __repr__(self):
        return "TagSet(" + ", ".join(sorted(self)) + ")"
ts = TagSet("B", "a", "A")
print(ts, len(ts), min(ts), max(ts), "a" in ts, ts & {"a"}, type(ts & {"a"}).__name__, ts == {"a", "b"})

class Counter(dict):
    def __missing__(self, key):
        return 0
    def add(self, words):
        for w in words:
            self[w] += 1
        return self
c = Counter().add("the cat the hat the".split())
print(c, c["dog"], "dog" in c, sorted(c.items(), key=lambda kv: -kv[1]), c.get("dog"), len(c))
print(dict.__repr__(c), dict.__len__(c), dict.__contains__(c, "the"), super(Counter, c).__getitem__("cat"))

class Pair(tuple):
    __slots__ = ()
    def __new__(cls, a, b):
        return tuple.__new__(cls, (a, b))
    first = property(lambda self: self[0])
    def __getnewargs__(self):
        return tuple(self)
pr = Pair("x", 9)
print(pr, pr.first, "%s=%s" % pr, pr == ("x", 9), pr + pr, hash(pr) == hash(("x", 9)), *pr)
try:
    pr.z = 1
except AttributeError as e:
    print("AttributeError", e)

class Base:
    subclasses = []
    def __init_subclass__(cls, kind="plain", **kw):
        super().__init_subclass__(**kw)
        cls.kind = kind
        Base.subclasses.append(cls.__name__)
class Sub(Base, kind="special"):
    pass
class Sub2(Sub):
    pass
print(Base.subclasses, Sub.kind, Sub2.kind)
try:
    class Bad(Base, color="red"):
        pass
except TypeError as e:
    print("TypeError", e)
