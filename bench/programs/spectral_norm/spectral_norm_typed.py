# spectral_norm: the Computer Language Benchmarks Game spectral norm of the infinite matrix
# A(i, j) = 1 / ((i + j) * (i + j + 1) / 2 + i + 1), by ten power iterations of A^T A on an
# n-vector, fully annotated. Prints the norm with nine decimals.
import math


def eval_a(i: int, j: int) -> float:
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times_u(u: list[float], out: list[float]) -> None:
    n: int = len(u)
    for i in range(n):
        s: float = 0.0
        for j in range(n):
            s += eval_a(i, j) * u[j]
        out[i] = s


def times_transposed_u(u: list[float], out: list[float]) -> None:
    n: int = len(u)
    for i in range(n):
        s: float = 0.0
        for j in range(n):
            s += eval_a(j, i) * u[j]
        out[i] = s


def times_ata_u(u: list[float], out: list[float], tmp: list[float]) -> None:
    times_u(u, tmp)
    times_transposed_u(tmp, out)


def main() -> None:
    n: int = 500
    u: list[float] = [1.0] * n
    v: list[float] = [0.0] * n
    tmp: list[float] = [0.0] * n
    for _ in range(10):
        times_ata_u(u, v, tmp)
        times_ata_u(v, u, tmp)
    vbv: float = 0.0
    vv: float = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    print(f"{math.sqrt(vbv / vv):.9f}")


main()
