PUBLIC_CONST = 42
_secret = "no"


def helper_public():
    return "helper " + _private()


def _private():
    return "private"
