a + b * c
(a + b) * c
a * b + c
a - b - c
a - (b - c)
a ** -b
-a ** -b
(-a) ** b
a << b + c
a & b | c ^ d
a | b & c
~a + b
a * -b
a @ b @ c
a // b % c
a if b else c or d
await_ = x ** y ** z
2 ** -1
not -a
-(-a)
- - a
+ - ~ a
a < b | c
