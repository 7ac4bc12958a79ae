# Matrix operations with floats: multiplication, transpose, determinant and inverse by Gaussian
# elimination with partial pivoting, solving a linear system, and least-squares line fitting.


def fmt(m: list[list[float]]) -> str:
    return "\n".join("[" + " ".join(f"{x:9.4f}" for x in row) + " ]" for row in m)


def matmul(a: list[list[float]], b: list[list[float]]) -> list[list[float]]:
    if len(a[0]) != len(b):
        raise ValueError(f"shape mismatch: {len(a)}x{len(a[0])} @ {len(b)}x{len(b[0])}")
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))]
            for i in range(len(a))]


def transpose(m: list[list[float]]) -> list[list[float]]:
    return [list(col) for col in zip(*m)]


def identity(n: int) -> list[list[float]]:
    return [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]


def eliminate(m: list[list[float]], rhs: list[list[float]]):
    n = len(m)
    a = [row[:] + r[:] for row, r in zip(m, rhs)]
    det = 1.0
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        if abs(a[pivot][col]) < 1e-12:
            raise ZeroDivisionError("matrix is singular")
        if pivot != col:
            a[col], a[pivot] = a[pivot], a[col]
            det = -det
        p = a[col][col]
        det *= p
        a[col] = [x / p for x in a[col]]
        for r in range(n):
            if r != col and a[r][col] != 0.0:
                f = a[r][col]
                a[r] = [x - f * y for x, y in zip(a[r], a[col])]
    return [row[n:] for row in a], det


def inverse(m: list[list[float]]) -> list[list[float]]:
    inv, _ = eliminate(m, identity(len(m)))
    return inv


def det(m: list[list[float]]) -> float:
    return eliminate(m, [[0.0] for _ in m])[1]


def clean(m: list[list[float]]) -> list[list[float]]:
    return [[0.0 if abs(x) < 1e-9 else round(x, 9) for x in row] for row in m]


A = [[2.0, 1.0, -1.0], [-3.0, -1.0, 2.0], [-2.0, 1.0, 2.0]]
b = [[8.0], [-11.0], [-3.0]]
print("A =")
print(fmt(A))
print("A^T =")
print(fmt(transpose(A)))
print(f"det(A) = {det(A):.6f}")
x, _ = eliminate(A, b)
print("solution:", [round(v[0], 10) for v in x])
inv = inverse(A)
print("inverse:")
print(fmt(inv))
print("A @ inv == I:", clean(matmul(A, inv)) == identity(3))
H = [[1.0 / (i + j + 1) for j in range(4)] for i in range(4)]
print(f"det(Hilbert 4) = {det(H):.6e}")
print("Hilbert inverse row 0:", [round(v) for v in inverse(H)[0]])
try:
    inverse([[1.0, 2.0], [2.0, 4.0]])
except ZeroDivisionError as e:
    print("error:", e)
try:
    matmul(A, [[1.0, 2.0]])
except ValueError as e:
    print("error:", e)

xs = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
ys = [1.1, 2.9, 5.2, 7.1, 8.8, 11.2]
X = [[1.0, v] for v in xs]
Y = [[v] for v in ys]
Xt = transpose(X)
coef = matmul(inverse(matmul(Xt, X)), matmul(Xt, Y))
c0, c1 = coef[0][0], coef[1][0]
print(f"least squares: y = {c0:.4f} + {c1:.4f} x")
resid = [y - (c0 + c1 * v) for v, y in zip(xs, ys)]
print("residuals:", " ".join(f"{r:+.3f}" for r in resid))
print(f"sum of squares: {sum(r * r for r in resid):.6g}")
print("powers of A[0][0]:", [A[0][0] ** k for k in range(-2, 4)], 2.0 ** 0.5, 1e300 * 10, -1e300 * 1e10)
