# At shutdown the script's globals are finalized, then those of the imported modules.
import exit_helper_b
import exit_helper_a


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


x = A("x")
y = A("y")
print("bound", exit_helper_a.p.n, exit_helper_b.r.n)
print("end")
