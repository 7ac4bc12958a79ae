assert x
assert x, y
assert (x, y)
assert not x, "msg" + str(y)
raise
raise E
raise E()
raise E from e
raise E() from None
del a
del a, b
del a[0], a.b
del (a, [b, c])
del a,
