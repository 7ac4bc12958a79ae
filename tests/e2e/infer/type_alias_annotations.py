# Annotations through type aliases (Matrix = list[list[float]]) type slots as the spelled-out
# types do; a name bound twice is no alias. Results are CPython's.

Matrix = list[list[float]]
Vector = list[float]
Counts = dict[str, int]
MaybeName = str | None
IntOrNone = int | None
Shape = tuple[int, int]
Twice = list[int]
Twice = list[str]

def matmul(a: Matrix, b: Matrix) -> Matrix:
    n, m, p = len(a), len(b), len(b[0])
    out: Matrix = [[0.0] * p for _ in range(n)]
    for i in range(n):
        for j in range(p):
            acc = 0.0
            for k in range(m):
                acc += a[i][k] * b[k][j]
            out[i][j] = acc
    return out

def dot(u: Vector, v: Vector) -> float:
    return sum(x * y for x, y in zip(u, v))

def count(words: list[str]) -> Counts:
    c: Counts = {}
    for w in words:
        c[w] = c.get(w, 0) + 1
    return c

def greet(name: MaybeName) -> str:
    return "hello " + (name if name is not None else "nobody")

def parse(s: str) -> IntOrNone:
    return int(s) if s.isdigit() else None

def shape(m: Matrix) -> Shape:
    return (len(m), len(m[0]))

def first(xs: Twice) -> str:
    return xs[0]

a: Matrix = [[1.0, 2.0], [3.0, 4.0]]
b = [[5, 6], [7, 8]]
print(matmul(a, b), dot([1.0, 2.0], [3, 4]), shape(a), dot([], []))
print(count("a b a c b a".split()), greet(None), greet("ann"), parse("42"), parse("x"))
print(first(["s"]), Twice, Matrix, IntOrNone)
