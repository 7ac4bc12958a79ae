# Trie-based autocomplete: insert words with frequencies, prefix search ranked by frequency then
# alphabetically, deletion with pruning, and longest common prefix.
# krait-test: cycles


class TrieNode:
    def __init__(self):
        self.children: dict[str, "TrieNode"] = {}
        self.count = 0


class Trie:
    def __init__(self):
        self.root = TrieNode()
        self.size = 0

    def insert(self, word: str, count: int = 1) -> None:
        node = self.root
        for ch in word:
            node = node.children.setdefault(ch, TrieNode())
        if node.count == 0:
            self.size += 1
        node.count += count

    def find(self, prefix: str):
        node = self.root
        for ch in prefix:
            if ch not in node.children:
                return None
            node = node.children[ch]
        return node

    def walk(self, node, prefix):
        if node.count:
            yield prefix, node.count
        for ch in sorted(node.children):
            yield from self.walk(node.children[ch], prefix + ch)

    def complete(self, prefix: str, limit: int = 3) -> list[str]:
        node = self.find(prefix)
        if node is None:
            return []
        found = list(self.walk(node, prefix))
        found.sort(key=lambda wc: (-wc[1], wc[0]))
        return [w for w, _ in found[:limit]]

    def remove(self, word: str) -> bool:
        def go(node, i):
            if i == len(word):
                if not node.count:
                    return False, False
                node.count = 0
                return True, not node.children
            child = node.children.get(word[i])
            if child is None:
                return False, False
            removed, prune = go(child, i + 1)
            if prune:
                del node.children[word[i]]
            return removed, removed and not node.children and not node.count

        removed, _ = go(self.root, 0)
        if removed:
            self.size -= 1
        return removed

    def nodes(self):
        stack = [self.root]
        n = 0
        while stack:
            node = stack.pop()
            n += 1
            stack.extend(node.children.values())
        return n

    def lcp(self):
        node, out = self.root, []
        while len(node.children) == 1 and not node.count:
            (ch, node), = node.children.items()
            out.append(ch)
        return "".join(out)


TEXT = """
to be or not to be that is the question whether tis nobler in the mind to suffer
the slings and arrows of outrageous fortune or to take arms against a sea of troubles
and by opposing end them to die to sleep no more and by a sleep to say we end
the heartache and the thousand natural shocks that flesh is heir to
"""
t = Trie()
for w in TEXT.split():
    t.insert(w)
print("distinct words:", t.size, "nodes:", t.nodes())
for p in ["t", "th", "s", "a", "no", "q", "x", "", "to"]:
    print(f"{p!r:>6}: {t.complete(p, 4)}")
for w in ["the", "thousand", "tis", "zebra", "tis"]:
    print(f"remove {w}: {t.remove(w)} size={t.size} nodes={t.nodes()}")
print("after:", t.complete("t", 10))
t2 = Trie()
for w in ["interstellar", "internet", "interval", "internal"]:
    t2.insert(w)
print("lcp:", t2.lcp())
t2.insert("in")
print("lcp:", t2.lcp(), list(t2.walk(t2.root, "")))
