def f(a, b, /, c, d=4, *args, e, g=7, **kw):
    return (a, b, c, d, args, e, g, sorted(kw.items()))


print(f(1, 2, 3, e=5))
print(f(1, 2, c=3, e=5, z=9))
print(f(1, 2, 3, 4, 5, 6, e=0, g=1, y=2, x=1))


def kwonly(*, name, greeting="Hello"):
    return f"{greeting}, {name}!"


print(kwonly(name="Ann"))
print(kwonly(greeting="Hi", name="Bob"))


def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s


print(total(), total(1), total(1, 2, 3))
xs = [4, 5, 6]
print(total(*xs), total(1, *xs, 10))


def show(**opts):
    return ", ".join(f"{k}={v}" for k, v in opts.items())


d = {"b": 2, "a": 1}
print(show(**d), "|", show(x=1, **d))
print(f(*[1, 2, 3], **{"e": 8, "q": 0}))
