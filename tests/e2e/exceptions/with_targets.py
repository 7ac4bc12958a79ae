# with-statement targets other than a name: tuples, lists with a star, subscripts, attributes;
# a failing unpack runs __exit__ with the error, as CPython does.
class Ctx:
    def __init__(self, value):
        self.value = value

    def __enter__(self):
        print("enter", self.value)
        return self.value

    def __exit__(self, t, e, tb):
        print("exit", t.__name__ if t else None, e)
        return t is ValueError


class Box:
    pass


with Ctx((1, 2)) as (a, b):
    print(a, b)
with Ctx([1, 2, 3, 4]) as [first, *rest]:
    print(first, rest)
d = {}
with Ctx("v") as d["key"], Ctx(5) as d["other"]:
    print(d)
box = Box()
with Ctx(7) as box.attr:
    print(box.attr)
with Ctx((1, 2, 3)) as (x, y):
    print("not reached")
print("suppressed the unpacking error")
with Ctx("ab") as (p, q), Ctx([9]) as [r]:
    print(p, q, r)
with Ctx(1) as (u, v):
    pass
