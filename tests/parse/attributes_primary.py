a.b
a.b.c.d
a().b
a.b()
a[0].b
a.b[0]
a.b[0](c).d
(a).b
(a + b).c
[1, 2].append
{}.keys()
"abc".upper()
1 .real
1.0.real
x = a.b.c
