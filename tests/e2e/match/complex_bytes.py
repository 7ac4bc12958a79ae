def what(x):
    match x:
        case 2j:
            return "2j"
        case -3j:
            return "-3j"
        case 1 + 2j:
            return "1+2j"
        case -1.5 - 0.5j:
            return "-1.5-0.5j"
        case b"":
            return "empty bytes"
        case b"abc" | b"\x00\xff":
            return "some bytes"
        case {b"key": value}:
            return f"bytes key -> {value}"
        case bytes(b) | bytearray(b):
            return f"other bytes {len(b)}"
        case c if hasattr(c, "imag") and not isinstance(c, (int, float)):
            return f"complex {c.real} {c.imag}"
        case _:
            return "other"


J = pow(-1, 0.5)
J = J - J.real  # exactly 1j
values = [2 * J, -3 * J, 1 + 2 * J, -1.5 - 0.5 * J, 5 + 5 * J, J.conjugate(),
          bytes(), "abc".encode(), bytes([0, 255]), bytes([1]), "abc",
          bytearray("xy".encode()), {"key".encode(): 1}, 2, 1.0]
for v in values:
    print(repr(v), "->", what(v))
