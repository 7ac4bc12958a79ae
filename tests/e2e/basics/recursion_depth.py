# The depth at which RecursionError is raised is the one CPython reaches: the recursion limit
# (sys.setrecursionlimit) counts the frames of compiled functions.
import sys

depth: int = 0


def down(n: int) -> int:
    global depth
    depth = n
    return down(n + 1) + 1


def main() -> None:
    try:
        down(0)
    except RecursionError as e:
        print("RecursionError", e, depth)
    sys.setrecursionlimit(200)
    try:
        down(0)
    except RecursionError as e:
        print("RecursionError", e, depth)


main()
try:
    down(0)
except RecursionError as e:
    print("RecursionError", e, depth)


def leaf(x: int) -> int:
    return x + 1


def through_leaf(n: int) -> int:
    global depth
    depth = n
    return through_leaf(leaf(n))


for limit in [1000, 57]:
    sys.setrecursionlimit(limit)
    try:
        through_leaf(0)
    except RecursionError as e:
        print("RecursionError", e, depth)
    print(leaf(depth))
