# Builtin subclasses that override special methods (__iter__, __len__, __getitem__, __str__):
# builtins honour the overrides as CPython does; layouts, __slots__ and their TypeErrors.
class Rev(list):
    def __iter__(self):
        return iter(list.__iter__(self).__class__ and reversed(list(super().__iter__())))
    def __len__(self):
        return 99
    def __getitem__(self, i):
        return "item%s" % (i,)
    def __contains__(self, x):
        return x == "magic"
r = Rev([1, 2, 3])
print(list(r), len(r), r[0], r[1:2], "magic" in r, 1 in r, sorted(r), [x for x in r], tuple(r))
for x in r:
    print(x, end=" ")
print(bool(r), sum(super(Rev, r).__iter__()), max(r), list(enumerate(r)), list(zip(r, "ab")))

class D(dict):
    def __getitem__(self, k):
        return dict.get(self, k, "default")
d = D(a=1)
print(d["a"], d["b"], d.get("b"), "b" in d, len(d), list(d.items()), D.fromkeys("xy", 0), type(D.fromkeys("x")).__name__)
print(d | {"z": 1}, type(d | {"z": 1}).__name__, {**d}, dict(d))

class S(str):
    def __str__(self):
        return "S<" + self + ">"
    def __len__(self):
        return 1000
s = S("abc")
print(s, str(s), len(s), "%s|%r" % (s, s), f"{s}", "x" + s, s + "x", s.upper(), repr(s), s == "abc")
print(format(s, ">6"), "{}".format(s), "{:>6}".format(s), [s], (s,), {"k": s})

class MyInt(int):
    pass
a = MyInt(5)
print(a + MyInt(3), type(a + MyInt(3)).__name__, a, repr(a), -a, abs(MyInt(-2)), a // 2, a ** 2, divmod(a, 2), a << 1, ~a)
print(MyInt("42"), MyInt("ff", 16), MyInt(3.9), MyInt(), MyInt(True), type(MyInt(True)).__name__, int(a), type(int(a)).__name__)
print(range(a), list(range(MyInt(3))), "abc"[MyInt(1)], [1, 2, 3][MyInt(-1)], hex(a), bin(a), float(a), a.bit_length(), a.real)
print(a == 5, 5 == a, a < 6.5, sorted([MyInt(3), 1, MyInt(2)]), max(MyInt(1), MyInt(9)), str(a), f"{a:03d}")

class Stack(list):
    def __init__(self, items=()):
        super().__init__(items)
        self.pushes = 0
    def push(self, x):
        self.pushes += 1
        self.append(x)
st = Stack([1])
st.push(2)
st += [3]
print(st, type(st).__name__, st.pushes, st * 2, type(st * 2).__name__, st[:], type(st[:]).__name__, st.copy(), type(st.copy()).__name__)
print(st.__dict__, Stack.__mro__, Stack.__bases__, isinstance(st, Stack), issubclass(Stack, list), type(st)([9]))

class Sub2(S):
    pass
print(Sub2("q"), type(Sub2("q")).__mro__[2].__name__)

class P(str):
    __slots__ = ("extra",)
p = P("slotted")
p.extra = 1
print(p, p.extra, len(p))
try:
    p.other = 2
except AttributeError as e:
    print("AttributeError", e)
try:
    class Bad(int):
        __slots__ = ("x",)
except TypeError as e:
    print("TypeError", e)
try:
    class Bad2(int, str):
        pass
except TypeError as e:
    print("TypeError", e)
class Both(int, Exception):
    pass
