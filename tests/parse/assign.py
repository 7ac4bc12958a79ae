x = 1
x = y = z = 2
a, b = 1, 2
a, *b = c
[a, b] = c
(a, b), c = d
a.b = 1
a[0] = 1
a.b.c[1:2] = 3
x: int
x: int = 5
(x): int = 5
a.b: str = "s"
a[0]: list[int] = []
x = yield_ = 3
*a, = b
a = b, c
a = *b, c
a = (yield)
