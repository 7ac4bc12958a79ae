# Run-length and Huffman codes: we build a Huffman tree with a sorted work list (ties broken by a
# counter), encode to a bit string, pack into bytes, decode, and compare sizes.


def rle_encode(s: str) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for ch in s:
        if out and out[-1][0] == ch:
            out[-1] = (ch, out[-1][1] + 1)
        else:
            out.append((ch, 1))
    return out


def rle_string(runs):
    return "".join(f"{n}{ch}" if n > 1 else ch for ch, n in runs)


def rle_decode(text: str) -> str:
    out, num = [], ""
    for ch in text:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num or "1"))
            num = ""
    return "".join(out)


class Leaf:
    def __init__(self, ch, weight):
        self.ch = ch
        self.weight = weight


class Branch:
    def __init__(self, left, right):
        self.left = left
        self.right = right
        self.weight = left.weight + right.weight


def build_tree(text):
    freq = {}
    for ch in text:
        freq[ch] = freq.get(ch, 0) + 1
    work = [(w, i, Leaf(ch, w)) for i, (ch, w) in enumerate(sorted(freq.items()))]
    counter = len(work)
    while len(work) > 1:
        work.sort(key=lambda t: (t[0], t[1]))
        (w1, _, a), (w2, _, b) = work[0], work[1]
        work = work[2:]
        work.append((w1 + w2, counter, Branch(a, b)))
        counter += 1
    return work[0][2], freq


def codes(node, prefix="", table=None):
    if table is None:
        table = {}
    if isinstance(node, Leaf):
        table[node.ch] = prefix or "0"
    else:
        codes(node.left, prefix + "0", table)
        codes(node.right, prefix + "1", table)
    return table


def decode(tree, bits):
    out = []
    node = tree
    for b in bits:
        node = node.left if b == "0" else node.right
        if isinstance(node, Leaf):
            out.append(node.ch)
            node = tree
    return "".join(out)


def pack(bits: str) -> bytes:
    padded = bits + "0" * (-len(bits) % 8)
    return bytes(int(padded[i:i + 8], 2) for i in range(0, len(padded), 8))


for s in ["WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW", "abc", "aaaaaaaaaaaabbbbbbbbbbbc"]:
    runs = rle_encode(s)
    enc = rle_string(runs)
    print(f"RLE {len(s)} -> {len(enc)}: {enc} ok={rle_decode(enc) == s}")

TEXT = "she sells sea shells by the sea shore; the shells she sells are sea shells for sure"
tree, freq = build_tree(TEXT)
table = codes(tree)
print("symbols:", len(table), "weight:", tree.weight)
for ch, code in sorted(table.items(), key=lambda kv: (len(kv[1]), kv[0])):
    print(f"  {ch!r:>5} x{freq[ch]:<3} {code}")
bits = "".join(table[ch] for ch in TEXT)
packed = pack(bits)
print("bits:", len(bits), "bytes:", len(packed), "vs", len(TEXT.encode()))
print("first bytes:", packed[:8].hex(" "), list(packed[:4]))
print("ratio: {:.3f}".format(len(packed) / len(TEXT)))
print("average code length: %.4f" % (len(bits) / len(TEXT)))
print("decoded ok:", decode(tree, bits) == TEXT)
print("prefix free:", all(not b.startswith(a) for a in table.values() for b in table.values() if a != b))
one_tree, _ = build_tree("zzzz")
print("single symbol:", codes(one_tree), decode(one_tree, "0000"))
