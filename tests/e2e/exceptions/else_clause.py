# else runs only when the try body completes without an exception; its own exceptions are not
# caught by the same try.
def attempt(s):
    try:
        v = int(s)
    except ValueError:
        print("cannot parse", s)
        return None
    else:
        print("parsed", v)
        return v * 2


print(attempt("21"))
print(attempt("x1"))


def else_raises():
    try:
        try:
            pass
        except ZeroDivisionError:
            print("not here")
        else:
            print("in else")
            1 / 0
    except ZeroDivisionError as e:
        print("caught from else:", e)


else_raises()

for i in range(3):
    try:
        if i == 1:
            raise ValueError(i)
    except ValueError as e:
        print("error at", e)
    else:
        print("no error at", i)
