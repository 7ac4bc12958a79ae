# Union-find with path compression and union by rank: network connectivity queries, Kruskal's
# minimum spanning tree, and counting islands on a grid.


class DSU:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.rank = [0] * n
        self.sets = n

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1
        self.sets -= 1
        return True


d = DSU(10)
links = [(0, 1), (2, 3), (1, 3), (4, 5), (6, 7), (7, 8), (8, 6), (0, 2)]
for a, b in links:
    print(f"link {a}-{b}: {'merged' if d.union(a, b) else 'already connected'}; {d.sets} sets")
groups: dict[int, list[int]] = {}
for i in range(10):
    groups.setdefault(d.find(i), []).append(i)
print("groups:", sorted(groups.values()))
for a, b in [(0, 3), (4, 6), (9, 9), (5, 4)]:
    print(f"{a}~{b}?", d.find(a) == d.find(b))

cities = ["Ash", "Birch", "Cedar", "Date", "Elm", "Fir"]
edges = [
    (7, "Ash", "Birch"), (5, "Ash", "Date"), (8, "Birch", "Cedar"), (9, "Birch", "Date"),
    (7, "Birch", "Elm"), (5, "Cedar", "Elm"), (15, "Date", "Elm"), (6, "Date", "Fir"),
    (8, "Elm", "Fir"), (11, "Fir", "Cedar"),
]
index = {c: i for i, c in enumerate(cities)}
mst = DSU(len(cities))
total = 0
chosen = []
for w, a, b in sorted(edges):
    if mst.union(index[a], index[b]):
        chosen.append(f"{a}-{b}({w})")
        total += w
print("MST:", ", ".join(chosen), "total", total)

GRID = [
    "11000110",
    "11000100",
    "00100001",
    "00011011",
    "10000000",
    "10111101",
]
rows, cols = len(GRID), len(GRID[0])
g = DSU(rows * cols)
land = 0
for r in range(rows):
    for c in range(cols):
        if GRID[r][c] == "1":
            land += 1
            for dr, dc in ((0, 1), (1, 0)):
                rr, cc = r + dr, c + dc
                if rr < rows and cc < cols and GRID[rr][cc] == "1":
                    g.union(r * cols + c, rr * cols + cc)
roots = {g.find(r * cols + c) for r in range(rows) for c in range(cols) if GRID[r][c] == "1"}
sizes = sorted((sum(1 for r in range(rows) for c in range(cols)
                    if GRID[r][c] == "1" and g.find(r * cols + c) == root) for root in roots),
               reverse=True)
print(f"land={land} islands={len(roots)} sizes={sizes}")
label = {root: chr(ord("A") + i) for i, root in enumerate(sorted(roots))}
for r in range(rows):
    print("".join(label[g.find(r * cols + c)] if GRID[r][c] == "1" else "." for c in range(cols)))
