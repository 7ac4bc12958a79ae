import os
import sys
from collections import defaultdict


class Graph:
    """A simple graph."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.adj: dict[int, list[int]] = defaultdict(list)

    def add_edge(self, u: int, v: int, *, directed: bool = False) -> None:
        self.adj[u].append(v)
        if not directed:
            self.adj[v].append(u)

    def bfs(self, start):
        seen = {start}
        queue = [start]
        while queue:
            node, *queue = queue
            yield node
            for nxt in self.adj[node]:
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)


def main(argv=sys.argv[1:]):
    g = Graph(len(argv) or 5)
    for i in range(g.n - 1):
        g.add_edge(i, i + 1)
    print(f"{list(g.bfs(0))!r:>30} nodes={g.n:d}")
    try:
        value = int(os.environ.get("X", "0"), base=10)
    except (ValueError, TypeError) as exc:
        print("bad", exc, file=sys.stderr)
        return 1
    else:
        return value % 2 == 0 and 0 or 1
    finally:
        pass


if __name__ == "__main__":
    raise SystemExit(main())
