# Helper module for rebind_funcs.py: rebinds its own functions through `global`.


def f():
    return "original f"


def g(n):
    return n + 1


def call_g(n):
    return g(n)


def swap():
    global f, g
    f = lambda: "swapped f"
    g = lambda n: n * 100
