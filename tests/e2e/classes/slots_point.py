class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dist2(self, other):
        dx = self.x - other.x
        dy = self.y - other.y
        return dx * dx + dy * dy

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


p = Point(1, 2)
q = Point(4, 6)
print(p, q, p.dist2(q))
p.x = 10
print(p)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(p, "__dict__"), Point.__slots__)
