# `del` of names: locals (typed int/float/bool and objects, parameters), globals (module level
# and through `global`), class namespaces, tuples and lists of targets mixed with subscripts
# and attributes, and CPython's errors when the name is unbound.
def locals_():
    a = [1]
    del a
    try:
        print(a)
    except UnboundLocalError as e:
        print("read:", e)
    try:
        del a
    except UnboundLocalError as e:
        print("del:", e)
    a = "again"
    print(a)


locals_()


def params(x: int, y: float, b: bool, o):
    if x > 2:
        del x, y, b, o
    try:
        print(x)
    except UnboundLocalError as e:
        print(e)
    try:
        print(y)
    except UnboundLocalError as e:
        print(e)
    try:
        print(b)
    except UnboundLocalError as e:
        print(e)
    try:
        print(o)
    except UnboundLocalError as e:
        print(e)


params(1, 2.5, True, "o")
params(3, 2.5, False, "o")


def floats():
    z = 1.5
    w = z * 2.0
    del z
    z = w + 1.0
    print(z)
    del w
    try:
        w += 1.0
    except UnboundLocalError as e:
        print(e)
    n = 10
    del n
    try:
        n += 1
    except UnboundLocalError as e:
        print(e)


floats()


def in_loop():
    for i in range(3):
        x = i * 1.5
        if i == 1:
            del x
        try:
            print(x)
        except UnboundLocalError as e:
            print(e)
    del i
    try:
        i
    except UnboundLocalError as e:
        print("bare read:", e)


in_loop()


def only_deleted():
    try:
        del never
    except UnboundLocalError as e:
        print(e)
    if False:
        never = 1


only_deleted()


def in_generator():
    a = [1]
    yield a
    del a
    try:
        yield a
    except UnboundLocalError as e:
        yield str(e)
    a = 2.5
    yield a
    del a
    a = 3
    yield a


print(list(in_generator()))


def typed_generator(n: int):
    a = 1.5 * n
    yield a
    if n > 1:
        del a, n
    yield 0
    try:
        yield a
    except UnboundLocalError as e:
        yield str(e)
    b = a > 0
    yield b
    del b
    try:
        yield b
    except UnboundLocalError as e:
        yield str(e)


print(list(typed_generator(1)))
try:
    print(list(typed_generator(2)))
except UnboundLocalError as e:
    print("typed_generator(2):", e)


def in_finally():
    x = 1
    try:
        del x
    finally:
        print("finally")
    try:
        return x
    except UnboundLocalError as e:
        return str(e)


print(in_finally())
g = 1
del g
try:
    g
except NameError as e:
    print(e)
try:
    del g
except NameError as e:
    print(e)
try:
    del never_bound
except NameError as e:
    print(e)
gi = 5
gi += 1
del gi
gi = 7
print(gi)


def through_global():
    global gy
    gy = 5
    del gy
    try:
        del gy
    except NameError as e:
        print(e)


through_global()
try:
    print(gy)
except NameError as e:
    print(e)


def f():
    return 1


print(f())
del f
try:
    f()
except NameError as e:
    print(e)


class C:
    pass


del C
try:
    C
except NameError as e:
    print(e)
p, q, r = [1, 2, 3], [4, 5], 6


class Box:
    pass


box = Box()
box.attr = 1
del p[0], q
print(p)
del [r, p[0], box.attr]
print(p, hasattr(box, "attr"))
try:
    print(q)
except NameError as e:
    print(e)
t, u = (1, 2), 3
del (t, u)
try:
    del (p, t)
except NameError as e:
    print(e, "(p went first)")
try:
    print(p)
except NameError as e:
    print(e)


class Namespace:
    a = 1
    b = 2
    del a
    try:
        del a
    except NameError as e:
        print("class", e)
    c = 3
    del (b, c)
    d = 4


print(hasattr(Namespace, "a"), hasattr(Namespace, "b"), Namespace.d)
x_global = 1


class Local:
    try:
        del x_global
    except NameError as e:
        print("class body does not delete globals:", e)


print(x_global)
# A deleted global named like a builtin: reading it again finds the builtin, as in CPython.
len = 5
print(len)
del len
print(len("abc"))


def reads_len():
    return len("ab")


print(reads_len())
max = "shadow"


def drop_max():
    global max
    del max


drop_max()
print(max(1, 2))
# `del` never deletes a builtin: an unbound global named like one is a NameError.
try:
    del print
except NameError as e:
    print(e)
try:
    del len
except NameError as e:
    print(e)


def drop_min():
    global min
    try:
        del min
    except NameError as e:
        print(e)


drop_min()
print(min(4, 3))
