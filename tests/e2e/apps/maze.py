# Maze generation with a seeded LCG (iterative depth-first backtracker) and solving with BFS and
# with a wall-follower; prints the maze, the path, and dead-end statistics.


class Rng:
    def __init__(self, seed):
        self.s = seed & 0xFFFFFFFF

    def below(self, n: int) -> int:
        self.s = (1103515245 * self.s + 12345) & 0x7FFFFFFF
        return self.s % n


def generate(w: int, h: int, seed: int) -> list[list[str]]:
    grid = [["#"] * (2 * w + 1) for _ in range(2 * h + 1)]
    rng = Rng(seed)
    stack = [(0, 0)]
    seen = {(0, 0)}
    grid[1][1] = " "
    while stack:
        x, y = stack[-1]
        options = [(dx, dy) for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1))
                   if 0 <= x + dx < w and 0 <= y + dy < h and (x + dx, y + dy) not in seen]
        if not options:
            stack.pop()
            continue
        dx, dy = options[rng.below(len(options))]
        nx, ny = x + dx, y + dy
        grid[2 * y + 1 + dy][2 * x + 1 + dx] = " "
        grid[2 * ny + 1][2 * nx + 1] = " "
        seen.add((nx, ny))
        stack.append((nx, ny))
    grid[1][0] = "S"
    grid[2 * h - 1][2 * w] = "E"
    return grid


def bfs(grid, start, goal):
    prev = {start: None}
    queue = [start]
    for cell in queue:
        if cell == goal:
            break
        r, c = cell
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < len(grid) and 0 <= nc < len(grid[0]) and grid[nr][nc] != "#" \
                    and (nr, nc) not in prev:
                prev[(nr, nc)] = cell
                queue.append((nr, nc))
    path = []
    cell = goal
    while cell is not None:
        path.append(cell)
        cell = prev[cell]
    return path[::-1], len(prev)


def wall_follower(grid, start, goal, limit=10000):
    dirs = [(0, 1), (1, 0), (0, -1), (-1, 0)]
    r, c = start
    d = 0
    steps = 0
    while (r, c) != goal and steps < limit:
        for turn in (1, 0, -1, 2):
            nd = (d + turn) % 4
            nr, nc = r + dirs[nd][0], c + dirs[nd][1]
            if 0 <= nr < len(grid) and 0 <= nc < len(grid[0]) and grid[nr][nc] != "#":
                d, r, c = nd, nr, nc
                break
        steps += 1
    return steps


for w, h, seed in [(8, 5, 1), (12, 6, 2024)]:
    grid = generate(w, h, seed)
    start, goal = (1, 0), (2 * h - 1, 2 * w)
    path, explored = bfs(grid, start, goal)
    solved = [row[:] for row in grid]
    for r, c in path[1:-1]:
        solved[r][c] = "."
    print(f"maze {w}x{h} seed {seed}: path {len(path)} cells, explored {explored}, "
          f"wall follower {wall_follower(grid, start, goal)} steps")
    for row in solved:
        print("".join(row))
    dead_ends = 0
    for y in range(h):
        for x in range(w):
            r, c = 2 * y + 1, 2 * x + 1
            walls = sum(grid[r + dr][c + dc] == "#" for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)))
            dead_ends += walls == 3
    print("dead ends:", dead_ends, "open cells:", sum(row.count(" ") for row in grid))
    turns = sum(1 for a, b, c in zip(path, path[1:], path[2:]) if (b[0] - a[0], b[1] - a[1]) != (c[0] - b[0], c[1] - b[1]))
    print("turns along the path:", turns)
