# The finalizer is defined in an imported module: the script's locals still keep their
# values until the frame exits, and the module's globals are finalized at shutdown.
from exit_helper_a import B


def use():
    first = B("first")
    second = B("second")
    print("using", first.n)
    first = B("first-again")
    print("rebound")
    return second.n


def nested_calls():
    outer = B("outer")
    print(use())
    print("back in nested_calls")


nested_calls()
print("end")
