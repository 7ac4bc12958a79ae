# sys.exit() inside a function: the frames unwind, then the globals are finalized.
import sys


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


g1 = A("g1")
g2 = A("g2")


def stop():
    local = A("local")
    print("exiting")
    sys.exit(3)


stop()
print("not reached")
