# A class body that binds the name of a module-level function: calls in the body see the class's
# own binding, calls without one see the function.


def f():
    return "global f"


def g(x, y=1):
    return x + y


class C:
    before = f()
    f = lambda: "class f"
    after = f()
    plain = g(1)


class D:
    def g(x, y=100):
        return x * y

    h = g(2)
    k = g(2, y=3)


class E:
    global f
    f = lambda: "rebound from E"


print(C.before, C.after, C.plain, D.h, D.k, f())
