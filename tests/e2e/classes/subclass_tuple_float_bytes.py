# User classes derived from tuple (namedtuple-like), float and bytes.
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __repr__(self):
        return f"Point(x={self.x}, y={self.y})"
pt = Point(1, 2)
print(pt, pt.x, pt.y, len(pt), pt == (1, 2), hash(pt) == hash((1, 2)), list(pt))
a, b = pt
print(a, b, pt + (3,), type(pt + (3,)).__name__)
class Vec(tuple):
    def __new__(cls, *xs):
        return super().__new__(cls, xs)
    def __add__(self, other):
        return Vec(*[a + b for a, b in zip(self, other)])
    def __repr__(self):
        return "Vec" + tuple.__repr__(self)
v = Vec(1, 2, 3)
v.label = "v"
print(v, v + Vec(1, 1, 1), v.label, v[0], v[-1], v[:2], type(v[:2]).__name__, len(v))
print(tuple(v), type(tuple(v)).__name__, list(reversed(v)), v.count(2), v.index(3), 2 in v)
x, *rest = v
print(x, rest, max(v), sum(v), v == (1, 2, 3), sorted(v, reverse=True))

class Meters(float):
    def __repr__(self):
        return f"{float(self)}m"
m = Meters(2.5)
print(m, m + 1, type(m + 1).__name__, m * 2, round(m), f"{m:.2f}", m > 2, int(m), isinstance(m, float))
print(Meters("3.25"), abs(Meters(-1.5)), -m, m.is_integer(), m.hex())

class Blob(bytes):
    def size(self):
        return len(self)
b = Blob(b"abc")
print(b, b.size(), b + b"d", type(b + b"d").__name__, b[0], b.decode(), b.upper(), b == b"abc")

