class M:
    def __imatmul__(self, other):
        return self


m = M()
m @= M()
