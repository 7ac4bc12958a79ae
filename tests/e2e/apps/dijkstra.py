# Shortest paths on a road map with a hand-written binary heap: Dijkstra with path
# reconstruction, BFS hop counts, and a topological sort of a task graph (Kahn's algorithm).


class MinHeap:
    def __init__(self):
        self.items: list[tuple[int, str]] = []

    def __len__(self):
        return len(self.items)

    def push(self, item: tuple[int, str]) -> None:
        a = self.items
        a.append(item)
        i = len(a) - 1
        while i > 0:
            parent = (i - 1) // 2
            if a[i] < a[parent]:
                a[i], a[parent] = a[parent], a[i]
                i = parent
            else:
                break

    def pop(self) -> tuple[int, str]:
        a = self.items
        top = a[0]
        last = a.pop()
        if a:
            a[0] = last
            i = 0
            n = len(a)
            while True:
                l, r, small = 2 * i + 1, 2 * i + 2, i
                if l < n and a[l] < a[small]:
                    small = l
                if r < n and a[r] < a[small]:
                    small = r
                if small == i:
                    break
                a[i], a[small] = a[small], a[i]
                i = small
        return top


ROADS = """
Avon Bree 7
Avon Cray 9
Avon Fenn 14
Bree Cray 10
Bree Dale 15
Cray Dale 11
Cray Fenn 2
Dale Eske 6
Eske Fenn 9
Gorm Holt 3
"""

graph: dict[str, dict[str, int]] = {}
for line in ROADS.strip().splitlines():
    a, b, w = line.split()
    graph.setdefault(a, {})[b] = int(w)
    graph.setdefault(b, {})[a] = int(w)


def dijkstra(src: str) -> tuple[dict[str, int], dict[str, str]]:
    dist = {src: 0}
    prev: dict[str, str] = {}
    heap = MinHeap()
    heap.push((0, src))
    done = set()
    while len(heap):
        d, u = heap.pop()
        if u in done:
            continue
        done.add(u)
        for v, w in sorted(graph[u].items()):
            nd = d + w
            if v not in dist or nd < dist[v]:
                dist[v] = nd
                prev[v] = u
                heap.push((nd, v))
    return dist, prev


def path(prev, dst):
    out = [dst]
    while out[-1] in prev:
        out.append(prev[out[-1]])
    return out[::-1]


dist, prev = dijkstra("Avon")
for town in sorted(graph):
    if town in dist:
        print(f"Avon -> {town:<5} {dist[town]:>3}  via {' > '.join(path(prev, town))}")
    else:
        print(f"Avon -> {town:<5} unreachable")


def bfs(src):
    hops = {src: 0}
    queue = [src]
    head = 0
    while head < len(queue):
        u = queue[head]
        head += 1
        for v in sorted(graph[u]):
            if v not in hops:
                hops[v] = hops[u] + 1
                queue.append(v)
    return hops


print("hops from Eske:", bfs("Eske"))
components = []
seen = set()
for town in sorted(graph):
    if town not in seen:
        comp = sorted(bfs(town))
        seen.update(comp)
        components.append(comp)
print("components:", components)

heap = MinHeap()
for x in [5, 3, 9, 1, 7, 3, 8, 2]:
    heap.push((x, str(x)))
print("heap sort:", [heap.pop()[0] for _ in range(len(heap))])

TASKS = {
    "deploy": ["test", "package"],
    "test": ["build"],
    "package": ["build", "docs"],
    "build": ["fetch"],
    "docs": ["fetch"],
    "fetch": [],
    "announce": ["deploy"],
}


def toposort(deps):
    indeg = {t: len(d) for t, d in deps.items()}
    users: dict[str, list[str]] = {t: [] for t in deps}
    for t, ds in deps.items():
        for d in ds:
            users[d].append(t)
    ready = sorted(t for t, k in indeg.items() if k == 0)
    order = []
    while ready:
        t = ready.pop(0)
        order.append(t)
        for u in users[t]:
            indeg[u] -= 1
            if indeg[u] == 0:
                ready.append(u)
                ready.sort()
    if len(order) != len(deps):
        raise ValueError("cycle among " + ", ".join(sorted(set(deps) - set(order))))
    return order


print("build order:", toposort(TASKS))
TASKS["fetch"] = ["announce"]
try:
    toposort(TASKS)
except ValueError as e:
    print("error:", e)
