# Universal newlines: the newline argument when reading and when writing.
import os

d = "newlines_%d.tmp" % os.getpid()
os.mkdir(d)
p = os.path.join(d, "n.txt")


def raw():
    with open(p, "rb") as f:
        return f.read()


with open(p, "w", newline="") as f:
    f.write("unix\nwindows\r\nmac\rlast")
print(raw())

for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(p, newline=nl) as f:
        print(repr(nl), f.readlines())
    with open(p, newline=nl) as f:
        print(repr(nl), repr(f.read()))
    with open(p, newline=nl) as f:
        print(repr(nl), [line for line in f])

for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(p, "w", newline=nl) as f:
        f.write("a\nb\r\nc\rd\n")
    print("write", repr(nl), raw())

# A '\r\n' split across the 8 KiB buffer, and a long line spanning several buffers.
with open(p, "w", newline="") as f:
    f.write("x" * 8191 + "\r\n" + "y" * 20000 + "\r\nend\r")
with open(p) as f:
    lines = f.readlines()
print([len(s) for s in lines], [s[-2:] for s in lines])
with open(p, newline="") as f:
    lines = f.readlines()
print([len(s) for s in lines], [repr(s[-2:]) for s in lines])

try:
    open(p, newline="\n\r")
except ValueError as e:
    print("ValueError:", e)
try:
    open(p, newline=5)
except TypeError as e:
    print("TypeError:", e)

os.remove(p)
os.rmdir(d)
