# Conway's game of life on a small torus, with a glider and a blinker; prints generations and
# detects when a state repeats.

W, H = 12, 8


def parse(rows: list[str]) -> set[tuple[int, int]]:
    cells = set()
    for y, row in enumerate(rows):
        for x, ch in enumerate(row):
            if ch == "#":
                cells.add((x, y))
    return cells


def neighbours(x: int, y: int):
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if dx or dy:
                yield (x + dx) % W, (y + dy) % H


def step(live: set[tuple[int, int]]) -> set[tuple[int, int]]:
    counts: dict[tuple[int, int], int] = {}
    for (x, y) in live:
        for n in neighbours(x, y):
            counts[n] = counts.get(n, 0) + 1
    return {c for c, k in counts.items() if k == 3 or (k == 2 and c in live)}


def render(live):
    return "\n".join("".join("#" if (x, y) in live else "." for x in range(W)) for y in range(H))


start = parse([
    ".#..........",
    "..#.........",
    "###.........",
    "............",
    "........###.",
    "............",
    "............",
    "............",
])
seen = {}
live = start
for gen in range(30):
    key = frozenset(live)
    if key in seen:
        print(f"generation {gen} repeats generation {seen[key]}")
        break
    seen[key] = gen
    if gen % 4 == 0 or gen < 3:
        print(f"generation {gen}: {len(live)} alive")
        print(render(live))
    live = step(live)
xs = [x for x, _ in live]
ys = [y for _, y in live]
print("bounding box:", (min(xs), min(ys)), (max(xs), max(ys)))
print("population history:", [len(k) for k in seen][:12])
