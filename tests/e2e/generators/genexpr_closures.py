# Generator expressions reading variables of the enclosing function through cells (late binding).
def f(k):
    g = (x * k for x in range(3))
    k = 100
    return list(g)
print(f(2))
def outer(n):
    m = n + 1
    return sum(i * m for i in range(n) if i != n - 1)
print(outer(4))
def lazy_reader(lines, prefix):
    return (prefix + s.strip() for s in lines if s.strip())
print(list(lazy_reader([" a ", "", "b"], ">")))
class A:
    def items(self):
        return (self.v * i for i in range(3))
    v = 5
print(list(A().items()))
