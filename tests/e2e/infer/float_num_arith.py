# A float-annotated parameter that may hold an int (num) with a float operand: float arithmetic,
# the int converted as CPython converts it (OverflowError for a huge one).
def mulf(x: float) -> float:
    return x * 1.5 + 0.25 - x / 2.0


def fdz(x: float) -> float:
    return x // 0.0


def fm(x: float) -> float:
    return 7.5 % x - x % 2.5 + 1.0 / x


f = mulf
print(f(2), f(True), f(2.5), f(2**60 + 1), f(-3))
try:
    print(f(10**400))
except OverflowError as e:
    print("OverflowError", e)
for g in (fdz,):
    for v in (1, 1.5, 0, 2**80):
        try:
            print(g(v))
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)
h = fm
for v in (1, 2.0, -3, True, 0.5):
    print(h(v))
try:
    print(h(0))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
