# Methods of exact strs called directly (no attribute lookup): strip/split/... on typed and
# untyped receivers, Unicode whitespace, empty fields, errors, and user classes with methods of
# the same names.


def clean(s: str) -> str:
    return s.strip()


def fields(s: str) -> list[str]:
    return s.split(",")


def untyped(s):
    return s.strip(), s.lstrip(), s.rstrip(), s.split(), s.split(",", 1), s.upper()


for s in ["  a,b , c  \n", "\u2003x,,y\u3000", ",,", "", "\x1c\x1dz\x1e\x1f", "\xa0 q \x85",
          "no-space", "\t\n\x0b\x0c\r"]:
    print(repr(clean(s)), fields(s), untyped(s))

print(repr(clean("   ")), fields(""), "a b".split(None), "a,b".split(",", maxsplit=0))
print("xxhixx".strip("x"), "abc".strip(""), "--a--".lstrip("-"), "--a--".rstrip("-"))


class Counter:
    def __init__(self):
        self.n = 0

    def count(self, x):
        self.n += x
        return self.n

    def strip(self):
        return "Counter.strip"


c = Counter()
for obj in [c, "banana"]:
    print(obj.count(1) if obj is c else obj.count("a"), obj.strip())

try:
    "abc".strip(5)
except TypeError as e:
    print("TypeError", e)
try:
    "a,b".split("")
except ValueError as e:
    print("ValueError", e)
try:
    untyped(5)
except AttributeError as e:
    print("AttributeError", e)
print(", ".join(str(i) for i in range(3)), "-".join(x for x in "abc"))
