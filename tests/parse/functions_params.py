def f(): pass
def f(a): pass
def f(a, b): pass
def f(a, b=1): pass
def f(a=1, b=2): pass
def f(*args): pass
def f(**kwargs): pass
def f(*args, **kwargs): pass
def f(a, *, b): pass
def f(a, *, b=1, c): pass
def f(a, /): pass
def f(a, /, b): pass
def f(a, /, b, *, c): pass
def f(a=1, /, b=2, *, c=3): pass
def f(a, b=1, /, c=2, *args, d, e=3, **kwargs): pass
def f(a: int, b: str = "x") -> bool: pass
def f(*args: int, **kwargs: str): pass
def f(*args: *Ts): pass
def f(a, /, *, b): pass
def f(a,): pass
def f(*, a,): pass
def f(**kw,): pass
def f() -> None:
    return
def f():
    return 1, 2
def f():
    x = 1
    y = 2
    return x + y
