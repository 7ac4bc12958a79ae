# A bare 'raise' with no exception being handled.
def f():
    try:
        raise ValueError("x")
    except ValueError:
        pass
    raise


try:
    f()
except RuntimeError as e:
    print("caught:", e)
print("now uncaught")
raise
