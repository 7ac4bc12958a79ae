# Helper of infer_across.py: its functions are called with ints here and with other types by
# the importer, so nothing here may be typed from this module's own calls alone.


def twice(x):
    return x + x


def total(xs):
    s = 0
    for v in xs:
        s = s + v
    return s


def grow(xs):
    xs.append(1.5)
    return xs


LOCAL = twice(21)
LOCAL_TOTAL = total([1, 2, 3])
