# Exceptions from else bodies and from finally bodies after a return.
def else_fails(n):
    try:
        v = 100 // n
    except ZeroDivisionError:
        return "divided by zero"
    else:
        if v > 10:
            raise OverflowError("too large: " + str(v))
        return v
    finally:
        print("finally for", n)


for n in range(0, 12, 5):
    try:
        print(else_fails(n))
    except OverflowError as e:
        print("OverflowError:", e, "context:", e.__context__)


def return_then_raise():
    try:
        return "value"
    finally:
        raise RuntimeError("finally wins")


try:
    return_then_raise()
except RuntimeError as e:
    print(e)
