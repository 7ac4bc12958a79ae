# yield from: delegation, return values, send through, and lists.
def inner(n):
    got = []
    for i in range(n):
        x = yield i
        got.append(x)
    return got


def outer():
    r = yield from inner(3)
    print("inner returned", r)
    yield from ["a", "b"]
    r2 = yield from range(2)
    return r2


g = outer()
print(next(g))
print(g.send("s1"))
print(g.send("s2"))
print(g.send("s3"))
print(list(g))
print(list(outer()))


def flatten(items):
    for it in items:
        if isinstance(it, list):
            yield from flatten(it)
        else:
            yield it


print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))
