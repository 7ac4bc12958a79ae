# A local assigned in the try body may be unassigned in the handler.
def f(s):
    try:
        v = int(s)
        w = v * 2
    except ValueError:
        print("v is unbound here")
        return w
    return w


print(f("4"))
try:
    f("x")
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def g(flag):
    try:
        if flag:
            raise TypeError("t")
        result = "ok"
    except TypeError:
        result = "handled"
    finally:
        print("finally sees", result)
    return result


print(g(False))
print(g(True))
