# print() with file= and flush= (to streams and files), with * and ** arguments.
import os
import sys

xs = [1, 2, 3]
print(*xs, sep="-", file=sys.stdout)
print("a", "b", file=sys.stdout, flush=True)
print(file=sys.stdout)
print("x", end="!\n", flush=False)
kw = {"sep": "+", "end": ".\n"}
print(1, 2, **kw)
print("to None goes to stdout", file=None)

p = "print_file_%d.tmp" % os.getpid()
with open(p, "w") as f:
    print(*xs, **kw, file=f)
    print("flushed", file=f, flush=True)
    with open(p) as g:
        print(repr(g.read()))
try:
    print("closed", file=f)
except ValueError as e:
    print("ValueError:", e)
try:
    print("x", file=42)
except AttributeError as e:
    print("AttributeError:", e)
os.remove(p)
print("to stderr", file=sys.stderr)
