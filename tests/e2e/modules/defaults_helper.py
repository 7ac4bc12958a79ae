# Helper module for defaults_other_module.py.


def scale(x, k=2):
    return x * k


def use():
    return scale(1)
