# print() with file=, flush=, * and ** arguments goes through the builtin function object.
import sys
xs = [1, 2, 3]
print("to stderr", end="!\n", file=sys.stderr, flush=True)
print("a", "b", sep=", ")
print(*xs, sep="-")
print(*xs, *"ab", 4)
print(file=sys.stdout)
print("x", **{"end": "<\n"})
def f(*a, **k):
    print(*a, **k)
f(1, 2, sep="+", end="=3\n")
print("flushed", flush=True)
print(sep="never shown", end="")
print("last line to stderr", file=sys.stderr)
