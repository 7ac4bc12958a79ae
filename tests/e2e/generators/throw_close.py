# throw() and close() reach try/except/finally inside the generator.
def worker():
    try:
        while True:
            try:
                x = yield "ready"
                print("got", x)
            except ValueError as e:
                print("handled", e)
    finally:
        print("cleanup")


w = worker()
print(next(w))
print(w.send(1))
print(w.throw(ValueError("bad")))
w.close()
print("closed")
w.close()

try:
    w2 = worker()
    next(w2)
    w2.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))


def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2


g = ignore_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(e)
