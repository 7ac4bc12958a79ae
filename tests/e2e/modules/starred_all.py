__all__ = ["visible", "VERSION"]
VERSION = "1.2"


def visible():
    return "visible " + hidden()


def hidden():
    return "and hidden"
