config = {"mode": "fast", "level": 3, "extra": [1, 2]}

match config:
    case {"mode": mode, "level": int(level), **others}:
        pass

print(mode, level, others)


def use_globals():
    return f"{mode}:{level}"


print(use_globals())

points = [(0, 0), (1, 0), (0, 5), (2, 3), "bad"]
labels = []
for p in points:
    match p:
        case (0, 0):
            labels.append("origin")
        case (x, 0):
            labels.append(f"x-axis {x}")
        case (0, y):
            labels.append(f"y-axis {y}")
        case (x, y):
            labels.append(f"({x}, {y})")
        case other:
            labels.append(f"other {other}")
print(labels)
print("x, y, other after the loop:", x, y, other)


def counts(values):
    ints = strs = others = 0
    for v in values:
        match v:
            case int():
                ints += 1
            case str():
                strs += 1
            case _:
                others += 1
    return ints, strs, others


print(counts([1, "a", 2.0, 3, "b", None, [4]]))
