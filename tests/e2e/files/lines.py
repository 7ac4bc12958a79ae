# read(n), readline(limit), readlines, iteration, seek/tell, writelines and print(file=).
import os

d = "lines_%d.tmp" % os.getpid()
os.mkdir(d)
p = os.path.join(d, "l.txt")

with open(p, "w") as f:
    f.writelines(["one\n", "two\n"])
    f.writelines(s + "\n" for s in ["three", "four"])
    print("five", 5, 5.5, None, file=f)
    print("six", "seven", sep="|", end="!\n", file=f)
    print(file=f)
    print("last", end="", file=f)

with open(p) as f:
    print(repr(f.read(3)), f.tell())
    print(repr(f.readline()), f.tell())
    print(repr(f.readline(2)), repr(f.readline()))
    pos = f.tell()
    print(f.readlines())
    print(repr(f.read()), repr(f.readline()), f.readlines())
    f.seek(pos)
    print(repr(f.readline()))
    f.seek(0)
    print(sum(1 for _ in f), f.tell())
    print(f.seek(0, 2), f.tell())

with open(p) as f:
    for i, line in enumerate(f, 1):
        print(i, repr(line.rstrip("\n")))

with open(p) as f:
    print(f.readlines(10))
    print(len(f.readlines()))

with open(p) as f:
    it = iter(f)
    print(it is f, next(it), end="")
    print(next(f), end="")

with open(p, "w") as f:
    f.write("caf\u00e9\nna\u00efve\n")
with open(p) as f:
    print(repr(f.read(4)), f.tell())
    print(repr(f.readline()), f.tell())
with open(p, "rb") as f:
    print(f.read(4), f.tell(), f.seek(-3, 2), f.read(), f.seek(1), f.readline())
    f.seek(0)
    print(f.readlines())

f = open(p)
f.close()
for op in ["read", "readline", "tell"]:
    try:
        getattr(f, op)()
    except ValueError as e:
        print(op, "ValueError:", e)
try:
    next(f)
except ValueError as e:
    print("next ValueError:", e)
try:
    f.seek(0)
except ValueError as e:
    print("seek ValueError:", e)
with open(p) as f:
    try:
        f.seek(1, 1)
    except Exception as e:
        print(type(e).__name__, e)

os.remove(p)
os.rmdir(d)
