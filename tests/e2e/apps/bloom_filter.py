# A Bloom filter over a big-int bit array with double hashing from two hand-written string hashes
# (FNV-1a and djb2), measured false-positive rate against the formula, and a counting variant
# that supports removal.
import math


def fnv1a(s: str) -> int:
    h = 0xCBF29CE484222325
    for b in s.encode():
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def djb2(s: str) -> int:
    h = 5381
    for ch in s:
        h = ((h << 5) + h + ord(ch)) & 0xFFFFFFFF
    return h


class Bloom:
    def __init__(self, m: int, k: int):
        self.m, self.k = m, k
        self.bits = 0
        self.n = 0

    @classmethod
    def for_capacity(cls, n: int, p: float) -> "Bloom":
        m = math.ceil(-n * math.log(p) / math.log(2) ** 2)
        k = max(1, round(m / n * math.log(2)))
        return cls(m, k)

    def positions(self, item: str):
        h1, h2 = fnv1a(item), djb2(item) | 1
        return [(h1 + i * h2) % self.m for i in range(self.k)]

    def add(self, item):
        for p in self.positions(item):
            self.bits |= 1 << p
        self.n += 1

    def __contains__(self, item):
        return all(self.bits >> p & 1 for p in self.positions(item))

    def fill(self):
        return bin(self.bits).count("1") / self.m

    def expected_fp(self):
        return (1 - math.exp(-self.k * self.n / self.m)) ** self.k


class CountingBloom(Bloom):
    def __init__(self, m, k):
        super().__init__(m, k)
        self.counts = [0] * m

    def add(self, item):
        super().add(item)
        for p in self.positions(item):
            self.counts[p] += 1

    def remove(self, item):
        if item not in self:
            raise KeyError(item)
        for p in self.positions(item):
            self.counts[p] -= 1
            if self.counts[p] == 0:
                self.bits &= ~(1 << p)
        self.n -= 1


print("hashes:", hex(fnv1a("")), hex(fnv1a("a")), djb2("hello"), djb2(""))
for n, p in [(100, 0.01), (1000, 0.05), (5000, 0.001)]:
    b = Bloom.for_capacity(n, p)
    print(f"n={n:<5} p={p:<6} -> m={b.m:>6} bits, k={b.k}")
bloom = Bloom.for_capacity(500, 0.02)
members = [f"user{i:04d}@example.org" for i in range(0, 1000, 2)]
for s in members:
    bloom.add(s)
missing = all(s in bloom for s in members)
probes = [f"user{i:04d}@example.org" for i in range(1, 1000, 2)] + [f"other{i}" for i in range(1500)]
fp = sum(1 for s in probes if s in bloom)
print(f"no false negatives: {missing}; false positives {fp}/{len(probes)} = {fp / len(probes):.4f} "
      f"(expected {bloom.expected_fp():.4f}); fill {bloom.fill():.3f}")
print("bit length:", bloom.bits.bit_length(), "popcount:", bin(bloom.bits).count("1"))
cb = CountingBloom(64, 3)
words = "alpha beta gamma delta epsilon".split()
for w in words:
    cb.add(w)
print("positions of alpha:", cb.positions("alpha"), "counts sum:", sum(cb.counts))
print("before:", [w in cb for w in words + ["zeta"]])
cb.remove("beta")
cb.remove("delta")
print("after :", [w in cb for w in words + ["zeta"]], "n =", cb.n)
print(f"bits: {cb.bits:#018x}")
cb.remove("omega")
