def handler():
    return "default"


def install():
    global handler
    handler = lambda: "custom"


install()
print(handler())
