# Python's //, %, <<, >>, &, |, ^, ~ and unary minus on ints, in functions that take the int fast
# path (docs/design.md, "Int fast paths"): signs, zero and the edges of 64 bits.


# Each applies its operator 'times' times in a loop (a loop makes calls take the fast path).
def floordiv(a: int, b: int, times: int) -> int:
    while times > 0:
        a = a // b
        times -= 1
    return a


def mod(a: int, b: int, times: int) -> int:
    while times > 0:
        a = a % b
        times -= 1
    return a


def shl(a: int, b: int, times: int) -> int:
    while times > 0:
        a = a << b
        times -= 1
    return a


def shr(a: int, b: int, times: int) -> int:
    while times > 0:
        a = a >> b
        times -= 1
    return a


def bits(a: int, b: int, times: int) -> int:
    for _ in range(times):
        a = (a & b) + (a | b) * 3 - (a ^ b) + ~a - -b + +a
    return a


def safe_div(a: int, b: int) -> int:
    try:
        return a // b
    except ZeroDivisionError:
        return -1


def gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


def main() -> None:
    vals = [0, 1, -1, 2, -2, 7, -7, 13, -13, 9223372036854775807, -9223372036854775808,
            4611686018427387903, -4611686018427387904, 10 ** 20, -(10 ** 20)]
    for a in vals:
        for b in vals:
            if b != 0:
                print(a, b, floordiv(a, b, 1), mod(a, b, 1), bits(a, b, 1), gcd(a, b))
                print(floordiv(a, b, 2), mod(a, b, 2), bits(a, b, 2))
            else:
                print(a, b, safe_div(a, b), gcd(a, b))
    for a in [0, 1, -1, 3, -3, 2 ** 40, -(2 ** 40), 2 ** 62 - 1, -(2 ** 62)]:
        for s in [0, 1, 2, 21, 22, 40, 61, 62, 63, 64, 65, 100]:
            print("shift", a, s, shl(a, s, 1), shr(a, s, 1), shl(a, s, 2), shr(a, s, 2))
    for a, s in [(1, -1), (0, -5), (-1, -1)]:
        try:
            print(shl(a, s, 1))
        except ValueError as e:
            print("ValueError", e)
        try:
            print(shr(a, s, 1))
        except ValueError as e:
            print("ValueError", e)
    for a, b in [(1, 0), (-5, 0), (0, 0)]:
        try:
            print(floordiv(a, b, 1))
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)
        try:
            print(mod(a, b, 1))
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)


main()
