# User classes derived from list, dict, set and frozenset: super() calls, __missing__,
# overridden __getitem__/__setitem__, builtin __init__ and the builtin operations.
class Stack(list):
    def push(self, x):
        super().append(x)
    def peek(self):
        return self[-1]
s = Stack()
s.push(1); s.push(2); s.append(3)
print(s, len(s), s.peek(), isinstance(s, list), type(s).__name__, s + [4], type(s + [4]).__name__)
print(sum(s), sorted(s, reverse=True), list(s), [x * 2 for x in s])

class DefaultDict(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory
    def __missing__(self, key):
        v = self.factory()
        self[key] = v
        return v
dd = DefaultDict(list)
dd["a"].append(1)
dd["b"].append(2)
dd["a"].append(3)
print(dd, len(dd), dict(dd), "a" in dd, dd.get("zz"))

class Bag(set):
    def add_all(self, *xs):
        for x in xs:
            self.add(x)
bag = Bag([3, 1])
bag.add_all(2, 3)
print(sorted(bag), len(bag), 2 in bag, type(bag | {9}).__name__, isinstance(bag, set))

class Frozen(frozenset):
    pass
fz = Frozen([1, 2])
print(sorted(fz), hash(fz) == hash(frozenset([1, 2])), fz == {1, 2}, type(fz).__name__)

class Registry(dict):
    def register(self, name):
        def deco(f):
            self[name] = f
            return f
        return deco
reg = Registry()
@reg.register("sq")
def square(x):
    return x * x
print(reg["sq"](4), list(reg), len(reg), "sq" in reg, reg.get("nope", 0), type(reg).__name__)
print(Registry(a=1, b=2), Registry([("x", 1)]), dict(Registry(a=1)))

class LoggingDict(dict):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)
    def __getitem__(self, key):
        print("get", key)
        return super().__getitem__(key)
ld = LoggingDict()
ld["a"] = 1
print(ld["a"], ld, ld.get("a"))
for k in ld:
    print("key", k)
try:
    ld["zz"]
except KeyError as e:
    print("KeyError", e)

