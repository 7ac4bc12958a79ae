# Bytes, imaginary and Ellipsis literals.
b = b"ab\x00\xff\n"
print(b, len(b), b[3], b + b"!", b"" == bytes(), b"abc".upper(), b"x" * 3)
print(b"caf\xc3\xa9".decode(), "é".encode() == b"\xc3\xa9", b"a,b".split(b","))
print(rb"\d+", br"raw\n", b'single' b"concat")
z = 2j
print(z, 3 + 4j, (1 + 2j) * (3 - 1j), abs(3 + 4j), 1e300j, -0j, 1.5j.imag, type(1j).__name__)
e = ...
print(e, Ellipsis is ..., type(...).__name__, [..., 1])
def stub(): ...
print(stub())
def f(x=b"default", y=1j, z=...):
    return x, y, z
print(f(), f(b"other"))
data = {b"k": 1j}
print(data, b"k" in data, hash(b"k") == hash(b"k"))
