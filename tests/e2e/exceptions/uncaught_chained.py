# Uncaught exception raised while handling another: both tracebacks, "During handling...".
def parse(s):
    return int(s)


def load(s):
    try:
        return parse(s)
    except ValueError:
        raise RuntimeError("could not load " + s)


print("start")
load("x")
print("not reached")
