level = 1
name = "default"


def raise_level():
    global level
    level = level + 1


def describe():
    return f"level={level}"


def describe_name():
    return "name=" + name


def handler():
    return "original"


def call_handler():
    return handler()


def init_mode():
    global mode
    mode = 3


def describe_mode():
    return f"mode {mode!r}"
