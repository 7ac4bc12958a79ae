# args, str() and repr() of exception objects with zero, one and several arguments.
def show(e):
    print(repr(e), "|", str(e), "|", e.args, "|", len(e.args))


show(ValueError())
show(ValueError("one"))
show(ValueError("two", 2))
show(KeyError("key"))
show(KeyError())
show(ZeroDivisionError(1, "x", None))
show(Exception(3.5))
show(RuntimeError(""))
e = TypeError("message")
print(f"{e}", f"{e!r}", type(e).__name__)
print(isinstance(e, TypeError), isinstance(e, Exception), isinstance(e, ValueError))
try:
    raise IndexError("i", 1)
except IndexError as caught:
    print(caught.args, str(caught))
