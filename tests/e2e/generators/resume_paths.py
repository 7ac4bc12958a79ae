# Resuming generators on every path of the `for` loop's fast step: inside and outside an except
# block of the caller, a body suspended inside its own except block (sys.exception()), PEP 479,
# a return value, re-entry, and recursion through nested generators.
import sys


def numbers(n):
    for i in range(n):
        yield i
    return "done"


def in_handler():
    try:
        raise KeyError("inner")
    except KeyError:
        yield repr(sys.exception())
        yield repr(sys.exception())
    yield repr(sys.exception())


def stop_inside():
    yield 1
    raise StopIteration("leaks")


def relay(it):
    for x in it:
        yield x * 10


print([x for x in numbers(3)], list(relay(numbers(4))))

try:
    raise ValueError("outer")
except ValueError:
    for s in in_handler():
        print("caller handling:", s, repr(sys.exception()))
for s in in_handler():
    print("caller not handling:", s, repr(sys.exception()))

g = in_handler()
print(next(g))
try:
    raise IndexError("between")
except IndexError:
    print(next(g), repr(sys.exception()))
print(next(g), repr(sys.exception()))

try:
    for v in stop_inside():
        print("got", v)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

try:
    for v in relay(stop_inside()):
        print("relayed", v)
except RuntimeError as e:
    print("relayed RuntimeError:", e)

it = numbers(2)
print(list(it), list(it), next(it, "exhausted"))
try:
    next(numbers(0))
except StopIteration as e:
    print("StopIteration value:", e.value)


def reenter():
    yield next(me)


me = reenter()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


def nest(depth):
    if depth == 0:
        yield "bottom"
    else:
        for x in nest(depth - 1):
            yield x


print(list(nest(50)))
try:
    for x in nest(100000):
        pass
except RecursionError as e:
    print("RecursionError:", e)
print(list(nest(10)))
