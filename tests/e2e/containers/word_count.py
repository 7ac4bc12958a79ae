text = """the quick brown fox jumps over the lazy dog
the dog barks and the fox runs
a quick end"""

def count_words(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in text.split("\n"):
        for word in line.split():
            counts[word] = counts.get(word, 0) + 1
    return counts

counts = count_words(text)
for word in sorted(counts, key=counts.get, reverse=True)[:3]:
    print(word, counts[word])
print(len(counts), sum(counts.values()))
by_len = {}
for w in counts:
    by_len.setdefault(len(w), []).append(w)
for k in sorted(by_len):
    print(k, sorted(by_len[k]))
