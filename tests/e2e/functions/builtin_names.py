# Builtin functions and methods: __name__, __qualname__, __module__, __self__ and repr (without
# the address CPython prints for bound methods).
import math


def show(f):
    r = repr(f)
    cut = r.find(" at 0x")
    print(f.__name__, f.__qualname__, f.__module__, r[:cut] if cut >= 0 else r)


show(len)
show(print)
show(abs)
show(isinstance)
show(math.sqrt)
show(math.log)

items = [3, 1, 2]
show(items.append)
show(items.sort)
show("text".upper)
show({}.get)
show(b"x".decode)
show((1).bit_length)
print(str.join.__name__, str.join.__qualname__, repr(str.join))
try:
    print(str.join.__module__)
except AttributeError as e:
    print("AttributeError", e)
show(dict.fromkeys)
print(items.append.__self__ is items, "x".upper.__self__)
print(type(len).__name__, type(items.append).__name__)
names = [f.__name__ for f in (min, max, sum, sorted, math.floor)]
print(names)
print(sorted([len, abs, max, all], key=lambda f: f.__name__))
for f in (str.maketrans, "".maketrans, {}.fromkeys, int.from_bytes, object.__new__, (1.5).hex,
          float.fromhex, bytes.maketrans):
    show(f)
print(str.maketrans.__self__, dict.fromkeys.__self__ is dict, (2).bit_length.__self__)
