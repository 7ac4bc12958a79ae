# Yields inside except and finally blocks, and the exception being handled across a yield.
import sys


def in_except():
    try:
        raise KeyError("inner")
    except KeyError as e:
        yield "handling " + repr(e)
        print("still handling:", repr(sys.exception()))
        yield "after"
    print("done handling:", sys.exception())


g = in_except()
print(next(g))
try:
    raise ValueError("consumer")
except ValueError:
    print("consumer sees", repr(sys.exception()))
    print(next(g))
print(list(g))


def in_finally():
    try:
        yield 1
        return "ret"
    finally:
        yield "from finally"


print(list(in_finally()))
g = in_finally()
next(g)
print(g.throw(TypeError("t")))
try:
    next(g)
except TypeError as e:
    print("re-raised after finally:", e)


def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "closing value"


g = returns_on_close()
next(g)
print(g.close())


def unstarted():
    try:
        yield 1
    finally:
        print("never printed")


u = unstarted()
try:
    u.throw(ValueError("early"))
except ValueError as e:
    print("unstarted throw:", e)
print(next(u, "finished"))
