(x := 1)
if x := f():
    pass
while (n := next(it)) is not None:
    pass
[y := 1, y]
f(a := 1)
x = (y := 2)
print(a, b := 3)
if (a := 1) and (b := 2):
    pass
[z for x in y if (z := x)]
{(a := 1): 2}
x[(a := 1)]
x[a := 1]
def f(x=(y := 1)): pass
assert (x := 1)
