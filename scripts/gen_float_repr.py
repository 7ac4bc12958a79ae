#!/usr/bin/env python3
# Generates tests/data/float_repr.txt: one double per line, as its 64-bit pattern in hex,
# a space, and CPython's repr of it. Run with
#   PYENV_VERSION=3.13.0 python3.13 scripts/gen_float_repr.py > tests/data/float_repr.txt
import random
import struct
import sys


def bits(d):
    return struct.unpack('<Q', struct.pack('<d', d))[0]


def from_bits(b):
    return struct.unpack('<d', struct.pack('<Q', b))[0]


def values():
    rng = random.Random(20241126)
    yield from [0.0, -0.0, float('inf'), float('-inf'), float('nan'), 1.0, -1.0, 0.1, 0.2, 0.3,
                1 / 3, 2 / 3, 5e-324, 2.2250738585072014e-308, 2.225073858507201e-308,
                1.7976931348623157e308, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5, 0.00012345,
                123456789012345678.0, 9007199254740993.0, 0.5, 1.5, 2.5, 1e22, 1e23, 5e-310]
    for e in range(-1074, 1024):
        yield 2.0 ** e
        yield -(2.0 ** e) * 1.5 if e < 1023 else -(2.0 ** e)
    for e in range(-323, 309):
        yield float('1e%d' % e)
        yield float('%de%d' % (rng.randint(1, 9), e))
    for n in list(range(0, 1000)) + [rng.randint(0, 2**64) for _ in range(500)]:
        yield float(n)
    for _ in range(300):
        yield from_bits(rng.randint(1, 2**52 - 1))          # subnormals
    for _ in range(300):
        yield from_bits(rng.randint(0x7FE0000000000000, 0x7FEFFFFFFFFFFFFF))  # huge
    for _ in range(300):
        yield round(rng.uniform(-1000, 1000), rng.randint(0, 6))
    for _ in range(200):
        yield rng.random() * 10 ** rng.randint(-20, 20)
    for _ in range(5000):
        b = rng.getrandbits(64)
        if (b >> 52) & 0x7FF != 0x7FF:
            yield from_bits(b)


def main():
    seen = set()
    for d in values():
        b = bits(d)
        if b in seen:
            continue
        seen.add(b)
        print('%016x %r' % (b, d))


main()
