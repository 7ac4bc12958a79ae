a if b else c
(a if b else c) if d else e
a if (b if c else d) else e
not a
not not a
not a == b
a and not b
a or b and c
(a or b) and c
a < b < c
a == b == c
not a in b
a is not None
-a < b
x = a if b else lambda: c
