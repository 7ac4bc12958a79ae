import math
import sys


def classify(x):
    match x:
        case math.pi:
            return "pi"
        case math.e:
            return "e"
        case math.inf:
            return "infinity"
        case sys.maxsize:
            return "maxsize"
        case _:
            return "plain"


for v in [math.pi, 3.141592653589793, math.e, float("inf"), sys.maxsize, 1, math.tau / 2]:
    print(v, classify(v))

match math.nan:
    case math.nan:
        print("nan equal")
    case _:
        print("nan is not equal to itself")

match {3.141592653589793: "pi"}:
    case {math.pi: name}:
        print("key by value:", name)
