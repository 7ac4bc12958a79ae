# A sudoku solver: constraint propagation of candidate sets plus backtracking on the cell with
# the fewest candidates; prints the puzzle, the solution and search statistics.

PUZZLE = """
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
"""
HARD = """
8........
..36.....
.7..9.2..
.5...7...
....457..
...1...3.
..1....68
..85...1.
.9....4..
"""


def parse(text: str) -> list[list[int]]:
    rows = [ln for ln in text.strip().splitlines()]
    return [[0 if ch == "." else int(ch) for ch in row] for row in rows]


def show(grid):
    lines = []
    for r, row in enumerate(grid):
        if r and r % 3 == 0:
            lines.append("------+-------+------")
        parts = []
        for c in range(0, 9, 3):
            parts.append(" ".join(str(v) if v else "." for v in row[c:c + 3]))
        lines.append(" | ".join(parts))
    return "\n".join(lines)


def candidates(grid, r, c):
    used = set(grid[r])
    used.update(grid[i][c] for i in range(9))
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used.update(grid[i][j] for i in range(br, br + 3) for j in range(bc, bc + 3))
    return set(range(1, 10)) - used


class Stats:
    def __init__(self):
        self.guesses = 0
        self.backtracks = 0
        self.forced = 0


def solve(grid, stats) -> bool:
    while True:
        best = None
        progress = False
        for r in range(9):
            for c in range(9):
                if grid[r][c] == 0:
                    cands = candidates(grid, r, c)
                    if not cands:
                        return False
                    if len(cands) == 1:
                        grid[r][c] = cands.pop()
                        stats.forced += 1
                        progress = True
                    elif best is None or len(cands) < len(best[2]):
                        best = (r, c, cands)
        if not progress:
            break
    if best is None:
        return all(all(row) for row in grid)
    r, c, cands = best
    for v in sorted(cands):
        copy = [row[:] for row in grid]
        copy[r][c] = v
        stats.guesses += 1
        if solve(copy, stats):
            for i in range(9):
                grid[i] = copy[i]
            return True
        stats.backtracks += 1
    return False


def valid(grid):
    full = set(range(1, 10))
    rows = all(set(row) == full for row in grid)
    cols = all({grid[r][c] for r in range(9)} == full for c in range(9))
    boxes = all({grid[r][c] for r in range(br, br + 3) for c in range(bc, bc + 3)} == full
                for br in (0, 3, 6) for bc in (0, 3, 6))
    return rows and cols and boxes


for name, text in [("easy", PUZZLE), ("hard", HARD)]:
    grid = parse(text)
    print(f"{name}: {sum(v == 0 for row in grid for v in row)} blanks")
    print(show(grid))
    print("candidates at (0,2):", sorted(candidates(grid, 0, 2)))
    st = Stats()
    ok = solve(grid, st)
    print(f"solved={ok} valid={valid(grid)} forced={st.forced} guesses={st.guesses} "
          f"backtracks={st.backtracks}")
    print(show(grid))
    print()
bad = parse(PUZZLE)
bad[0][2] = 5
print("contradiction solvable:", solve(bad, Stats()))
