# Builtins called with positional arguments: direct calls of the runtime's entries (no name
# lookup, no generic call), with the same results, types and errors as CPython's.
class S(str):
    pass

class L:
    def __len__(self):
        return 7
    def __repr__(self):
        return "L!"

def f(w: str, xs: list[int]) -> None:
    n: int = len(w)
    print(n, len(xs), ord(w[0]), chr(65 + n), str(n), repr(w), hash(3), hex(255), oct(8), bin(5))
    print(abs(-3), divmod(7, 2), pow(2, 10), pow(2, 10, 7), round(2.567, 2), round(3.5))
    print(sum(xs), sum(xs, 10), sum(x * x for x in xs), sorted(xs), min(xs), max(3, 9, 2), min(xs, default=0))
    print(isinstance(w, str), isinstance(w, int), issubclass(S, str), callable(f), hasattr(w, "upper"))
    print(list(range(3)), list(), tuple(xs), set([1, 1, 2]), dict([(1, 2)]), list(zip(xs, xs)), list(enumerate(w)))
    print(list(reversed(xs)), any(x > 2 for x in xs), all(xs), next(iter(xs)), next(iter([]), "d"))
    print(getattr(w, "upper")(), getattr(w, "nope", 5), format(3.14159, ".2f"), format(7), ascii("é"), str())
    print(len(L()), repr(L()), str(S("ab")), type(str(S("ab"))).__name__)
    try:
        len(5)
    except TypeError as e:
        print("TypeError", e)
    try:
        ord("ab")
    except TypeError as e:
        print("TypeError", e)
    try:
        chr(-1)
    except ValueError as e:
        print("ValueError", e)
    try:
        min([])
    except ValueError as e:
        print("ValueError", e)
    try:
        sorted([1, "a"])
    except TypeError as e:
        print("TypeError", e)

f("hello", [3, 1, 2])
x = id(f) == id(f)
print(x, len("abc") + 1)
print(max("abc"), min(4, 2.5), sum([0.1] * 10), int(), float(), range(2, 9, 3))


def shadowed(str, xs):
    len = lambda v: -1
    return str(xs), len(xs), max(x for x in xs)

print(shadowed(repr, [4, 5]))
sum = lambda *a: "user sum"
print(sum([1, 2]), sorted("cab"), divmod(-7, 2))
print(ord(""))
