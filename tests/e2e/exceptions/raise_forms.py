# raise with a class or an instance, from functions, caught by the caller.
def raise_class():
    raise ValueError


def raise_instance(msg):
    raise RuntimeError(msg)


def deep(n):
    if n == 0:
        raise LookupError("bottom", n)
    return deep(n - 1) + 1


try:
    raise_class()
except ValueError as e:
    print("class raised:", repr(e), e.args)

try:
    raise_instance("boom")
except RuntimeError as e:
    print("instance raised:", e)

try:
    deep(5)
except LookupError as e:
    print("from deep:", e, e.args)

try:
    raise 42
except TypeError as e:
    print("TypeError:", e)

err = OSError("disk")
try:
    raise err
except OSError as e:
    print("same object:", e is err)
