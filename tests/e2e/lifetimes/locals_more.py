# More frames: methods, recursion, closures, loops over objects, comprehensions, files.
import os


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


class Holder:
    def __init__(self, tag):
        self.tag = tag

    def work(self):
        tmp = A("method-tmp-" + self.tag)
        print("working", self.tag)
        return len(tmp.n)


def recurse(depth):
    mine = A(f"depth{depth}")
    if depth < 2:
        recurse(depth + 1)
    print("leaving", depth)


def loop_over():
    objs = [A("o0"), A("o1"), A("o2")]
    for obj in objs:
        print("visit", obj.n)
    objs = None
    print("list dropped, obj still bound")
    return "done"


def while_loop():
    k = 0
    cur = None
    while k < 3:
        cur = A(f"w{k}")
        k += 1
    print("while over")


def comprehension():
    names = [A(f"comp{i}").n for i in range(2)]
    print("names", names)
    return names


def file_buffer():
    path = "lifetimes_file_buffer.txt"
    f = open(path, "w")
    f.write("hello")
    with open(path) as r:
        print("seen before close:", repr(r.read()))
    return path


def after_file(path):
    with open(path) as r:
        print("seen after return:", repr(r.read()))
    os.remove(path)


h = Holder("h")
print(h.work())
h = None
recurse(0)
print(loop_over())
while_loop()
print(comprehension())
after_file(file_buffer())
print("end")
