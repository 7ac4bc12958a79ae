*a, b = c
a = *b,
print(*a)
x = [*a]
x = (*a, *b)
x = {*a}
for x in *a, b: pass
return_ = (*a,)
f(*a or b)
f(*a if b else c)
x = *a, *b, c
a[*b]
a[*b, *c]
def f(*args: *tuple[int, ...]): pass
