def first_unbound(x):
    match x:
        case [a, 1]:
            print("matched", a)
        case _:
            pass
    try:
        print("a is", a)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


first_unbound([5, 1])
first_unbound([5, 2])
first_unbound("no")


def guard_keeps(x):
    match x:
        case (a, b) if a > b:
            print("descending")
        case _:
            print("otherwise")
    print("a, b =", a, b)


guard_keeps((3, 1))
guard_keeps((1, 3))

match 42:
    case answer:
        print("captured", answer)
print("after the match:", answer)

match [1, 2, 3]:
    case [_, _, _]:
        print("three things, none bound")

match {"x": 1}:
    case {"x": _} as whole:
        print("whole", whole)

total = 0
for item in [1, "two", 3.0, [4], (5,)]:
    match item:
        case int(n) | float(n):
            total += n
        case str(s):
            total += len(s)
        case [n]:
            total += n
        case (n,):
            total += n
print("total", total, "last n", n)
