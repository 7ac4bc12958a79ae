# Builtin bases with mixins and deeper hierarchies (complex, bytes, str, dict, float bases):
# MROs, super() through several classes, an operator the subclass defines on one side only.
class ReprMixin:
    def describe(self):
        return f"{type(self).__name__} with {len(self)} items"
class NamedList(ReprMixin, list):
    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = name
nl = NamedList("n", [1, 2])
print(nl, nl.describe(), nl.name, NamedList.__mro__)
class ListMixed(list, ReprMixin):
    pass
lm = ListMixed("ab")
print(lm, lm.describe(), isinstance(lm, ReprMixin))

class Z(complex):
    def norm2(self):
        return self.real ** 2 + self.imag ** 2
z = Z(3, 4)
print(z, z.norm2(), abs(z), z + 1, type(z + 1).__name__, z.conjugate(), Z("1+2j"), z == complex(3, 4))

class Data(bytes):
    def __new__(cls, payload, tag):
        obj = super().__new__(cls, payload)
        obj.tag = tag
        return obj
dd = Data(b"\x01\x02", "t")
print(dd, dd.tag, list(dd), dd.hex(), dd[1:], len(dd), dd.__dict__, bytes(dd), type(bytes(dd)).__name__)

class Deep(NamedList):
    def __len__(self):
        return super().__len__() * 10
dp = Deep("d", [1])
print(dp, len(dp), dp.describe(), bool(Deep("e")), isinstance(dp, list))

class Str2(str):
    pass
class Str3(Str2):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
s3 = Str3("abc")
s3.note = 1
print(s3, type(s3).__mro__, s3.note, s3 + "d", s3.lower(), Str3.__new__(Str3, "q"), vars(s3))

class OrderedSetish(dict):
    def add(self, x):
        self[x] = None
    def __iter__(self):
        return iter(sorted(super().__iter__()))
o = OrderedSetish()
for v in [3, 1, 2]:
    o.add(v)
print(list(o), [k for k in o], sorted(o), list(o.keys()), tuple(o), set(o) == {1, 2, 3}, ",".join(map(str, o)))

class Num(float):
    def __add__(self, other):
        return Num(float(self) + float(other))
    def __repr__(self):
        return f"Num({float(self)!r})"
n = Num(1.5) + 2
print(n, n + Num(0.5), 1 + n, sum([Num(1), Num(2)]), sorted([Num(2.0), Num(1.0)]), hash(Num(2.0)) == hash(2))
