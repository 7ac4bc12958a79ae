def add_greeting(cls):
    def greet(self):
        return f"hello from {type(self).__name__}"
    cls.greet = greet
    return cls


registry = {}


def register(name):
    def deco(cls):
        registry[name] = cls
        return cls
    return deco


@register("main")
@add_greeting
class Thing:
    """A thing."""

    def __init__(self, n=1, *, label="t"):
        self.n = n
        self.label = label


t = Thing(label="x")
print(t.greet(), t.n, t.label, Thing.__doc__, registry["main"] is Thing)
print(Thing.__name__, Thing.__qualname__, Thing.__module__)
print(vars(t))
