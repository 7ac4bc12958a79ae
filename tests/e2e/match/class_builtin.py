def kind(x):
    match x:
        case bool(b):
            return f"bool {b}"
        case int(0):
            return "int zero"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int():
            return "int"
        case float(f):
            return f"float {f}"
        case str("") as s:
            return f"empty str {s!r}"
        case str(s):
            return f"str {s}"
        case list([a, b]):
            return f"list of two {a} {b}"
        case list(items):
            return f"list {items}"
        case tuple((a, *_)):
            return f"tuple starting {a}"
        case tuple():
            return "empty tuple"
        case dict({"k": v}):
            return f"dict with k={v}"
        case dict(d):
            return f"dict {d}"
        case set() | frozenset() as s:
            return f"set-like of {len(s)}"
        case _:
            return "something else"


for v in [True, False, 0, -5, 7, 2.5, "", "hi", [1, 2], [1, 2, 3], (4, 5), (), {"k": 1},
          {"j": 2}, {1, 2}, frozenset(), None, range(2)]:
    print(repr(v), "->", kind(v))

match 3.5:
    case float(real=r, imag=i):
        print("real", r, "imag", i)
match 10:
    case int(real=r, numerator=n, denominator=d):
        print("int attributes", r, n, d)
match "text":
    case str(upper=u):
        print("a bound method attribute exists:", callable(u))
match 5:
    case int(missing=m):
        print("never")
    case _:
        print("a missing attribute means no match")
match True:
    case int(x):
        print("bool is an int subclass:", x)
