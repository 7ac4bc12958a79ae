# Base64 and hex codecs written by hand with bit operations, checked against the bytes methods;
# URL-safe variant, padding errors, and a checksum (Adler-32 and CRC-32 by table).

ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64encode(data: bytes, alphabet: str = ALPHA) -> str:
    out = []
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        n = int.from_bytes(chunk + b"\0" * (3 - len(chunk)), "big")
        chars = [alphabet[(n >> s) & 63] for s in (18, 12, 6, 0)]
        if len(chunk) < 3:
            chars[len(chunk) + 1:] = "=" * (3 - len(chunk))
        out.append("".join(chars))
    return "".join(out)


def b64decode(text: str, alphabet: str = ALPHA) -> bytes:
    text = "".join(text.split())
    if len(text) % 4:
        raise ValueError(f"length {len(text)} is not a multiple of 4")
    lookup = {ch: i for i, ch in enumerate(alphabet)}
    out = bytearray()
    for i in range(0, len(text), 4):
        quad = text[i:i + 4]
        pad = quad.count("=")
        if pad > 2 or "=" in quad.rstrip("="):
            raise ValueError(f"bad padding in {quad!r}")
        n = 0
        for ch in quad.rstrip("="):
            if ch not in lookup:
                raise ValueError(f"invalid character {ch!r}")
            n = n << 6 | lookup[ch]
        n <<= 6 * pad
        out += n.to_bytes(3, "big")[:3 - pad]
    return bytes(out)


def hexlify(data: bytes) -> str:
    digits = "0123456789abcdef"
    return "".join(digits[b >> 4] + digits[b & 15] for b in data)


def adler32(data: bytes) -> int:
    a, b = 1, 0
    for byte in data:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return b << 16 | a


CRC_TABLE = []
for n in range(256):
    c = n
    for _ in range(8):
        c = 0xEDB88320 ^ (c >> 1) if c & 1 else c >> 1
    CRC_TABLE.append(c)


def crc32(data: bytes) -> int:
    c = 0xFFFFFFFF
    for byte in data:
        c = CRC_TABLE[(c ^ byte) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


samples = [bytes(), bytes([102]), "fo".encode(), "foo".encode(), "foobar".encode(),
           "Hello, krait! ünïcødé ✓".encode("utf-8"), bytes(range(250, 256)) + bytes(4)]
for data in samples:
    enc = b64encode(data)
    dec = b64decode(enc)
    print(f"{data!r:<42} {enc:<36} ok={dec == data} hex={hexlify(data)[:16]}")
URLSAFE = ALPHA[:62] + "-_"
raw = bytes([251, 255, 191, 62, 63])
print("standard:", b64encode(raw), "url-safe:", b64encode(raw, URLSAFE), b64decode(b64encode(raw, URLSAFE), URLSAFE) == raw)
print("hex agrees:", all(hexlify(d) == d.hex() for d in samples))
print("fromhex:", bytes.fromhex(hexlify(samples[5]))[:5], samples[5].decode()[7:12])
text = "The quick brown fox jumps over the lazy dog"
print(f"adler32={adler32(text.encode()):#010x} crc32={crc32(text.encode()):#010x} crc32('')={crc32(bytes()):#x}")
print("crc table:", [f"{x:08x}" for x in CRC_TABLE[:4]], len(CRC_TABLE))
for bad in ["abc", "ab=c", "a===", "ab!d"]:
    try:
        b64decode(bad)
    except ValueError as e:
        print(f"{bad!r}: {e}")
print(b64decode("SGVs bG8g\nd29y bGQ="))
blob = bytearray(b64decode("AAECAwQF"))
blob.reverse()
blob.extend([9, 9])
print(blob, bytes(blob).hex("-"), list(blob[::2]), blob.count(9), sum(blob))
print("ascii:", "".join(chr(b) if 32 <= b < 127 else "." for b in samples[5]))
