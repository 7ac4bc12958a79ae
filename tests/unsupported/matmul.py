class M:
    def __matmul__(self, other):
        return "product"


print(M() @ M())
