# return, break and continue out of except clauses end the handling: afterwards no exception
# is being handled (a bare raise fails), and the 'as' name is gone.
import sys


def returns_from_handler():
    try:
        raise ValueError("v")
    except ValueError as e:
        return "returned " + str(e)


def state():
    return sys.exception()


print(returns_from_handler())
print("handled now:", state())
for i in range(3):
    try:
        raise KeyError(i)
    except KeyError as e:
        print("in handler:", repr(state()))
        if i == 0:
            continue
        break
print("after loop:", state())
try:
    raise
except RuntimeError as e:
    print(e)


def nested_state():
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise TypeError("inner")
        except TypeError:
            print("inner:", repr(sys.exception()))
        print("outer again:", repr(sys.exception()))
    print("none:", sys.exception())


nested_state()
