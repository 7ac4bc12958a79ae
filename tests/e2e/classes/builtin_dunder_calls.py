# Special methods of builtin objects and types called explicitly, with CPython's TypeErrors.
print((5).__add__(3), (5).__eq__("x"), 'a'.__len__(), [].__len__(), {1: 2}.__contains__(1))
print(int.__add__(2, 3), str.upper('x'), (7).__radd__(1), (2).__mul__(2.5), (10).__sub__(3))
lst = []
list.append(lst, 1)
print(lst, object.__repr__(lst)[:14], dict.__getitem__({1: 2}, 1), float.__round__(2.5))
print(int.__hash__(7), float.__round__(2.675, 2), int.__round__(17, -1), (3.7).__floor__())
print((3.2).__ceil__(), (-3.7).__trunc__(), (5).__neg__(), (-5).__abs__(), (0).__bool__())
print("abc".__getitem__(1), [1, 2, 3].__getitem__(slice(1, None)), (1, 2).__len__())
print("ab".__mul__(3), "ab".__contains__("b"), "x".__eq__(1), "b".__lt__("a"), (3).__lt__(4.5))
print(int.__format__(42, "05d"), format(3.14159, ".2f"), "s".__format__(">3"), float.__str__(1.5))
print(len.__call__([1, 2]), iter([7]).__next__(), [3, 4].__iter__().__next__())
d = {}
d.__setitem__("k", 1)
dict.__setitem__(d, "j", 2)
d.__delitem__("k")
print(d, d.__len__(), d.__repr__(), str.__repr__("q"), repr(int.__add__)[:22])
s = {1}
print(s.__contains__(1), set.__len__(s), frozenset([1]).__hash__() == hash(frozenset([1])))
print([].__hash__, (1).__add__ is not None, (1).__index__(), (2).__pow__(10), (7).__floordiv__(2))
print((1).__truediv__(0.5), (9).__rpow__(2), (6).__and__(3), (6).__or__(3), (6).__xor__(3))
print((1).__lshift__(3), (16).__rshift__(2), (7).__mod__(3), (7).__divmod__(2), (5).__invert__())
print(list.__add__([1], [2]), list.__iadd__([1], [2]), list.__contains__([1], 1), [1] .__eq__([1]))

class A:
    def __init__(self, v):
        object.__init__(self)
        self.v = v
    def __eq__(self, o):
        if isinstance(o, A):
            return self.v == o.v
        return super().__eq__(o)
    __hash__ = object.__hash__
    def __repr__(self):
        return "A(" + object.__repr__(self)[:3] + ")"
a = A(1)
print(A(1) == A(1), A(1) == 1, A(1).__eq__(1), a.__eq__(a), a, object.__str__(a))
print(object.__eq__(a, a), object.__ne__(a, 1), object.__hash__(a) == hash(a))

for bad in [lambda: int.__add__("a", 3), lambda: (5).__add__(), lambda: 'a'.__len__(1),
            lambda: dict.__getitem__({}, 1), lambda: list.__getitem__([], 0),
            lambda: str.upper(1), lambda: (1).__add__(1, 2), lambda: float.__round__("x"),
            lambda: {}.__getitem__([]), lambda: (1).__eq__(), lambda: iter([]).__next__()]:
    try:
        print(bad())
    except (TypeError, KeyError, IndexError, StopIteration) as e:
        print(type(e).__name__, e)
