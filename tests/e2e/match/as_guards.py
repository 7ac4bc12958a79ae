def grade(score):
    match score:
        case int(s) | float(s) if s >= 90:
            return "A"
        case int(s) | float(s) if s >= 80:
            return "B"
        case (int() | float()) as s if s >= 0:
            return "C or below"
        case int() | float():
            return "negative?"
        case str() as text if text.isdigit():
            return grade(int(text))
        case _:
            return "invalid"


for s in [95, 85.5, 10, -3, "91", "x", None]:
    print(repr(s), grade(s))

calls = []


def check(tag, result):
    calls.append(tag)
    return result


match (1, 2):
    case (a, b) if check("first", False):
        print("never")
    case (a, b) if check("second", a < b) and check("third", True):
        print("guarded", a, b)
    case _:
        print("never")
print(calls)

match [1, [2, 3]]:
    case [x, [y, z] as inner] as outer:
        print(x, y, z, inner, outer)

match 0:
    case 0 if False:
        print("never")
    case 0 if None:
        print("never")
    case 0 if [1]:
        print("truthy guard")
