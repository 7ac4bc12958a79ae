# UnicodeDecodeError / UnicodeEncodeError raised by codecs and made by hand: encoding, object,
# start, end, reason, args, str() and repr().


def report(e):
    print(type(e).__name__, isinstance(e, UnicodeError), isinstance(e, ValueError))
    print(" ", repr(e.encoding), repr(e.object), e.start, e.end, repr(e.reason))
    print(" ", str(e))
    print(" ", e.args == (e.encoding, e.object, e.start, e.end, e.reason))


for data, enc in [(b"abc\xffdef", "utf-8"), (b"\xe2\x82", "utf-8"), (b"ok\xc3(", "utf-8"),
                  (b"\xed\xa0\x80", "utf-8"), (b"\xf0\x9f\x98", "utf-8"), (b"abc\x80", "ascii")]:
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        report(e)

for text, enc in [("caf\u00e9", "ascii"), ("\u20ac\u20ac!", "latin-1"), ("x\ud800", "utf-8"),
                  ("\udc80\udc81", "utf-8"), ("a\U0001f600", "ascii"), ("\u0100", "latin-1"),
                  ("mix\u00e9\udc80\u20acx", "ascii")]:
    try:
        text.encode(enc)
    except UnicodeEncodeError as e:
        report(e)

# surrogateescape re-raises the original error when a character is not an escaped byte.
for text, enc in [("\u00e9", "ascii"), ("ok\udc80\u20ac", "latin-1"), ("\ud800\udc80", "utf-8")]:
    try:
        text.encode(enc, "surrogateescape")
    except UnicodeEncodeError as e:
        report(e)

# Made by hand.
e = UnicodeDecodeError("utf-8", b"\x00\xff\xfe", 1, 2, "invalid start byte")
report(e)
print(repr(e))
e = UnicodeDecodeError("ascii", b"abcd", 0, 3, "made up")
report(e)
e = UnicodeEncodeError("latin-1", "\u1234xy", 0, 1, "ordinal not in range(256)")
report(e)
print(repr(e))
e = UnicodeEncodeError("ascii", "\U0001f600", 0, 1, "no")
print(str(e))
e = UnicodeEncodeError("ascii", "ab", 0, 2, "both")
print(str(e))
try:
    raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad")
except ValueError as err:
    print("caught", err)
for args in [(), ("utf-8",), ("utf-8", "not bytes", 0, 1, "r"), ("utf-8", b"x", "0", 1, "r"),
             (1, b"x", 0, 1, "r")]:
    try:
        UnicodeDecodeError(*args)
    except TypeError as err:
        print("TypeError", err)
try:
    UnicodeEncodeError("ascii", b"bytes", 0, 1, "r")
except TypeError as err:
    print("TypeError", err)
try:
    b"\xff".decode("utf-8")
except UnicodeError as err:
    print(type(err).__name__, err.start, err.end, err.object)
