def look(x):
    match x:
        case {"type": "point", "x": px, "y": py}:
            return f"point {px},{py}"
        case {"type": "circle", "r": r, **others}:
            return f"circle {r} others {others}"
        case {1: one, None: nothing, 2.5: t}:
            return f"odd keys {one} {nothing} {t}"
        case {"items": [first, *_]}:
            return f"items from {first}"
        case {"nested": {"deep": value}}:
            return f"deep {value}"
        case {**everything} if len(everything) > 2:
            return f"big mapping {sorted(everything)}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"


cases = [
    {"type": "point", "x": 1, "y": 2},
    {"type": "point", "x": 1},
    {"type": "circle", "r": 3},
    {"type": "circle", "r": 3, "color": "red", "z": 0},
    {1: "a", None: "b", 2.5: "c"},
    {1: "a", None: "b"},
    {"items": [9, 8]},
    {"items": []},
    {"nested": {"deep": 42, "other": 0}},
    {"a": 1, "b": 2, "c": 3},
    {"a": 1},
    {},
    [("type", "point")],
    "type",
]
for c in cases:
    print(look(c))

d = {"k": 1, "v": 2}
match d:
    case {"k": k, **rest}:
        rest["new"] = 3
        print(k, rest, d)

match {"a": 1}:
    case {"a": 1, **rest}:
        print("empty rest", rest)
