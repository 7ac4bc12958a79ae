__all__ = [name for name in ("first", "second")]


def first():
    return 1


def second():
    return 2
