class A:
    x = 1
    y = x + 1
    z: int = 5
    names = [n for n in ("p", "q")]

    def get(self):
        return self.x + self.y + self.z


print(A().get(), A.names)
total = 0


def bump():
    global total

    def inner():
        global total
        total += 10
    inner()
    total += 1


bump()
print(total)


class E(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def thrower():
    def deep():
        raise E(42)
    deep()


try:
    thrower()
except E as err:
    print("code", err.code, err)


class NoHash:
    def __eq__(self, o):
        return True


try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)


class P:
    def __init__(self, v=0, *rest, **kw):
        self.v = v
        self.rest = rest
        self.kw = kw


p = P(1, 2, 3, a=4)
print(p.v, p.rest, p.kw, P().v)


def outer():
    x = 1

    class Inner:
        y = x + 1

        def m(self):
            return x * 100
    return Inner


I = outer()
print(I.y, I().m())
fs = [(lambda k: lambda: k)(i) for i in range(3)]
print([f() for f in fs])


class Base:
    def hello(self):
        return "base"


class Kid(Base):
    def hello(self):
        return "kid+" + super(Kid, self).hello()


print(Kid().hello())
print(type(Kid()) is Kid, Kid.__bases__[0].__name__)


class Stat:
    @staticmethod
    def add(a, b=2):
        return a + b


print(Stat.add(1), Stat().add(1, 5))
