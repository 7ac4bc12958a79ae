def shout(s):
    return s.upper()


def exclaim(f):
    def inner(s):
        return f(s) + "!"
    return inner


shout = exclaim(shout)
print(shout("hi"))


def area(r):
    return 3 * r * r


print(area(2))


def area(r):
    return 3.14159 * r * r


print(area(2))
handlers = {}
for name in ["a", "b"]:
    def handler(x, name=name):
        return f"{name}:{x}"
    handlers[name] = handler
print(handlers["a"](1), handlers["b"](2))
op, other = len, shout
print(op("four"), other("x"))
