lambda: 0
lambda x: x
lambda x, y: x + y
lambda x=1: x
lambda x, y=2: x
lambda *args: args
lambda **kw: kw
lambda *args, **kw: 0
lambda *, a: a
lambda *, a=1, b: a
lambda a, /: a
lambda a, /, b: a
lambda a=1, /, b=2: a
lambda a, b=1, /, c=2, *d, e, f=3, **g: 0
lambda: (yield)
lambda x: lambda y: x + y
lambda x: x if x else -x
f = lambda *a, b=1: b
