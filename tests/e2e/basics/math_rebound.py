# A global 'math' that is not only the math module keeps the generic call.
import math


class Fake:
    def sqrt(self, x):
        return "fake sqrt of " + str(x)


def root(x: float):
    return math.sqrt(x)


print(root(4.0))
math = Fake()
print(root(4.0))
