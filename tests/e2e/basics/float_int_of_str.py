# float(x) and int(x) of the builtins, called directly (typed: a double, an int): str
# arguments with whitespace (Unicode too), underscores, signs, nan/inf, exponents, non-ASCII
# digits, big ints, invalid text with CPython's ValueError messages, and other arguments
# (numbers, bytes, objects with __float__/__int__, wrong types).


def to_float(s: str) -> float:
    return float(s)


def to_int(s: str) -> int:
    return int(s)


def show(f, x):
    try:
        print(repr(x), "->", repr(f(x)))
    except (ValueError, TypeError, OverflowError) as e:
        print(repr(x), "->", type(e).__name__, e)


texts = ["12.5", " 12 ", "1_000", "1_000.5", "-0", "+7", "1e5", "1E-3", ".5", "5.", "nan",
         "-nan", "inf", "-Infinity", "\u2003 42\u3000", "\t3.25\n", "\u0661\u0662", "12_",
         "_1", "1__0", "", " ", "abc", "1.2.3", "0x10", "١٢.٥", "99999999999999999999999",
         "-123456789012345678901234567890", "1e400", "12\x00", "12 3", "007"]
for t in texts:
    show(to_float, t)
    show(to_int, t)

# the same through untyped calls
for t in ["3.5", " -4 ", "x"]:
    show(lambda v: float(v), t)
    show(lambda v: int(v), t)

# non-str arguments keep their meaning
def any_float(x):
    return float(x)


def any_int(x):
    return int(x)


for v in [True, 3, -2.75, 1e300, 10**30, float("inf"), float("nan"), None, [1], "8"]:
    show(any_float, v)
    show(any_int, v)


class Num:
    def __float__(self):
        return 2.5

    def __int__(self):
        return 7

    def __index__(self):
        return 8


print(any_float(Num()), any_int(Num()))

total: float = 0.0
count: int = 0
for t in ["1.5", "2.25", "3"]:
    total += float(t)
    count += int(t.split(".")[0])
print(total, count)
