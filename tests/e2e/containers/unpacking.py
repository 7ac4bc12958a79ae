first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *mid, z = range(5)
print(a, mid, z)
(p, q), r = (1, 2), 3
print(p, q, r)
m, n = {"k": 1, "j": 2}
print(m, n)
print([*rest, *init], (*rest, 0), {*rest})
try_values = [1, 2, 3]
a, b = try_values
