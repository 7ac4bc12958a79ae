data = {"fruits": ["apple", "banana"], "counts": {"a": 1}, "pair": (1, [2, 3])}
data["fruits"].append("cherry")
data["counts"]["b"] = 2
data["pair"][1].append(4)
print(data)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] = 5
grid[0][0] += 1
print(grid)
d = {}
d[(1, 2)] = "tuple key"
d[3] = [1]
d[3] += [2]
print(d, d[(1, 2)])
counts = {"x": 0}
counts["x"] += 5
counts["x"] *= 2
print(counts)
