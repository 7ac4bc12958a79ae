import math

print("start")
k = math.pi
match {math.pi: 1, "x": 2}:
    case {math.pi: a, 3.141592653589793: b}:
        print("never", a, b)
