# An uncaught exception: the traceback is printed, then the globals are finalized.
class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


first = A("first")
second = A("second")
print("raising")
raise RuntimeError("uncaught")
