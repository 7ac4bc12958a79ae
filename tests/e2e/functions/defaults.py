counter = 10


def make_default():
    global counter
    counter += 1
    return counter


def f(x=make_default(), y=[counter, counter * 2]):
    return x, y


print(f())
print(f(1))
print(counter)


def append_to(item, target=[]):
    target.append(item)
    return target


print(append_to(1))
print(append_to(2))
print(append_to(3, []))


def scale(v, factor=2.5):
    return v * factor


print(scale(2), scale(2, 3))
print(f.__defaults__[0], len(append_to.__defaults__[0]))
