# A hand-written namedtuple: a tuple subclass with __new__, a _make classmethod calling
# tuple.__new__(cls, ...), _replace/_asdict, properties and empty __slots__.
class P(tuple):
    __slots__ = ()
    _fields = ("x", "y")
    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))
    @classmethod
    def _make(cls, iterable):
        return tuple.__new__(cls, iterable)
    def _replace(self, **kw):
        return self._make(kw.get(f, v) for f, v in zip(self._fields, self))
    def _asdict(self):
        return dict(zip(self._fields, self))
    def __repr__(self):
        return "P(" + ", ".join(f"{f}={v!r}" for f, v in zip(self._fields, self)) + ")"
    x = property(lambda self: self[0])
    y = property(lambda self: self[1])
p = P(1, 2)
q = p._replace(y=5)
print(p, q, q.y, p._asdict(), P._make([7, 8]), type(P._make([7, 8])).__name__, p < q, max(p, q))
print(sorted([P(2, 1), P(1, 9)]), {P(1, 2): "a"}[(1, 2)], p.count(1), p.index(2), p[::-1], len({p, (1, 2)}))
print(P.__new__(P, 3, 4), tuple.__new__(P, [5, 6]).x)
