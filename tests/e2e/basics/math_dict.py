# Changing the math module through its __dict__ is seen by typed code that calls math.sqrt.
import math


def root(x: float) -> float:
    return math.sqrt(x)


print(root(16.0))
d = vars(math)
d["sqrt"] = lambda x: x + 1.0
print(root(16.0))
