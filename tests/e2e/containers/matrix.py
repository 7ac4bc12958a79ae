from typing import List

def matmul(a: List[List[int]], b: List[List[int]]) -> List[List[int]]:
    n, m, p = len(a), len(b), len(b[0])
    c = [[0] * p for _ in range(n)]
    for i in range(n):
        for j in range(p):
            s = 0
            for k in range(m):
                s += a[i][k] * b[k][j]
            c[i][j] = s
    return c

def transpose(a: list[list[int]]) -> list[list[int]]:
    return [[a[i][j] for i in range(len(a))] for j in range(len(a[0]))]

a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
print(matmul(a, b))
print(transpose(a))
ident = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
print(matmul(a, ident) == a)
big = [[2 ** 40] * 2] * 2
print(matmul(big, big))
