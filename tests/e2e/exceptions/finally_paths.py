# finally runs on normal exit and on exception (which is raised again afterwards).
def normal():
    try:
        print("body")
    finally:
        print("finally after normal exit")
    print("after try")


def failing():
    try:
        print("about to fail")
        int("nope")
        print("not printed")
    finally:
        print("finally during exception")
    print("not printed either")


normal()
try:
    failing()
except ValueError as e:
    print("caught after finally:", e)


def with_except(n):
    try:
        print("n =", n)
        if n:
            raise TypeError("bad n")
    except TypeError as e:
        print("handled", e)
    finally:
        print("cleanup", n)


with_except(0)
with_except(1)
