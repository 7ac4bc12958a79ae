from ..square import Square
from .. import describe


def doubled(sq):
    return Square(sq.side * 2)


def report(sq):
    return describe(doubled(sq))
