# With a __del__ in the program, a named local keeps its value until it is rebound (released
# at the assignment), deleted or the frame exits (released before RETURN and on the error
# edge, in slot order); an int local and temporaries still die at their last use.
class A:
    def __del__(self):
        print("del")


def f(p):
    a = A()
    b = A()
    n = 1
    a = A()
    print(n)
    del b
    return p
