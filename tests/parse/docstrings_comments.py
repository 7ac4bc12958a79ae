"""Module docstring."""
# a comment
x = 1  # trailing comment

def f():
    """Function docstring."""
    # comment
    return x  # another

class C:
    """Class docstring."""

    # comment line

    x = 1
