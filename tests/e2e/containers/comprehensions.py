xs = [1, 2, 3, 4, 5, 6]
print([x * x for x in xs])
print([x for x in xs if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print({x: x * x for x in xs if x > 3})
print(sorted({c for c in "mississippi"}))
print([[i * j for j in range(3)] for i in range(3)])
x = "outer"
print([x for x in range(3)], x)
print([a + b for a, b in [(1, 2), (3, 4)]])
print({k: v for k, v in zip("abc", range(3))})
