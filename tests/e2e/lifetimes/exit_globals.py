# Objects still referenced by globals at exit are finalized: first the globals holding an
# object with __del__ (in the order the globals were first bound), then the rest are released
# (a list releasing its items last first, an object its attributes).
class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


lst = [A("l1"), A("l2")]
_x = A("_x")
a = A("a")
t = (A("t1"), A("t2"))
b = A("b")
alias = b

a = A("a-rebound")
o = A("o")
o.child = A("o.child")
c1 = A("c1")
c2 = A("c2")
c1.peer = c2
c2.peer = c1
d = {"k": A("dict-value")}
n = 5
s = "text"
print("end")
