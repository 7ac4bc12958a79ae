# A binary search tree with insert, delete (three cases), search, min/max, in-order iteration by
# generator, level-order printing, height, rank queries, and validation; a dict-like interface.
# krait-test: cycles


class Node:
    __slots__ = ("key", "value", "left", "right", "size")

    def __init__(self, key, value):
        self.key = key
        self.value = value
        self.left = None
        self.right = None
        self.size = 1


def size(n):
    return n.size if n else 0


class BST:
    def __init__(self):
        self.root = None

    def __len__(self):
        return size(self.root)

    def __setitem__(self, key, value):
        def ins(n):
            if n is None:
                return Node(key, value)
            if key < n.key:
                n.left = ins(n.left)
            elif key > n.key:
                n.right = ins(n.right)
            else:
                n.value = value
            n.size = 1 + size(n.left) + size(n.right)
            return n
        self.root = ins(self.root)

    def __getitem__(self, key):
        n = self.root
        while n:
            if key == n.key:
                return n.value
            n = n.left if key < n.key else n.right
        raise KeyError(key)

    def __contains__(self, key):
        try:
            self[key]
            return True
        except KeyError:
            return False

    def __delitem__(self, key):
        def delete(n, key):
            if n is None:
                raise KeyError(key)
            if key < n.key:
                n.left = delete(n.left, key)
            elif key > n.key:
                n.right = delete(n.right, key)
            else:
                if n.left is None:
                    return n.right
                if n.right is None:
                    return n.left
                succ = n.right
                while succ.left:
                    succ = succ.left
                n.key, n.value = succ.key, succ.value
                n.right = delete(n.right, succ.key)
            n.size = 1 + size(n.left) + size(n.right)
            return n
        self.root = delete(self.root, key)

    def __iter__(self):
        stack, n = [], self.root
        while stack or n:
            while n:
                stack.append(n)
                n = n.left
            n = stack.pop()
            yield n.key
            n = n.right

    def items(self):
        for k in self:
            yield k, self[k]

    def height(self, n=None, top=True):
        if top:
            n = self.root
        if n is None:
            return 0
        return 1 + max(self.height(n.left, False), self.height(n.right, False))

    def levels(self):
        out, level = [], [self.root] if self.root else []
        while level:
            out.append([n.key for n in level])
            level = [c for n in level for c in (n.left, n.right) if c]
        return out

    def rank(self, key):
        r, n = 0, self.root
        while n:
            if key < n.key:
                n = n.left
            elif key > n.key:
                r += 1 + size(n.left)
                n = n.right
            else:
                return r + size(n.left)
        return r

    def select(self, k):
        n = self.root
        while n:
            left = size(n.left)
            if k < left:
                n = n.left
            elif k > left:
                k -= left + 1
                n = n.right
            else:
                return n.key
        raise IndexError("select out of range")

    def valid(self):
        keys = list(self)
        return keys == sorted(keys) and len(set(keys)) == len(keys)


t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 10, 25]:
    t[k] = f"v{k}"
print("size:", len(t), "height:", t.height(), "valid:", t.valid())
print("in order:", list(t))
print("levels:", t.levels())
print("t[45] =", t[45], "| 46 in t:", 46 in t, "| 10 in t:", 10 in t)
print("ranks:", [(k, t.rank(k)) for k in (10, 33, 50, 99)], "select(5):", t.select(5))
del t[20]
print("del leaf-parent 20:", t.levels())
del t[30]
print("del two-child 30:", t.levels())
del t[50]
print("del root 50:", t.levels(), "size", len(t))
try:
    del t[999]
except KeyError as e:
    print("KeyError:", e)
t[65] = "updated"
print(dict(t.items()))
words = BST()
for w in "the quick brown fox jumps over the lazy dog and the cat".split():
    words[w] = words[w] + 1 if w in words else 1
print(list(words.items()), "height", words.height())
chain = BST()
for k in range(12):
    chain[k] = k
print("degenerate height:", chain.height(), "levels:", len(chain.levels()))
print(t.select(100))
