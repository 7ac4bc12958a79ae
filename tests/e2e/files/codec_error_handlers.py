# open() text files with errors='surrogateescape', 'xmlcharrefreplace', 'backslashreplace' and
# 'namereplace' (where CPython allows each), reading and writing, utf-8/latin-1/ascii; the
# UnicodeError attributes of failures.
import os

d = "codec_handlers_%d.tmp" % os.getpid()
os.mkdir(d)
p = os.path.join(d, "t.txt")

raw = b"name: caf\xc3\xa9 \xff\xfe end\nline two \x80\xe2\x82\xac \xe2\x82\n"
with open(p, "wb") as f:
    f.write(raw)

for enc in ["utf-8", "ascii", "latin-1"]:
    for errors in ["surrogateescape", "backslashreplace", "replace", "ignore"]:
        with open(p, encoding=enc, errors=errors) as f:
            s = f.read()
        print(enc, errors, repr(s))
        with open(p, encoding=enc, errors=errors) as f:
            print("  lines", [line for line in f])

# Bytes survive a surrogateescape round trip through a text file.
with open(p, encoding="utf-8", errors="surrogateescape") as f:
    s = f.read()
q = os.path.join(d, "copy.txt")
with open(q, "w", encoding="utf-8", errors="surrogateescape") as f:
    print(f.errors, f.write(s))
with open(q, "rb") as f:
    print(f.read() == raw)

# Decoding handlers that only encode: TypeError when a byte cannot be decoded.
for errors in ["xmlcharrefreplace", "namereplace"]:
    try:
        with open(p, encoding="utf-8", errors=errors) as f:
            print(repr(f.read()))
    except TypeError as e:
        print(errors, "TypeError:", e)
with open(os.path.join(d, "clean.txt"), "w") as f:
    f.write("clean\n")
with open(os.path.join(d, "clean.txt"), encoding="ascii", errors="namereplace") as f:
    print(repr(f.read()))

text = "caf\u00e9 \u20ac \U0001f600 \udcff \u0100 \uac00 \u4e00 x\n"
for enc in ["utf-8", "ascii", "latin-1"]:
    for errors in ["xmlcharrefreplace", "backslashreplace", "namereplace", "surrogateescape",
                   "replace", "ignore"]:
        w = os.path.join(d, "w.txt")
        try:
            with open(w, "w", encoding=enc, errors=errors) as f:
                f.write(text)
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError:", e)
            print("  ", e.encoding, e.start, e.end, e.reason, e.object == text)
            continue
        with open(w, "rb") as f:
            print(enc, errors, f.read())

# A strict read fails with UnicodeDecodeError carrying the bytes and the position.
try:
    with open(p, encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
    print("  ", e.encoding, e.start, e.end, e.reason, e.object == raw)

for name in sorted(os.listdir(d)):
    os.remove(os.path.join(d, name))
os.rmdir(d)
