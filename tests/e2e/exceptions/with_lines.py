# `with open(...)` reading lines into a dict, with errors from parsing and lookups handled while
# the file is open and after it is closed.
import os

path = "with_lines.tmp"
with open(path, "w") as f:
    f.write("apple=3\n")
    f.write("pear=5\n")
    f.write("bad line\n")
    f.write("plum=x\n")
    f.write("apple=4\n")

stock = {}
errors = []
with open(path) as f:
    for n, line in enumerate(f, 1):
        line = line.strip()
        try:
            key, value = line.split("=")
            stock[key] = stock.get(key, 0) + int(value)
        except ValueError as e:
            errors.append((n, str(e)))
print("closed:", f.closed)
print(stock)
for n, msg in errors:
    print(n, msg)


def load(p):
    result = {}
    with open(p) as src:
        lines = src.readlines()
        result = {ln.split("=")[0]: len(ln) for ln in lines if "=" in ln}
        return result, src


d, handle = load(path)
print(sorted(d.items()), handle.closed)

try:
    with open(path) as f:
        first = f.readline()
        print("first:", first.strip())
        print(stock["cherry"])
except KeyError as e:
    print("KeyError:", e, "closed:", f.closed)

counts = {}
with open(path) as f:
    lines = [ln.rstrip("\n") for ln in f]
for ln in lines:
    counts[len(ln)] = counts.get(len(ln), []) + [ln]
print(counts)

os.remove(path)
try:
    with open(path) as f:
        print("not reached")
except OSError as e:
    print(type(e).__name__, e.strerror)
finally:
    print("exists:", os.path.exists(path))
