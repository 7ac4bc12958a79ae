def attempt(x):
    try:
        match x:
            case int(a, b):
                print("never", a, b)
    except TypeError as e:
        print("TypeError:", e)


attempt(5)
attempt("not an int")


def not_a_class(x):
    match x:
        case len():
            print("never")


try:
    not_a_class(1)
except TypeError as e:
    print("TypeError:", e)


def object_args(x):
    match x:
        case object(y):
            print("never", y)


try:
    object_args(3)
except TypeError as e:
    print("TypeError:", e)

match 3:
    case object():
        print("object() with no sub-patterns matches anything")

match [1]:
    case str(s, t):
        print("not reached: the isinstance check fails first")
    case _:
        print("isinstance fails before the count is checked")

match 2:
    case float(f, g):
        print("never")
    case _:
        print("float does not match an int")

match 7:
    case bool(q, r):
        print("never")
    case int(q, r):
        print("never")
