# A generator's locals live in its frame: they are released when the generator finishes,
# is closed, or is dropped.
class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def gen():
    a = A("gen-a")
    yield 1
    b = A("gen-b")
    yield 2
    print("gen done")


for v in gen():
    print("got", v)
print("loop over")

g = gen()
print(next(g))
print("closing")
g.close()
print("closed")

g = gen()
print(next(g))
print(next(g))
print("dropping")
g = None
print("dropped")


def nested():
    outer = A("outer")

    def inner():
        return outer.n

    print(inner())
    return 0


nested()
print("end")
