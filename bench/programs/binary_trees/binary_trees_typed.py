# binary_trees: the Computer Language Benchmarks Game binary-trees, fully annotated. Allocates
# and walks many perfect binary trees of Node objects (a stretch tree, one long-lived tree and
# many short-lived ones), printing the node counts.


class Node:
    def __init__(self, left: "Node | None", right: "Node | None") -> None:
        self.left: Node | None = left
        self.right: Node | None = right


def make_tree(depth: int) -> Node:
    if depth == 0:
        return Node(None, None)
    return Node(make_tree(depth - 1), make_tree(depth - 1))


def check_tree(node: Node) -> int:
    left: Node | None = node.left
    right: Node | None = node.right
    if left is None or right is None:
        return 1
    return 1 + check_tree(left) + check_tree(right)


def main() -> None:
    n: int = 15
    min_depth: int = 4
    max_depth: int = n
    if max_depth < min_depth + 2:
        max_depth = min_depth + 2
    stretch_depth: int = max_depth + 1
    print(f"stretch tree of depth {stretch_depth}\t check: {check_tree(make_tree(stretch_depth))}")
    long_lived: Node = make_tree(max_depth)
    for depth in range(min_depth, stretch_depth, 2):
        iterations: int = 1 << (max_depth - depth + min_depth)
        check: int = 0
        for _ in range(iterations):
            check += check_tree(make_tree(depth))
        print(f"{iterations}\t trees of depth {depth}\t check: {check}")
    print(f"long lived tree of depth {max_depth}\t check: {check_tree(long_lived)}")


main()
