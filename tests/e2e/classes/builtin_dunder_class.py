# __class__ of builtin objects and types: ints, strs, containers, exceptions, functions, None.
xs = [1, 2]
print([].__class__, (1).__class__.__name__, "s".__class__, xs.__class__ is list)
print({}.__class__, (1.5).__class__, (1, 2).__class__, {1}.__class__, None.__class__, True.__class__)
print((2 ** 100).__class__, range(3).__class__, b"x".__class__, int.__class__, type.__class__)
e = ValueError("x")
print(e.__class__.__name__, e.__class__ is ValueError, KeyError().__class__.__name__)
def f():
    pass
print(f.__class__.__name__, (lambda: 0).__class__.__name__, print.__class__.__name__)
class A:
    pass
print(A().__class__.__name__, A.__class__, iter(xs).__class__.__name__)
try:
    raise KeyError("k")
except Exception as err:
    print(f"{err.__class__.__name__}: {err}")
