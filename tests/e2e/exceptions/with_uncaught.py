# An exception escaping a with statement: the file is closed, the traceback points at the body.
import os


def write_and_fail(path):
    with open(path, "w") as f, open(path + ".2", "w") as g:
        f.write("data")
        g.write("more")
        print("both open:", f.closed, g.closed)
        raise OSError("disk full")


try:
    write_and_fail("with_uncaught.tmp")
except OSError as e:
    print("caught:", e)
with open("with_uncaught.tmp") as f:
    print("written:", f.read())
os.remove("with_uncaught.tmp")
os.remove("with_uncaught.tmp.2")
with open("with_uncaught.tmp", "w") as f:
    os.remove("with_uncaught.tmp")
    print(undefined)
