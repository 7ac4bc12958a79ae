# The @ and @= operators: __matmul__, __rmatmul__, __imatmul__ (and @= falling back to @),
# NotImplemented, subclasses first, and CPython's TypeError for builtin operands.
class M:
    def __init__(self, v):
        self.v = v

    def __matmul__(self, other):
        if isinstance(other, M):
            return M(self.v * other.v)
        return NotImplemented

    def __rmatmul__(self, other):
        return M(other * self.v + 1000)

    def __repr__(self):
        return f"M({self.v})"


class I(M):
    def __imatmul__(self, other):
        self.v += other.v
        return self


class R(M):
    def __rmatmul__(self, other):
        return "R.__rmatmul__ first"


class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __matmul__(self, other):
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])


print(M(2) @ M(3))
print(5 @ M(3))
print(M(2) @ R(3))
m = M(4)
before = m
m @= M(5)
print(m, m is before)
i = I(1)
j = i
i @= M(7)
print(i, j, i is j)
p = Matrix([[1, 2], [3, 4]])
q = p @ p
q @= p
print(q.rows)
for a, b in [(1, 2), (1.5, 2.0), ("s", "t"), ([1], [2]), (M(1), "x"), (None, M(2))]:
    try:
        print(a @ b)
    except TypeError as e:
        print(e)
x = [1]
try:
    x @= 3
except TypeError as e:
    print(e)
n = 2
try:
    n @= 3
except TypeError as e:
    print(e)
print(3 @ 4)
