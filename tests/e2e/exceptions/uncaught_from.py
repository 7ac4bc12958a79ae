# Uncaught exception with an explicit cause: "The above exception was the direct cause...".
def inner():
    raise KeyError("missing")


def outer():
    try:
        inner()
    except KeyError as e:
        raise LookupError("lookup failed") from e


outer()
