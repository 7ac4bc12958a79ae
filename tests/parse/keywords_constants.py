True
False
None
...
x = True and False or None
x is None
x is not True
f(True, None, ...)
[None] * 3
