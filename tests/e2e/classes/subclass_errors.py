# Constructing builtin subclasses: arguments reach the builtin constructor (int base=16,
# str from bytes), int.__new__(cls, ...) and friends, and CPython's errors for bad arguments.
class I(int):
    pass
class F(float):
    pass
class L(list):
    pass
class D(dict):
    pass
class T(tuple):
    pass
class S(str):
    pass
class B(bytes):
    pass
print(I("12", base=16), I(), F(), L(), D(), T(), S(), B(), S(b"xy", "ascii"), I(" 7 "), F(" 1e3 "))
print(int.__new__(I, 5), type(int.__new__(I, 5)).__name__, int.__new__(int, "3"), str.__new__(S, 4), list.__new__(L), D.__new__(D))
tests = [lambda: I("abc"), lambda: L(1, 2), lambda: D(1), lambda: T(1), lambda: F("x"),
         lambda: object.__new__(I), lambda: int.__new__(str), lambda: int.__new__(5),
         lambda: int.__new__(), lambda: I(1, 2), lambda: L(x=1), lambda: S(1, 2, 3, 4),
         lambda: B("abc"), lambda: hash(L()), lambda: hash(D()), lambda: T([1]) < 5,
         lambda: I(3) + "a", lambda: S("a") + 1, lambda: L() + (1,), lambda: D()["k"]]
for t in tests:
    try:
        print(t())
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
