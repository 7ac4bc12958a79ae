class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    def __eq__(self, other):
        return isinstance(other, Vector) and self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)

    def __bool__(self):
        return bool(self.x or self.y)


a = Vector(1, 2)
b = Vector(3, 4)
print(a + b, a * 3, a == Vector(1, 2), a != b, len(a), a[1])
print(sorted([b, a, Vector(0, 9)]))
print(str(a), repr(b), f"{a}")
print(len({a, Vector(1, 2), b}))
print(bool(Vector(0, 0)), bool(a), list(a))
