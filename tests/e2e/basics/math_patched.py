# Typed code calls math.sqrt directly only while the math module is untouched: replacing a
# function, or reaching the module's __dict__, sends later calls through the module.
import math


def root(x: float) -> float:
    return math.sqrt(x)


def main() -> None:
    print(root(16.0))
    math.sqrt = lambda x: x / 2.0
    print(root(16.0))
    delattr(math, "sqrt")
    try:
        print(root(16.0))
    except AttributeError as e:
        print("AttributeError:", e)
    vars(math)["sqrt"] = lambda x: x + 1.0
    print(root(16.0))


main()
