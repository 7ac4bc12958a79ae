def weekday(d):
    match d:
        case "sat" | "sun":
            return "weekend"
        case "mon" | "tue" | "wed" | "thu" | "fri":
            return "weekday"
        case _:
            return "unknown"


for d in ["sat", "tue", "fri", "xyz"]:
    print(d, weekday(d))


def pair(p):
    match p:
        case [x, 0] | [0, x]:
            return f"on an axis at {x}"
        case (x, y) | [x, y, _]:
            return f"point {x} {y}"
        case {"x": x, "y": y} | {"pos": (x, y)}:
            return f"from a dict {x} {y}"
        case _:
            return "nothing"


for p in [[3, 0], [0, 4], [0, 0], (1, 2), [1, 2, 3], {"x": 5, "y": 6}, {"pos": (7, 8)},
          {"pos": [9, 10]}, {"pos": 1}, 5]:
    print(p, "->", pair(p))


def nested_or(v):
    match v:
        case [1 | 2 | 3 as small, ("a" | "b") as letter]:
            return f"small {small} letter {letter}"
        case (None | True | False) as single:
            return f"singleton {single}"
        case [int() | float() as num, *_]:
            return f"number first {num}"
        case _:
            return "none of them"


for v in [[1, "a"], [3, "b"], [4, "a"], [2, "c"], None, True, [2.5, 0], [7], "s"]:
    print(repr(v), "->", nested_or(v))
