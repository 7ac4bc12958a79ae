# A module that reaches its own frames (sys._getframe, f_locals) gets no whole-program
# inference: 'double' keeps a dyn parameter and 'xs' stays list[dyn], though every call passes
# an int and every store a float. math.sqrt is float: math is imported once and never patched.
import math
import sys


def double(n):
    return n * 2


def main():
    xs = [1.0, 2.0]
    xs[0] = math.sqrt(xs[1])
    print(double(3), xs, sys._getframe().f_locals)


main()
