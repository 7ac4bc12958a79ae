# Generator object state: gi_running-free checks through behaviour, exhaustion, StopIteration.
def one():
    yield 1


g = one()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
try:
    next(g)
except StopIteration:
    print("still exhausted")
print(list(g))


def ret():
    yield 1
    return 42


g = ret()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value", e.value)


def bad():
    yield 1
    raise StopIteration("oops")


try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e)
