class Counter:
    count = 0
    registry = []

    def __init__(self, name):
        Counter.count += 1
        self.id = Counter.count
        Counter.registry.append(name)

    @classmethod
    def total(cls):
        return cls.count


a = Counter("a")
b = Counter("b")
c = Counter("c")
print(a.id, b.id, c.id, Counter.total(), Counter.registry)


class Plugin:
    plugins = {}

    def __init_subclass__(cls, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.plugins[key or cls.__name__] = cls


class Csv(Plugin, key="csv"):
    pass


class Json(Plugin):
    pass


print(sorted(Plugin.plugins), Plugin.plugins["csv"].__name__)
