# __getattr__, __getattribute__, __setattr__ and __delattr__: defined from the start or added
# after the sites have cached the class, and removed again.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def get_x(p):
    return p.x


def get_z(p):
    return p.z


def set_x(p, v):
    p.x = v


p = Point(1, 2)
for i in range(20):
    set_x(p, i)
print(get_x(p), p.norm1())
try:
    get_z(p)
except AttributeError as e:
    print("AttributeError:", e)

Point.__getattr__ = lambda self, name: f"missing {name}"
print(get_z(p), get_x(p))
del Point.__getattr__
try:
    get_z(p)
except AttributeError as e:
    print("AttributeError:", e)

log = []


def logging_setattr(self, name, value):
    log.append((name, value))
    object.__setattr__(self, name, value * 10)


Point.__setattr__ = logging_setattr
set_x(p, 3)
print(get_x(p), log)
q = Point(1, 1)
print(q.x, q.y, log)
del Point.__setattr__
set_x(p, 4)
print(get_x(p), log)

Point.__getattribute__ = lambda self, name: f"intercepted {name}"
print(get_x(p), p.norm1)
del Point.__getattribute__
print(get_x(p), p.norm1())


class Proxy:
    def __init__(self, target):
        self.__dict__["target"] = target

    def __getattr__(self, name):
        return getattr(self.target, name)

    def __setattr__(self, name, value):
        setattr(self.target, name, value)

    def __delattr__(self, name):
        delattr(self.target, name)


pr = Proxy(Point(5, 6))
print(get_x(pr), pr.norm1())
set_x(pr, 50)
print(get_x(pr), pr.target.x, list(vars(pr)))
del pr.x
try:
    get_x(pr)
except AttributeError as e:
    print("AttributeError:", e)


class Counted:
    reads = 0

    def __init__(self):
        self.v = 1

    def __getattribute__(self, name):
        Counted.reads += 1
        return object.__getattribute__(self, name)


cn = Counted()
for i in range(5):
    get_x_or = cn.v
print(Counted.reads)
