class A:
    def hello(self):
        return "A"


class B(A):
    pass


def hello(self):
    return super().hello()


B.hello = hello
print(B().hello())
