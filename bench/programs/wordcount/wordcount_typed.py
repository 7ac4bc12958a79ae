# wordcount: str and dict work, fully annotated. Generates a deterministic text (a linear
# congruential generator picks words from a list, with suffixes, capitals and punctuation), splits
# it, normalises each word and counts the words in a dict, then prints the ten most frequent
# (ties broken alphabetically).

WORDS: list[str] = [
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was",
    "with", "be", "by", "on", "not", "he", "this", "are", "or", "his", "from", "at",
    "which", "but", "have", "an", "had", "they", "you", "were", "their", "one", "all", "we",
    "can", "her", "has", "there", "been", "if", "more", "when", "will", "would", "who", "so",
]
SUFFIXES: list[str] = ["", "", "", "s", "ed", "ing", "er", "ly"]


def make_text(n_words: int) -> str:
    nw: int = len(WORDS)
    seed: int = 42
    parts: list[str] = []
    for _ in range(n_words):
        seed = (seed * 1103515245 + 12345) % 2147483648
        r: int = seed >> 4
        # the product of two uniform indices favours the first words of the list
        idx: int = (r % nw) * (r // nw % nw) // nw
        word: str = WORDS[idx] + SUFFIXES[r // 2304 % 8]
        if r % 7 == 0:
            word = word.capitalize()
        if r % 11 == 0:
            word += ","
        elif r % 13 == 0:
            word += "."
        parts.append(word)
    return " ".join(parts)


def count_words(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for raw in text.split():
        word: str = raw.strip(".,").lower()
        counts[word] = counts.get(word, 0) + 1
    return counts


def rank_key(item: tuple[str, int]) -> tuple[int, str]:
    return (-item[1], item[0])


def main() -> None:
    n_words: int = 2000000
    text: str = make_text(n_words)
    counts: dict[str, int] = count_words(text)
    print(f"{len(text)} characters, {n_words} words, {len(counts)} distinct")
    ranked: list[tuple[str, int]] = sorted(counts.items(), key=rank_key)
    for word, n in ranked[:10]:
        print(f"{n:7d} {word}")


main()
