# A bare 'raise' re-raises the exception being handled, also after a nested handler ended.
def f():
    try:
        1 // 0
    except ZeroDivisionError:
        print("handling, then re-raising")
        raise


try:
    f()
except ZeroDivisionError as e:
    print("caught again:", e)


def g():
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise TypeError("inner")
        except TypeError:
            print("inner handled")
        raise


try:
    g()
except ValueError as e:
    print("re-raised the outer one:", e)
except TypeError:
    print("wrong")


def h():
    try:
        raise KeyError("finally")
    finally:
        print("in finally")


try:
    h()
except KeyError as e:
    print("finally re-raised", repr(e))
