# raise ... from: __cause__ and __suppress_context__; from None.
def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise TypeError("not a number: " + s) from e


def quiet(s):
    try:
        return int(s)
    except ValueError:
        raise KeyError(s) from None


try:
    convert("abc")
except TypeError as e:
    print("error:", e)
    print("cause:", repr(e.__cause__))
    print("context:", repr(e.__context__))
    print("suppress:", e.__suppress_context__)

try:
    quiet("q")
except KeyError as e:
    print("error:", repr(e))
    print("cause:", e.__cause__)
    print("context:", repr(e.__context__))
    print("suppress:", e.__suppress_context__)

try:
    raise ValueError("v") from KeyError
except ValueError as e:
    print("class as cause:", repr(e.__cause__))

try:
    raise ValueError("v") from 5
except TypeError as e:
    print("bad cause:", e)

plain = ValueError("plain")
print(plain.__cause__, plain.__context__, plain.__suppress_context__)
