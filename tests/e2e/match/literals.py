def describe(x):
    match x:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case -2.25:
            return "minus two and a quarter"
        case 12345678901234567890123:
            return "big"
        case "":
            return "empty string"
        case "hello" | "hi":
            return "greeting"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case 'caf\u00e9':
            return "coffee"
        case _:
            return "other " + repr(x)


for v in [0, 0.0, -1, -1.0, 1.5, -2.25, 12345678901234567890123, "", "hello", "hi", None,
          True, False, 1, "café", "x", [], 7]:
    print(repr(v), "->", describe(v))


def ident(x):
    match x:
        case True:
            return "is True"
        case 1:
            return "== 1"
        case _:
            return "neither"


print(ident(True), ident(1), ident(1.0), ident(False), ident(0))

n = 5
match n + 1:
    case 6:
        print("six")
    case _:
        print("not six")
match "abc":
    case "ABC":
        print("upper")
print("done")
