# Big-integer arithmetic: factorials and their digit sums, Fibonacci by fast doubling modulo a
# prime, Miller-Rabin primality, and a toy RSA round trip with pow(a, b, m) and modular inverse.


def factorial(n: int) -> int:
    out = 1
    for k in range(2, n + 1):
        out *= k
    return out


def fib_pair(n: int, m: int) -> tuple[int, int]:
    if n == 0:
        return 0, 1
    a, b = fib_pair(n // 2, m)
    c = a * ((2 * b - a) % m) % m
    d = (a * a + b * b) % m
    if n % 2:
        return d, (c + d) % m
    return c, d


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def is_probable_prime(n: int) -> bool:
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y


def next_prime(n):
    n |= 1
    while not is_probable_prime(n):
        n += 2
    return n


f50 = factorial(50)
print("50! =", f50)
print("digits:", len(str(f50)), "digit sum:", sum(int(c) for c in str(f50)))
print("trailing zeros:", len(str(f50)) - len(str(f50).rstrip("0")))
print("100!/98! =", factorial(100) // factorial(98))
print("2**200 =", 2 ** 200)
print("hex:", hex(2 ** 100 - 1), "bits:", (3 ** 100).bit_length())
print("fib(300) =", fib(300))
MOD = 1_000_000_007
print("fib(300) mod p:", fib_pair(300, MOD)[0], fib(300) % MOD)
print("fib(10**18) mod p:", fib_pair(10 ** 18, MOD)[0])
print("primes near 2**64:", [n for n in range(2 ** 64 - 100, 2 ** 64) if is_probable_prime(n)])
print("mersenne exponents:", [p for p in range(2, 130) if is_probable_prime(2 ** p - 1)])

p = next_prime(10 ** 30 + 12345)
q = next_prime(10 ** 31 + 67890)
n = p * q
phi = (p - 1) * (q - 1)
e = 65537
g, x, _ = egcd(e, phi)
d = x % phi
print("p =", p)
print("q =", q)
print("gcd(e, phi) =", g, "d*e mod phi =", d * e % phi, "pow(e,-1,phi)==d:", pow(e, -1, phi) == d)
message = "Hi, krait!"
m = int.from_bytes(message.encode(), "big")
c = pow(m, e, n)
back = pow(c, d, n)
print("m =", m)
print("c =", c)
print("decrypted:", back.to_bytes((back.bit_length() + 7) // 8, "big").decode())
sig = pow(12345678901234567890, d, n)
print("signature verifies:", pow(sig, e, n) == 12345678901234567890)
print("divmod:", divmod(-(10 ** 40) - 7, 10 ** 20 + 3))
print("negative floor/mod:", -(7 ** 50) // 13, -(7 ** 50) % 13, (7 ** 50) >> 100, -(7 ** 50) >> 120)
print("mixed:", 10 ** 30 / 7, float(2 ** 1023) * 1.5, int(1e20), 10 ** 25 == 1e25)
print(f"{3 ** 60:,}", f"{2 ** 70:_x}", f"{-(5 ** 30):>40}")
print(pow(2, 10 ** 5, 10 ** 9 + 9), abs(-(10 ** 50)), max(10 ** 20, 2 ** 66), min(-(3 ** 40), -(2 ** 63)))
try:
    pow(6, -1, 9)
except ValueError as err:
    print("ValueError:", err)
print(int("1" * 50) * int("9" * 40) % 999983)
