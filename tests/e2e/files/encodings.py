# Text codecs when reading and writing files (the encoding and errors arguments);
# UnicodeEncodeError messages.
import os

d = "encodings_%d.tmp" % os.getpid()
os.mkdir(d)
p = os.path.join(d, "t.txt")

text = "caf\u00e9 na\u00efve \u20ac\n"
with open(p, "w", encoding="utf-8") as f:
    print(f.encoding, f.errors, f.write(text))
with open(p, "rb") as f:
    raw = f.read()
print(len(raw), raw)
with open(p, encoding="utf-8") as f:
    print(repr(f.read()))
with open(p, encoding="latin-1") as f:
    s = f.read()
    print(f.encoding, len(s), repr(s))

for errors in ["strict", "ignore", "replace", "backslashreplace"]:
    try:
        with open(p, encoding="ascii", errors=errors) as f:
            print(errors, repr(f.read()))
    except UnicodeDecodeError as e:
        print(errors, "UnicodeDecodeError:", e)

for errors in ["strict", "ignore", "replace", "backslashreplace"]:
    try:
        with open(p, "w", encoding="ascii", errors=errors) as f:
            f.write(text)
        with open(p, "rb") as f:
            print(errors, f.read())
    except UnicodeEncodeError as e:
        print(errors, "UnicodeEncodeError:", e)

with open(p, "w", encoding="latin-1") as f:
    f.write("\u00e9t\u00e9\n")
with open(p, "rb") as f:
    print(f.read())
try:
    with open(p, encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
with open(p, encoding="utf-8", errors="replace") as f:
    print(repr(f.read()))

try:
    open(p, encoding="no-such-codec")
except LookupError as e:
    print("LookupError:", e)

with open(p, "w", encoding="UTF8") as f:
    print(f.encoding)
with open(p, "w", encoding="Latin1") as f:
    print(f.encoding)

os.remove(p)
os.rmdir(d)
