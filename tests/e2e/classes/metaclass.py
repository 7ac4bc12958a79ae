class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self):
        print("Config created")
        self.values = {}


a = Config()
b = Config()
a.values["k"] = 1
print(a is b, b.values)


class CamelCaseMeta(type):
    def __new__(mcs, name, bases, ns):
        if not name[0].isupper():
            raise TypeError(f"class name {name!r} must be CamelCase")
        print("creating class", name)
        return super().__new__(mcs, name, bases, ns)


class GoodName(metaclass=CamelCaseMeta):
    pass


try:
    class bad_name(metaclass=CamelCaseMeta):
        pass
except TypeError as e:
    print("TypeError:", e)
print(type(GoodName).__name__, type(Config).__name__, type(type).__name__)
