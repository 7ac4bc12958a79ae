pass
break
continue
return
return x
return x, y
return *a, b
del x
del x, y
del x.y, x[0]
del (a, b)
del [a, b]
del (a), b,
global a
global a, b
nonlocal a
nonlocal a, b
assert x
assert x, "message"
x; y; z
x; y;
pass;
