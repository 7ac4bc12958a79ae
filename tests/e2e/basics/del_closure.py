# `del` of variables captured by closures: the cell empties, inner functions then raise
# CPython's NameError for a free variable; `del` through `nonlocal`; the owner's own reads
# raise UnboundLocalError.
def outer():
    x = [1, 2]

    def inner():
        return x

    print(inner())
    del x
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    try:
        del x
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = "rebound"
    print(inner())
    return inner


print(outer()())


def via_nonlocal():
    v = 1

    def drop():
        nonlocal v
        del v
        try:
            del v
        except NameError as e:
            print(type(e).__name__, e)

    def put():
        nonlocal v
        v = 2

    drop()
    try:
        print(v)
    except NameError as e:
        print(type(e).__name__, e)
    put()
    print(v)


via_nonlocal()


def param_cell(p):
    get = lambda: p
    del p
    try:
        get()
    except NameError as e:
        print(e)


param_cell(3)


def counter():
    n = 0

    def inc():
        nonlocal n
        n += 1
        return n

    inc()
    del n
    try:
        inc()
    except NameError as e:
        print(e)


counter()


def gen_cell():
    y = 5
    g = (y + i for i in range(2))
    del y
    try:
        print(list(g))
    except NameError as e:
        print(e)


gen_cell()


def not_assigned():
    def inner():
        return w

    try:
        inner()
    except NameError as e:
        print(e)
    w = 1
    print(inner())


not_assigned()
