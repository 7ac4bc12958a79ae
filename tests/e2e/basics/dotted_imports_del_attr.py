# Constructs that became supported: dotted imports of runtime modules and `del obj.attr`.
import os.path
from os.path import join, splitext


class Box:
    pass


b = Box()
b.x = 1
b.y = 2
print(os.path.join("a", "b"), join("c", "d"), splitext("f.txt"))
del b.x
print(hasattr(b, "x"), b.y)
try:
    del b.x
except AttributeError as e:
    print("AttributeError:", e)
print(b.x)
