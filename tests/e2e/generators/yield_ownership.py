# Who owns a yielded value and a sent value: __del__ runs when CPython's would (the consumer
# drops the value; a sent value nobody uses dies when send() returns), and a value the
# generator still needs after its yield survives throw() and close() (Plain objects there: krait
# releases a local after its last use, so __del__ would show that difference; the sanitizer
# build checks those paths for use after free).


class Plain:
    def __init__(self, name):
        self.name = name


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


def make(n):
    for i in range(n):
        yield Tracked("t%d" % i)
        print("  resumed after t%d" % i)


print("for loop:")
for t in make(3):
    print("  got", t.name)
print("done")

print("next() and drop:")
g = make(2)
x = next(g)
print("  holding", x.name)
x = None
print("  dropped")
x = next(g)
print("  holding", x.name)
x = None
g.close()
print("closed")


def keeps():
    v = Plain("kept" + str(len("xy")))
    try:
        yield v
        print("  after the yield", v.name)
    except GeneratorExit:
        print("  GeneratorExit, still have", v.name)
        raise
    except ValueError as e:
        print("  thrown", e, "still have", v.name)
        yield "recovered " + v.name


print("close while suspended:")
g = keeps()
print("  yielded", next(g).name)
g.close()
print("  closed")
print("throw while suspended:")
g = keeps()
next(g)
print(" ", g.throw(ValueError("bad")))
g = None
print("  dropped generator")


def sink():
    while True:
        yield
        print("  sink resumed")


print("send values nobody uses:")
s = sink()
next(s)
s.send(Tracked("sent1"))
print("  after send 1")
s.send(Tracked("sent2"))
print("  after send 2")
s.close()


def echo():
    got = yield "first"
    while True:
        got = yield "echo " + got.name


print("send values the generator keeps:")
e = echo()
print(" ", next(e))
print(" ", e.send(Plain("a")))
print(" ", e.send(Plain("b")))
e.close()
print("end")


def constant():
    yield 1
    yield None
    yield "s"


print(list(constant()))


def yields_in_finally():
    try:
        yield Tracked("body")
    finally:
        yield Tracked("finally")


g = yields_in_finally()
print("  first", next(g).name)
print("  second", g.throw(KeyError("k")).name)
try:
    next(g)
except KeyError as e:
    print("  KeyError", e)
t = None
print("all done")
