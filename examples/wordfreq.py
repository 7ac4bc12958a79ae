# Word frequencies of a small text: dicts, sets, sorting, string methods, f-strings,
# exceptions and big integers, compiled by krait to a native executable.
TEXT = """
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair.
"""


def words(text: str) -> list[str]:
    out: list[str] = []
    for line in text.splitlines():
        for raw in line.split():
            word = raw.strip(".,;:!?").lower()
            if word:
                out.append(word)
    return out


def count(ws: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in ws:
        counts[w] = counts.get(w, 0) + 1
    return counts


def main() -> None:
    ws = words(TEXT)
    counts = count(ws)
    print(f"{len(ws)} words, {len(counts)} distinct")
    ranked = sorted([(-n, w) for w, n in counts.items()])
    for neg, w in ranked[:5]:
        print(f"{w:>8} {-neg:3d} {'#' * -neg}")
    print("only once:", sorted(w for w, n in counts.items() if n == 1)[:6])
    print("letters:", "".join(sorted({c for w in ws for c in w})))
    try:
        print(counts["dickens"])
    except KeyError as e:
        print("no such word:", e)
    total = 1
    for n in counts.values():
        total *= n + 1
    print("product:", total, "=", f"{total:,}")


if __name__ == "__main__":
    main()
