# A rational-number class: normalisation with gcd, full operator set with ints and mixing in
# floats, comparisons and hashing consistent with int, continued fractions, Egyptian fractions,
# and approximations of pi and sqrt(2).
import math


class Frac:
    __slots__ = ("n", "d")

    def __init__(self, n: int, d: int = 1):
        if d == 0:
            raise ZeroDivisionError(f"Frac({n}, 0)")
        if d < 0:
            n, d = -n, -d
        g = math.gcd(n, d)
        self.n = n // g
        self.d = d // g

    @staticmethod
    def of(v):
        if isinstance(v, Frac):
            return v
        if isinstance(v, int):
            return Frac(v)
        return NotImplemented

    def __add__(self, o):
        o = Frac.of(o)
        if o is NotImplemented:
            return o
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)

    __radd__ = __add__

    def __sub__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.d - o.n * self.d, self.d * o.d)

    def __rsub__(self, o):
        return Frac.of(o) - self

    def __mul__(self, o):
        o = Frac.of(o)
        if o is NotImplemented:
            return o
        return Frac(self.n * o.n, self.d * o.d)

    __rmul__ = __mul__

    def __truediv__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.d, self.d * o.n)

    def __rtruediv__(self, o):
        return Frac.of(o) / self

    def __neg__(self):
        return Frac(-self.n, self.d)

    def __abs__(self):
        return Frac(abs(self.n), self.d)

    def __pow__(self, k: int):
        return Frac(self.n ** k, self.d ** k) if k >= 0 else Frac(self.d ** -k, self.n ** -k)

    def __eq__(self, o):
        if isinstance(o, int):
            return self.d == 1 and self.n == o
        return isinstance(o, Frac) and (self.n, self.d) == (o.n, o.d)

    def __lt__(self, o):
        o = Frac.of(o)
        return self.n * o.d < o.n * self.d

    def __le__(self, o):
        return self == o or self < o

    def __hash__(self):
        return hash(self.n) if self.d == 1 else hash((self.n, self.d))

    def __float__(self):
        return self.n / self.d

    def __int__(self):
        return self.n // self.d if self.n >= 0 else -(-self.n // self.d)

    def __bool__(self):
        return self.n != 0

    def __repr__(self):
        return f"Frac({self.n}, {self.d})"

    def __str__(self):
        return str(self.n) if self.d == 1 else f"{self.n}/{self.d}"

    def __format__(self, spec):
        return format(str(self), spec)


def continued(fr: Frac) -> list[int]:
    out = []
    n, d = fr.n, fr.d
    while d:
        q, r = divmod(n, d)
        out.append(q)
        n, d = d, r
    return out


def from_continued(terms):
    value = Frac(terms[-1])
    for t in reversed(terms[:-1]):
        value = t + 1 / value
    return value


def egyptian(fr: Frac) -> list[Frac]:
    out = []
    while fr.n:
        k = -(-fr.d // fr.n)
        out.append(Frac(1, k))
        fr = fr - Frac(1, k)
    return out


a, b = Frac(3, 4), Frac(-5, 6)
print(a, b, repr(a + b), a - b, a * b, a / b, -b, abs(b), a ** 3, b ** -2)
print(a + 1, 2 - a, 3 * b, 1 / a, a == Frac(6, 8), a == 0.75, Frac(4, 2) == 2, a < b, b <= a)
print(float(Frac(1, 3)), int(Frac(-7, 2)), int(Frac(7, 2)), bool(Frac(0, 5)), hash(Frac(6, 3)) == hash(2))
print(sorted([Frac(1, 2), Frac(1, 3), Frac(-2, 3), Frac(5, 4), Frac(0)]))
print(sum([Frac(1, k) for k in range(1, 11)], Frac(0)))
print(len({Frac(1, 2), Frac(2, 4), Frac(3, 6), Frac(1, 3)}), {Frac(2, 1): "two"}.get(2))
print(f"[{Frac(22, 7):>8}] [{Frac(-1, 3):<6}]")
for fr in [Frac(415, 93), Frac(649, 200), Frac(-17, 5)]:
    cf = continued(fr)
    print(f"{fr} = {cf} -> {from_continued(cf)}")
print("egyptian 4/13:", " + ".join(map(str, egyptian(Frac(4, 13)))))
print("egyptian 5/121:", " + ".join(map(str, egyptian(Frac(5, 121)))))
pi_terms = [3, 7, 15, 1, 292, 1, 1, 1, 2]
for k in range(1, len(pi_terms) + 1):
    c = from_continued(pi_terms[:k])
    print(f"  pi ~ {c!s:<18} {float(c):.12f} err {abs(float(c) - math.pi):.2e}")
r = Frac(1)
for _ in range(8):
    r = 1 + 1 / (1 + r)
print("sqrt(2) ~", r, f"{float(r):.15f}", r * r - 2)
try:
    Frac(1, 2) / Frac(0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(Frac(1, 2) + 0.5)
