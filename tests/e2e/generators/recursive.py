# Recursive generators: tree walks and permutations.
def walk(tree, depth):
    name, children = tree
    yield "  " * depth + name
    for c in children:
        for line in walk(c, depth + 1):
            yield line


tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [("b11", [])])])])
for line in walk(tree, 0):
    print(line)


def perms(xs):
    if len(xs) <= 1:
        yield xs
        return
    for i in range(len(xs)):
        for p in perms(xs[:i] + xs[i + 1:]):
            yield [xs[i]] + p


print(list(perms([1, 2, 3])))
print(sum(1 for _ in perms([1, 2, 3, 4, 5])))


def hanoi(n, a, b, c):
    if n > 0:
        yield from hanoi(n - 1, a, c, b)
        yield (a, c)
        yield from hanoi(n - 1, b, a, c)


print(len(list(hanoi(10, "A", "B", "C"))), list(hanoi(2, "A", "B", "C")))
