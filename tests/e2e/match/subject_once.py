count = 0


def make():
    global count
    count += 1
    print("evaluating the subject", count)
    return [count, "x"]


match make():
    case [2, _]:
        print("two")
    case [1, "y"]:
        print("one y")
    case [1, tag] if tag == "z":
        print("z")
    case [n, tag]:
        print("matched", n, tag)
print("evaluated", count, "time(s)")


x = [1, 2]
match x:
    case [first, _]:
        x = "changed"
        print("first", first, "x now", x)
    case [1, 2]:
        print("not reached")
