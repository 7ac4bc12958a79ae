# A with statement across a yield: __exit__ runs on exhaustion, close and throw.
def lines(path):
    with open(path) as f:
        for line in f:
            yield line.rstrip("\n")
    print("file closed", f.closed)


with open("with_yield.tmp", "w") as f:
    f.write("alpha\nbeta\ngamma\n")
print(list(lines("with_yield.tmp")))
g = lines("with_yield.tmp")
print(next(g))
g.close()
print("closed early")
import os
os.remove("with_yield.tmp")
