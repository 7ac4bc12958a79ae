# A finalizer installed with setattr() (no `def __del__` anywhere) still makes locals live
# until their frame exits.
class A:
    def __init__(self, n):
        self.n = n


def fin(self):
    print("del", self.n)


setattr(A, "__del__", fin)


def f():
    a = A("a")
    b = A("b")
    print("body")
    a = A("a2")
    print("rebound")
    return 1


print(f())
print("end")
