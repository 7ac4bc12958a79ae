a + b - c * d / e // f % g @ h
a ** b ** c
-a ** 2
+a
~a
not a
a and b and c
a or b or c
a and b or c and d
not a and not b
a if b else c
a if b else c if d else e
a < b <= c > d >= e == f != g
a in b
a not in b
a is b
a is not b
a | b ^ c & d << e >> f
(a + b) * c
a.b.c
a(b)(c)
a[b][c]
x = ...
x = None, True, False
await_ = 1
