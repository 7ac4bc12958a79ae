# Text statistics: sentences, words, frequencies with ties broken alphabetically, a histogram of
# word lengths, bigrams, vowels, capitalised words, and a readability score.

TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom, it was the
age of foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the
season of Light, it was the season of Darkness, it was the spring of hope, it was the winter of
despair. We had everything before us, we had nothing before us; we were all going direct to
Heaven, we were all going direct the other way. In short, the period was so far like the present
period, that some of its noisiest authorities insisted on its being received, for good or for
evil, in the superlative degree of comparison only! Was it? Yes."""


def words_of(text: str) -> list[str]:
    out = []
    for raw in text.split():
        w = raw.strip(".,;:!?\"'()").lower()
        if w:
            out.append(w)
    return out


def sentences_of(text):
    out, cur = [], []
    for ch in text.replace("\n", " "):
        cur.append(ch)
        if ch in ".!?":
            s = "".join(cur).strip()
            if s:
                out.append(s)
            cur = []
    rest = "".join(cur).strip()
    if rest:
        out.append(rest)
    return out


def syllables(word: str) -> int:
    vowels = "aeiouy"
    count, prev = 0, False
    for ch in word:
        v = ch in vowels
        if v and not prev:
            count += 1
        prev = v
    if word.endswith("e") and count > 1:
        count -= 1
    return max(count, 1)


words = words_of(TEXT)
sentences = sentences_of(TEXT)
freq: dict[str, int] = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(f"characters: {len(TEXT)}, letters: {sum(c.isalpha() for c in TEXT)}, lines: {TEXT.count(chr(10)) + 1}")
print(f"words: {len(words)}, distinct: {len(freq)}, sentences: {len(sentences)}")
for i, s in enumerate(sentences, 1):
    print(f"  {i}. ({len(words_of(s))} words) {s[:50]}{'...' if len(s) > 50 else ''}")
print("top words:")
for w, n in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]:
    print(f"  {w:<8} {n:>3} {'*' * n}")
print("hapax legomena:", len([w for w, n in freq.items() if n == 1]))
lengths: dict[int, int] = {}
for w in words:
    lengths[len(w)] = lengths.get(len(w), 0) + 1
print("length histogram:")
for n in range(1, max(lengths) + 1):
    print(f"  {n:>2} | {'#' * lengths.get(n, 0)} {lengths.get(n, '')}")
bigrams: dict[tuple[str, str], int] = {}
for a, b in zip(words, words[1:]):
    bigrams[(a, b)] = bigrams.get((a, b), 0) + 1
print("top bigrams:", [f"{a} {b}:{n}" for (a, b), n in sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:5]])
caps = sorted({raw.strip(".,;:!?") for raw in TEXT.split() if raw[0].isupper()})
print("capitalised:", caps)
vowel_counts = {v: TEXT.lower().count(v) for v in "aeiou"}
print("vowels:", vowel_counts, "most:", max(vowel_counts, key=vowel_counts.get))
syl = sum(syllables(w) for w in words)
score = 206.835 - 1.015 * (len(words) / len(sentences)) - 84.6 * (syl / len(words))
print(f"syllables: {syl}, Flesch reading ease: {score:.1f}")
longest = max(words, key=len)
print(f"longest word: {longest!r} ({len(longest)}), average length {sum(map(len, words)) / len(words):.2f}")
print("palindromes:", sorted({w for w in words if len(w) > 1 and w == w[::-1]}))
print("title:", " ".join(w.capitalize() for w in words[:6]), "|", TEXT[:24].swapcase(), "|", TEXT[:10].center(20, "~"))
print("first letters:", "".join(sorted(set(w[0] for w in words))))
