# math's float functions are float only while nothing can replace them: here math.sqrt is
# patched at run time, so root's result must stay an object.
import math


def root(x):
    return math.sqrt(x)


def norm(xs):
    total = 0.0
    for x in xs:
        total += x * x
    return root(total)


def main():
    print(root(16.0), norm([3.0, 4.0]), math.pi)
    math.sqrt = lambda x: "patched"
    print(root(16.0), norm([1.0]))


main()
