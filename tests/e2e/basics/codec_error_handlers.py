# str.encode / bytes.decode / str(bytes, ...) with every error handler CPython has for utf-8,
# ascii and latin-1 (namereplace included: this source names it, so the name table is linked).
def show(label, f):
    try:
        r = f()
        print(label, repr(r))
    except (UnicodeError, LookupError, TypeError) as e:
        print(label, type(e).__name__, e)


data = b"ab\xff\xc3(\xe2\x82cd\xf0\x9f\x98"
for enc in ("utf-8", "ascii", "latin-1"):
    for errors in ("strict", "ignore", "replace", "backslashreplace", "surrogateescape",
                   "xmlcharrefreplace", "namereplace", "bogus"):
        show(f"decode {enc} {errors}", lambda: data.decode(enc, errors))

texts = ["plain", "caf\u00e9", "\u20ac and \U0001f600", "esc\udc80\udcff", "mix\u00e9\udc80x",
         "lone \ud800 surrogate", "\udc80\udc81\udc82", "a\x7f\x80\xff\u0100"]
for enc in ("utf-8", "ascii", "latin-1"):
    for errors in ("strict", "ignore", "replace", "backslashreplace", "surrogateescape",
                   "xmlcharrefreplace", "namereplace", "bogus"):
        for t in texts:
            show(f"encode {enc} {errors} {t!r}", lambda: t.encode(enc, errors))

# Round trip of arbitrary bytes through surrogateescape.
raw = bytes(range(256))
s = raw.decode("utf-8", "surrogateescape")
print(len(s), s.encode("utf-8", "surrogateescape") == raw)
s = raw.decode("ascii", "surrogateescape")
print(len(s), s.encode("ascii", "surrogateescape") == raw)
print(str(b"x\xffy", "utf-8", "surrogateescape").encode("latin-1", "surrogateescape"))
