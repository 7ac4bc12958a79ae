# Generic aliases and unions as run-time values (list[list[float]], int | None) and as
# annotations: printing, calling, comparing, isinstance (and its TypeError), __class_getitem__.
from typing import Optional
Matrix = list[list[float]]
Pair = tuple[int, str]
Row = tuple[float, ...]
Empty = tuple[()]
Table = dict[str, list[int]]
MaybeInt = int | None
Num = int | float
class Node:
    pass
Tree = dict[str, Node] | None

def transpose(m: Matrix) -> Matrix:
    return [list(r) for r in zip(*m)]

def swap(p: Pair) -> tuple[str, int]:
    return (p[1], p[0])

def total(t: Table) -> int:
    s = 0
    for k in t:
        for v in t[k]:
            s += v
    return s

def half(x: Num) -> float:
    return x / 2

def first(xs: list[int]) -> MaybeInt:
    return xs[0] if xs else None

m: Matrix = [[1.0, 2.0], [3.0, 4.0]]
print(transpose(m), swap((1, "a")), total({"a": [1, 2], "b": [3]}), half(3), first([]), first([4]))
print(Matrix, Pair, Row, Empty, Table, MaybeInt, Num, Tree)
print(Matrix(), Table(a=[1]), Pair([1, "x"]), type(Matrix()).__name__, Matrix.__origin__, Pair.__args__)
print(list[int] == list[int], list[int] == list[str], (int | str) == (str | int), int | int, None | int)
print(hash(list[int]) == hash(list[int]), type(list[int]).__name__, type(int | str).__name__)
print(isinstance(3, Num), isinstance("x", Num), isinstance(None, MaybeInt), issubclass(bool, int | str))
print(isinstance(2.5, (str, int | float)), list[Node], Node | None, (int | str) | None, int | (str | None))
print(type[int], set[frozenset[int]], list[list], dict[str, "Node"], tuple[int, ...].__args__)
for bad in [lambda: isinstance([], list[int]), lambda: issubclass(list, list[int]),
            lambda: isinstance(1, int | list[int]), lambda: int[int], lambda: Node[int],
            lambda: int | 3]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)
class Box:
    def __class_getitem__(cls, item):
        return f"Box of {item.__name__}"
print(Box[int])
