def find(items, wanted):
    for i, item in enumerate(items):
        match item:
            case {"id": id_} if id_ == wanted:
                return i
            case {"skip": True}:
                continue
            case "stop":
                break
            case _:
                pass
        print("looked at", i)
    return -1


items = [{"id": 1}, {"skip": True}, {"id": 2}, "stop", {"id": 3}]
print(find(items, 2))
print(find(items, 3))


def nested(a, b):
    match a:
        case 0:
            match b:
                case 0:
                    return "both zero"
                case _:
                    return "a zero"
        case _:
            match b:
                case 0:
                    result = "b zero"
                case _:
                    result = "neither"
    return result


print(nested(0, 0), nested(0, 1), nested(1, 0), nested(1, 1))

i = 0
while True:
    match i:
        case 3:
            print("three, stop")
            break
        case n if n % 2 == 0:
            print(n, "even")
        case n:
            print(n, "odd")
    i += 1

try:
    match [1, 2]:
        case [a, b]:
            raise KeyError(a + b)
except KeyError as e:
    print("KeyError", e)


def no_case_matches(v):
    match v:
        case 1:
            return "one"
        case 2:
            return "two"
    return "fell through"


print(no_case_matches(1), no_case_matches(3))
