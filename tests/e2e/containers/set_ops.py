s = {3, 1, 2}
s.add(10)
s.add(2)
print(s, len(s), 10 in s, 4 not in s)
t = {2, 3, 4}
print(s | t, s & t, s - t, s ^ t)
s.discard(10)
s.remove(1)
print(s, sorted(s), set(), set([5, 5, 6]))
print({x % 3 for x in range(10)}, {5, 7, 100, 33, 12})
print(frozenset([1, 2]) == {1, 2}, {1, 2} <= {1, 2, 3})
