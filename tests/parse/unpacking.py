a, b = c
a, b, = c
(a, b) = c
[a, b] = c
a, *b = c
*a, b = c
a, *b, c = d
[a, *b] = c
(a, *b) = c
a, (b, c) = d
a, [b, *c] = d
((a, b), (c, d)) = e
x = *a, *b
x = [*a, *b]
x = {*a, *b}
x = {**a, **b}
print(*a, *b, **c)
for a, *b in c: pass
