# open() modes: r, w, a, x, r+, w+, a+, binary modes, and mode errors.
import os

d = "modes_%d.tmp" % os.getpid()
os.mkdir(d)
p = os.path.join(d, "f.txt")

with open(p, "w") as f:
    print(type(f).__name__, f.mode, f.closed, f.writable(), f.readable())
    print(f.write("alpha\n"), f.write("beta\n"))
print(f.closed)

with open(p) as f:
    print(f.mode, repr(f.read()))

with open(p, "a") as f:
    f.write("gamma\n")
    print("a tell", f.tell())
print(repr(open(p).read()))

try:
    open(p, "x")
except FileExistsError as e:
    print("x:", type(e).__name__, e.errno, e.strerror, e.filename == p)

with open(p, "r+") as f:
    print(repr(f.read(5)))
    f.seek(0)
    f.write("ALPHA")
    f.seek(0)
    print(repr(f.readline()))

with open(p, "w+") as f:
    print(repr(f.read()))
    f.write("new text\n")
    f.seek(0)
    print(repr(f.read()))

with open(p, "a+") as f:
    f.write("more\n")
    f.seek(0)
    print(repr(f.read()))

with open(p, "wb") as f:
    print(type(f).__name__, f.mode)
    print(f.write(bytes([0, 1, 98, 121, 116, 101, 115, 255, 10])))
with open(p, "rb") as f:
    print(type(f).__name__, f.read())
with open(p, "ab") as f:
    f.write("tail".encode())
with open(p, "r+b") as f:
    print(type(f).__name__, f.read(3), f.tell())
    f.seek(-4, 2)
    print(f.read())

for mode in ["rw", "z", "rt+b", "bb", ""]:
    try:
        open(p, mode)
    except ValueError as e:
        print(repr(mode), "ValueError:", e)

try:
    open(p, "rb", encoding="utf-8")
except ValueError as e:
    print("ValueError:", e)
try:
    open(p, "wb", newline="")
except ValueError as e:
    print("ValueError:", e)

f = open(p, "w")
f.close()
try:
    f.write("x")
except ValueError as e:
    print("ValueError:", e)
try:
    open(p).write("x")
except Exception as e:
    print(type(e).__name__, e)

os.remove(p)
os.rmdir(d)
print(os.path.exists(d))
