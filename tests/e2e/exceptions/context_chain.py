# An exception raised while another is handled gets it as __context__.
def handler_raises():
    try:
        1 // 0
    except ZeroDivisionError:
        raise ValueError("while handling")


try:
    handler_raises()
except ValueError as e:
    print(repr(e), "context:", repr(e.__context__))
    print("suppressed:", e.__suppress_context__, "cause:", e.__cause__)


def finally_raises():
    try:
        raise KeyError("first")
    finally:
        raise IndexError("second")


try:
    finally_raises()
except IndexError as e:
    print(repr(e), "context:", repr(e.__context__))

try:
    raise TypeError("no context")
except TypeError as e:
    print(repr(e), e.__context__)


def three_levels():
    try:
        raise ValueError(1)
    except ValueError:
        try:
            raise ValueError(2)
        except ValueError:
            raise ValueError(3)


try:
    three_levels()
except ValueError as e:
    print(e, e.__context__, e.__context__.__context__, e.__context__.__context__.__context__)
