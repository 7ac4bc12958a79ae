# The exception variable of `except ... as e` is cleared at the end of the handler; a
# `finally` runs before the frame's locals are released; a handler in the same frame sees its
# locals alive.
class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def catcher():
    k = A("catcher-k")
    try:
        j = A("catcher-j")
        raise KeyError("k")
    except KeyError as e:
        print("caught", e, j.n)
        j = None
    print("catcher end")


class Boom(Exception):
    def __init__(self, tag):
        super().__init__(tag)
        self.tag = A("payload-" + tag)


def exc_var():
    try:
        raise Boom("x")
    except Boom as err:
        print("in handler", err.tag.n)
    print("after handler")


def finally_block():
    f = A("fin")
    try:
        return "ret"
    finally:
        print("finally runs")


catcher()
exc_var()
print(finally_block())
print("end")
