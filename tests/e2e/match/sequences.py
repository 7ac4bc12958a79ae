def shape(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one: {a}"
        case [a, b]:
            return f"two: {a} {b}"
        case (a, b, c):
            return f"three: {a} {b} {c}"
        case [first, *rest] if len(rest) > 5:
            return f"long from {first}, {len(rest)} more"
        case [first, *middle, last]:
            return f"first {first} middle {middle} last {last}"
        case _:
            return "not a sequence"


for v in [[], (), [1], (1,), [1, 2], (1, 2), [1, 2, 3], (1, 2, 3), [1, 2, 3, 4],
          (1, 2, 3, 4, 5), list(range(10)), range(3), range(0), range(5), "ab", "abc",
          {"a": 1}, {1, 2}, 5, None]:
    print(repr(v), "->", shape(v))


def ends(x):
    match x:
        case [*init, 0]:
            return f"ends in 0 after {init}"
        case [0, *_]:
            return "starts with 0"
        case [*_]:
            return "some sequence"
        case _:
            return "no"


for v in [[0], [1, 0], [0, 1], [1, 2], [], (3, 2, 0), "0", 0]:
    print(repr(v), "->", ends(v))


def nested(x):
    match x:
        case [(a, b), [c, [d, *e]]]:
            return f"deep {a} {b} {c} {d} {e}"
        case [[x1, y1], [x2, y2]]:
            return f"segment ({x1},{y1})-({x2},{y2})"
        case [[_, _], *points]:
            return f"path with {len(points)} more"
        case _:
            return "flat"


print(nested([(1, 2), [3, [4, 5, 6]]]))
print(nested([[1, 2], [3, 4]]))
print(nested([[1, 2], [3, 4], [5, 6]]))
print(nested([(1, 2), (3, 4)]))
print(nested([1, 2]))

match (1, [2, 3]):
    case (1, [*both]):
        print("rest is a list:", both, type(both).__name__)
match [1, 2]:
    case (x, y):
        print("a tuple pattern matches a list:", x, y)
match (1, 2):
    case [x, y]:
        print("a list pattern matches a tuple:", x, y)
