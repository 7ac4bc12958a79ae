# Methods of lists, dicts and sets typed by annotations: called without a bound method object,
# with CPython's results, errors and order of evaluation.


class Loud(list):
    def append(self, x):
        print("Loud.append", x)
        super().append(x * 10)


def note(x):
    print("arg", x)
    return x


def lists(xs: list[int], ys: list[int]) -> list[int]:
    xs.append(note(4))
    xs.extend([5, 6])
    xs.insert(0, 9)
    print(xs.pop(), xs.pop(0), xs.index(4), xs.count(5))
    xs.sort(key=lambda v: -v)
    xs.reverse()
    ys.append(7)
    zs = xs.copy()
    zs.remove(4)
    zs.clear()
    return xs + ys + zs


def dicts(d: dict[str, int]) -> dict[str, int]:
    d["a"] = d.get("a", 0) + 1
    d.setdefault("b", 2)
    d.update({"c": 3})
    print(sorted(d.items()), sorted(d.keys()), sorted(d.values()), d.pop("c"), d.pop("z", -1))
    e = d.copy()
    print(e.popitem(), len(e))
    return d


def sets(s: set[int], t: set[int]) -> set[int]:
    s.add(note(3))
    s.discard(99)
    s.update([8, 9])
    print(sorted(s.union(t)), sorted(s.intersection(t)), sorted(s.difference(t)),
          sorted(s.symmetric_difference(t)), s.issubset(t), s.issuperset({1}), s.isdisjoint(t))
    u = s.copy()
    u.intersection_update(t)
    u.difference_update({2})
    print(sorted(u))
    return s


print(lists([1, 2, 3], Loud([1])))
print(dicts({"a": 1}))
print(sets({1, 2}, {2, 3, 9}))
try:
    lists([1], [])
    dicts({})
except KeyError as e:
    print("KeyError", e)
q: set[int] = {1}
q.remove(note(5))
