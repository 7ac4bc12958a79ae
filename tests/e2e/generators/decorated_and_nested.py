# Decorated generators, *args/**kwargs, cells captured by lambdas and nonlocal, names and reprs.
def deco(f):
    def wrapper(*a, **k):
        print("calling", f.__name__)
        return f(*a, **k)
    return wrapper


@deco
def gen(n, *rest, scale=1, **opts):
    for i in range(n):
        yield i * scale
    yield rest
    yield sorted(opts.items())


print(list(gen(3, "x", "y", scale=10, a=1)))


def captured(n):
    fns = []
    for i in range(n):
        fns.append(lambda: n * 100)
        yield len(fns)
    yield [f() for f in fns]


print(list(captured(2)))


def counter():
    count = 0

    def bump():
        nonlocal count
        count += 1
        return count

    while count < 3:
        yield bump()


print(list(counter()))
f = counter
print(sum(f()), f.__name__, type(f()).__name__)


class Node:
    def __init__(self, v, nxt=None):
        self.v, self.nxt = v, nxt

    def __iter__(self):
        node = self
        while node is not None:
            yield node.v
            node = node.nxt


print(list(Node(1, Node(2, Node(3)))), max(Node(5, Node(9))))
print([repr(x)[:20] for x in [counter()]])


def make():
    return (i for i in range(2))


print(repr(make())[:36], repr((c for c in "a"))[:28])
print(make().__name__, make().__qualname__, counter().__qualname__, Node(1).__iter__().__qualname__)
