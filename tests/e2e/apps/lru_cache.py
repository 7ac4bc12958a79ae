# An LRU cache built from a dict and a doubly linked list with sentinel nodes, used to memoise a
# slow function; prints hit/miss statistics and the eviction order.
# krait-test: cycles


class Node:
    __slots__ = ("key", "value", "prev", "next")

    def __init__(self, key=None, value=None):
        self.key = key
        self.value = value
        self.prev = None
        self.next = None


class LRU:
    def __init__(self, capacity: int):
        self.capacity = capacity
        self.map: dict = {}
        self.head = Node()
        self.tail = Node()
        self.head.next = self.tail
        self.tail.prev = self.head
        self.hits = self.misses = 0
        self.evicted = []

    def _unlink(self, node):
        node.prev.next = node.next
        node.next.prev = node.prev

    def _push_front(self, node):
        node.next = self.head.next
        node.prev = self.head
        self.head.next.prev = node
        self.head.next = node

    def get(self, key, default=None):
        node = self.map.get(key)
        if node is None:
            self.misses += 1
            return default
        self.hits += 1
        self._unlink(node)
        self._push_front(node)
        return node.value

    def put(self, key, value):
        if key in self.map:
            node = self.map[key]
            node.value = value
            self._unlink(node)
            self._push_front(node)
            return
        if len(self.map) >= self.capacity:
            old = self.tail.prev
            self._unlink(old)
            del self.map[old.key]
            self.evicted.append(old.key)
        node = Node(key, value)
        self.map[key] = node
        self._push_front(node)

    def keys(self):
        node = self.head.next
        while node is not self.tail:
            yield node.key
            node = node.next

    def __len__(self):
        return len(self.map)

    def __contains__(self, key):
        return key in self.map

    def __repr__(self):
        return "LRU([" + ", ".join(f"{k!r}: {self.map[k].value!r}" for k in self.keys()) + "])"


def memoise(cache):
    def deco(fn):
        def wrapper(*args):
            missing = object()
            v = cache.get(args, missing)
            if v is missing:
                v = fn(*args)
                cache.put(args, v)
            return v
        wrapper.cache = cache
        return wrapper
    return deco


calls = 0


@memoise(LRU(4))
def slow_square(n):
    global calls
    calls += 1
    return n * n


for n in [1, 2, 3, 1, 4, 5, 1, 2, 6, 6, 6, 3, 1]:
    slow_square(n)
c = slow_square.cache
print(c)
print(f"calls={calls} hits={c.hits} misses={c.misses} evicted={c.evicted}")
print((1,) in c, (2,) in c, len(c))

words = LRU(3)
for w in "the quick brown fox jumps over the lazy dog the end".split():
    words.put(w, words.get(w, 0) + 1)
    print(f"{w:>6} -> {list(words.keys())}")
print(words, words.evicted)
