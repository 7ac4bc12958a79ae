# A polynomial class with exact integer coefficients: operator overloading (+, -, *, **, divmod,
# ==, call), derivative, composition, repr/str, roots by rational root theorem, and Horner.


class Poly:
    def __init__(self, coeffs=(0,)):
        cs = list(coeffs)
        while len(cs) > 1 and cs[-1] == 0:
            cs.pop()
        self.c = tuple(cs) if cs else (0,)

    @classmethod
    def x(cls):
        return cls((0, 1))

    @staticmethod
    def lift(v):
        return v if isinstance(v, Poly) else Poly((v,))

    def degree(self):
        return -1 if self.c == (0,) else len(self.c) - 1

    def __add__(self, other):
        other = Poly.lift(other)
        n = max(len(self.c), len(other.c))
        a = self.c + (0,) * (n - len(self.c))
        b = other.c + (0,) * (n - len(other.c))
        return Poly(x + y for x, y in zip(a, b))

    __radd__ = __add__

    def __neg__(self):
        return Poly(-x for x in self.c)

    def __sub__(self, other):
        return self + -Poly.lift(other)

    def __rsub__(self, other):
        return Poly.lift(other) - self

    def __mul__(self, other):
        other = Poly.lift(other)
        out = [0] * (len(self.c) + len(other.c) - 1)
        for i, a in enumerate(self.c):
            for j, b in enumerate(other.c):
                out[i + j] += a * b
        return Poly(out)

    __rmul__ = __mul__

    def __pow__(self, n: int):
        result, base = Poly((1,)), self
        while n:
            if n & 1:
                result = result * base
            base = base * base
            n >>= 1
        return result

    def __divmod__(self, other):
        if other.degree() < 0:
            raise ZeroDivisionError("polynomial division by zero")
        rem = list(self.c)
        q = [0] * max(len(self.c) - len(other.c) + 1, 1)
        lead = other.c[-1]
        for i in range(len(self.c) - len(other.c), -1, -1):
            coef = rem[i + len(other.c) - 1]
            if coef % lead:
                raise ValueError("inexact division")
            coef //= lead
            q[i] = coef
            for j, b in enumerate(other.c):
                rem[i + j] -= coef * b
        return Poly(q), Poly(rem)

    def __floordiv__(self, other):
        return divmod(self, other)[0]

    def __mod__(self, other):
        return divmod(self, other)[1]

    def __eq__(self, other):
        return isinstance(other, Poly) and self.c == other.c

    def __hash__(self):
        return hash(self.c)

    def __call__(self, v):
        if isinstance(v, Poly):
            out = Poly((0,))
            for a in reversed(self.c):
                out = out * v + a
            return out
        acc = 0
        for a in reversed(self.c):
            acc = acc * v + a
        return acc

    def derivative(self):
        return Poly(i * a for i, a in enumerate(self.c) if i) if len(self.c) > 1 else Poly()

    def __repr__(self):
        return f"Poly({list(self.c)})"

    def __str__(self):
        terms = []
        for i in range(len(self.c) - 1, -1, -1):
            a = self.c[i]
            if a == 0 and self.degree() >= 0:
                continue
            sign = "-" if a < 0 else "+"
            mag = abs(a)
            body = ("" if mag == 1 and i else str(mag)) + ("x" if i else "") + (f"^{i}" if i > 1 else "")
            terms.append((sign, body))
        first_sign, first = terms[0]
        return ("-" if first_sign == "-" else "") + first + "".join(f" {s} {b}" for s, b in terms[1:])


def rational_roots(p):
    def divisors(n):
        n = abs(n)
        return [d for d in range(1, n + 1) if n % d == 0]

    roots = set()
    if p.c[0] == 0:
        roots.add(0)
    lead, const = p.c[-1], next(a for a in p.c if a)
    for num in divisors(const):
        for den in divisors(lead):
            for s in (num, -num):
                if p(s) * 1 == 0 if den == 1 else p(s / den) == 0:
                    roots.add(s if den == 1 else s / den)
    return sorted(roots)


X = Poly.x()
p = (X - 1) * (X + 2) * (X - 3)
q = X ** 2 + 1
print("p =", p, "| degree", p.degree(), "|", repr(p))
print("q =", q)
print("p + q =", p + q)
print("p - p =", p - p, (p - p).degree())
print("p * q =", p * q)
print("3 - 2x =", 3 - 2 * X, "| 5 + x =", 5 + X)
print("(x+1)^6 =", (X + 1) ** 6)
print("p(4) =", p(4), "p(q) =", p(q))
print("p' =", p.derivative(), "p'' =", p.derivative().derivative())
quot, rem = divmod(p * q + X, q)
print("divmod(p*q + x, q) =", quot, "rem", rem)
print("p // (x - 1) =", p // (X - 1), "| p % (x - 1) =", p % (X - 1))
print("roots of p:", rational_roots(p))
print("roots of 2x^2 - 3x + 1:", rational_roots(2 * X ** 2 - 3 * X + 1))
print("big:", ((X + 2) ** 40).c[20], (X - 1) ** 3 == X ** 3 - 3 * X ** 2 + 3 * X - 1)
print(len({p, Poly([-1, 1]) * (X + 2) * (X - 3), q}))
try:
    divmod(p, Poly())
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(divmod(X ** 2, 2 * X + 1))
