def make_counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count

    return inc


c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())


def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]


print([f(10) for f in make_adders()])


def outer(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle


print(outer(1)(2)(3))


def late_binding():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]


print(late_binding())


def accumulator(start):
    total = start

    def add(x):
        nonlocal total
        total += x
        return total

    def get():
        return total

    return add, get


add, get = accumulator(100)
add(5)
add(7)
print(get())
