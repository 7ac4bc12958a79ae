# `del` of the last reference runs __del__ at once, as in CPython: locals, globals, cells,
# tuples of targets; `del` of a name that is not the last reference does not.
class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("__del__", self.n)


def local():
    a = A(1)
    b = a
    print("before")
    del a
    print("a deleted, b holds", b.n)
    del b
    print("after")


local()


def typed_and_pair():
    x = A(2)
    y = A(3)
    del x, y
    print("both gone")


typed_and_pair()


def cell():
    c = A(4)

    def peek():
        return c.n

    print("peek", peek())
    del c
    print("cell emptied")


cell()
g = A(5)
h = [g]
del g
print("list still holds", h[0].n)
del h
print("module")


def via_global():
    global gg
    gg = A(6)
    del gg
    print("global gone")


via_global()


class Holder:
    item = A(7)
    del item
    print("class body")


print("end")
