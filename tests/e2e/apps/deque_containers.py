# Container classes with the full dunder protocol: a ring-buffer deque (__len__, __getitem__ with
# negative indices and slices, __setitem__, __iter__, __reversed__, __contains__, __eq__,
# __bool__, __repr__, __add__, __iadd__), a sorted multiset, and a sparse vector.


class Ring:
    def __init__(self, items=(), capacity=4):
        self._buf = [None] * capacity
        self._head = 0
        self._n = 0
        for x in items:
            self.append(x)

    def _grow(self):
        old = list(self)
        self._buf = old + [None] * len(old)
        self._head = 0

    def append(self, x):
        if self._n == len(self._buf):
            self._grow()
        self._buf[(self._head + self._n) % len(self._buf)] = x
        self._n += 1

    def appendleft(self, x):
        if self._n == len(self._buf):
            self._grow()
        self._head = (self._head - 1) % len(self._buf)
        self._buf[self._head] = x
        self._n += 1

    def pop(self):
        if not self._n:
            raise IndexError("pop from an empty Ring")
        self._n -= 1
        i = (self._head + self._n) % len(self._buf)
        x, self._buf[i] = self._buf[i], None
        return x

    def popleft(self):
        if not self._n:
            raise IndexError("pop from an empty Ring")
        x, self._buf[self._head] = self._buf[self._head], None
        self._head = (self._head + 1) % len(self._buf)
        self._n -= 1
        return x

    def rotate(self, k=1):
        for _ in range(k % self._n if self._n else 0):
            self.appendleft(self.pop())

    def _index(self, i):
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError("Ring index out of range")
        return (self._head + i) % len(self._buf)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Ring([self[k] for k in range(*i.indices(self._n))])
        return self._buf[self._index(i)]

    def __setitem__(self, i, value):
        self._buf[self._index(i)] = value

    def __len__(self):
        return self._n

    def __iter__(self):
        for k in range(self._n):
            yield self._buf[(self._head + k) % len(self._buf)]

    def __reversed__(self):
        for k in range(self._n - 1, -1, -1):
            yield self[k]

    def __contains__(self, x):
        return any(y == x for y in self)

    def __eq__(self, other):
        return isinstance(other, Ring) and list(self) == list(other)

    def __add__(self, other):
        return Ring(list(self) + list(other))

    def __iadd__(self, other):
        for x in other:
            self.append(x)
        return self

    def __repr__(self):
        return f"Ring({list(self)!r})"


class SortedBag:
    def __init__(self, items=()):
        self._items = sorted(items)

    def add(self, x):
        lo, hi = 0, len(self._items)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._items[mid] <= x:
                lo = mid + 1
            else:
                hi = mid
        self._items.insert(lo, x)

    def count(self, x):
        return self._items.count(x)

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def __repr__(self):
        return "SortedBag(" + ", ".join(map(repr, self._items)) + ")"


class Sparse:
    def __init__(self, n, entries=None):
        self.n = n
        self.d = {i: v for i, v in (entries or {}).items() if v}

    def __getitem__(self, i):
        return self.d.get(i, 0)

    def __add__(self, o):
        return Sparse(self.n, {i: self[i] + o[i] for i in set(self.d) | set(o.d)})

    def __mul__(self, o):
        if isinstance(o, Sparse):
            return sum(v * o[i] for i, v in self.d.items())
        return Sparse(self.n, {i: v * o for i, v in self.d.items()})

    __rmul__ = __mul__

    def __neg__(self):
        return self * -1

    def __abs__(self):
        return sum(v * v for v in self.d.values()) ** 0.5

    def __bool__(self):
        return bool(self.d)

    def __repr__(self):
        return f"Sparse({self.n}, {dict(sorted(self.d.items()))})"


r = Ring(range(3))
r.appendleft(-1)
r.append(3)
r.append(4)
print(r, len(r), r[0], r[-1], r[1:4], r[::-2], list(reversed(r)))
r.rotate(2)
print("rotated:", r, 4 in r, 99 in r, bool(Ring()), r == Ring([3, 4, -1, 0, 1, 2]))
r[0] = "x"
r += "ab"
print(r, r + Ring([None]), r.pop(), r.popleft(), r)
while r:
    r.popleft()
try:
    r.pop()
except IndexError as e:
    print("IndexError:", e)
try:
    Ring([1])[5]
except IndexError as e:
    print("IndexError:", e)
x, y, *rest = Ring("hello")
print(x, y, rest, sorted(Ring([3, 1, 2])), sum(Ring([1.5, 2.5])), max(Ring("krait")), "".join(Ring("abc")))
bag = SortedBag([5, 1, 4])
for v in [3, 1, 9, 4, 0]:
    bag.add(v)
print(bag, len(bag), bag[0], bag[-1], bag[2:5], bag.count(4), list(enumerate(bag))[:3])
u = Sparse(1000, {3: 2, 10: -1, 999: 5})
v = Sparse(1000, {3: 4, 500: 7, 10: 1})
print(u + v, u * v, 2 * u, -v, f"{abs(u):.4f}", bool(Sparse(5)), (u + -u).d)
print(list(zip(Ring("abc"), SortedBag("cab"))), dict(zip(Ring([1, 2]), Ring(["one", "two"]))))
