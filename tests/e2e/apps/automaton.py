# Elementary cellular automata: rules 30, 90 and 110 on a fixed-width ring printed as text,
# Rule 30's centre column as a bit source, and classification of all 256 rules by whether they
# reach a fixed point or a cycle from a single seed.


def rule_table(rule: int) -> dict[tuple[int, int, int], int]:
    return {(a, b, c): (rule >> (a * 4 + b * 2 + c)) & 1 for a in (0, 1) for b in (0, 1) for c in (0, 1)}


def step(cells: list[int], table) -> list[int]:
    n = len(cells)
    return [table[(cells[i - 1], cells[i], cells[(i + 1) % n])] for i in range(n)]


def run(rule, width, gens, show=True):
    table = rule_table(rule)
    cells = [0] * width
    cells[width // 2] = 1
    history = []
    for _ in range(gens):
        if show:
            print("".join("#" if c else " " for c in cells).rstrip())
        history.append(cells)
        cells = step(cells, table)
    return history


for rule in (30, 90, 110):
    print(f"rule {rule} = {rule:08b}")
    hist = run(rule, 41, 16)
    print("population:", [sum(row) for row in hist])
bits = [row[32] for row in run(30, 65, 64, show=False)]
value = int("".join(map(str, bits)), 2)
print("rule 30 centre bits:", "".join(map(str, bits[:32])), hex(value))
fixed, cyclic = [], {}
for rule in range(256):
    table = rule_table(rule)
    cells = [0] * 16
    cells[8] = 1
    seen = {}
    for t in range(200):
        key = tuple(cells)
        if key in seen:
            period = t - seen[key]
            if period == 1:
                fixed.append(rule)
            else:
                cyclic[period] = cyclic.get(period, 0) + 1
            break
        seen[key] = t
        cells = step(cells, table)
print("rules reaching a fixed point:", len(fixed), fixed[:16])
print("cycle periods:", sorted(cyclic.items()))
print("symmetric rules:", sum(1 for r in range(256) if all(rule_table(r)[(a, b, c)] == rule_table(r)[(c, b, a)]
                                                       for a in (0, 1) for b in (0, 1) for c in (0, 1))))
traffic = [1 if (i * 7) % 10 < 4 else 0 for i in range(30)]
table = rule_table(184)
print("rule 184 (traffic), cars:", sum(traffic))
for t in range(6):
    print("  " + "".join(">" if c else "." for c in traffic))
    traffic = step(traffic, table)
print("cars conserved:", sum(traffic))
