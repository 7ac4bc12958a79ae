# A local keeps its value until it is rebound, deleted or the frame exits (CPython's order:
# the frame's local slots in order), not until its last use.
class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def basic():
    a = A("a")
    print("after a")
    return 1


def several():
    b = A("b")
    c = A("c")
    a = A("a")
    print("body", c.n)
    return 2


def rebind():
    x = A("x1")
    print("rebinding")
    x = A("x2")
    print("rebound")
    x = x
    print("same")
    return x.n


def loop():
    for i in range(3):
        item = A(f"item{i}")
        print("iteration", i)
    print("loop done")


def with_param(p, q):
    r = A("r")
    p = A("p-new")
    print("params", q.n)


def returns_local():
    keep = A("keep")
    other = A("other")
    return keep


def deleted():
    d = A("d")
    e = A("e")
    del d
    print("after del")


def conditional(flag):
    if flag:
        v = A("v")
    print("cond", flag)


def temporaries():
    print(A("temp").n)
    print("after temp")


print(basic())
print(several())
print(rebind())
loop()


def call_with_param():
    p0 = A("p")
    q0 = A("q")
    with_param(p0, q0)
    print("after call")


call_with_param()
print("got", returns_local().n)
deleted()
conditional(True)
conditional(False)
temporaries()
print("end")


def containers():
    items = [A("li0"), A("li1"), A("li2")]
    pair = (A("tu0"), A("tu1"))
    print("containers")
    items = None
    print("list gone")
    pair = None
    print("tuple gone")
    more = [A("c0"), A("c1"), A("c2"), A("c3")]
    del more[1:3]
    print("slice deleted")
    more.clear()
    print("cleared")


containers()
