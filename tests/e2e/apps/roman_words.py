# Number conversions: Roman numerals both ways with validation, English words for integers up to
# the trillions, ordinals, and a check that every Roman numeral round-trips.

ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
         (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n: int) -> str:
    if not 0 < n < 4000:
        raise ValueError(f"{n} is out of range for Roman numerals")
    out = []
    for value, sym in ROMAN:
        q, n = divmod(n, value)
        out.append(sym * q)
    return "".join(out)


def from_roman(s: str) -> int:
    s = s.upper()
    for ch in s:
        if ch not in VALUES:
            raise ValueError(f"invalid Roman digit {ch!r} in {s!r}")
    total = 0
    for i, ch in enumerate(s):
        v = VALUES[ch]
        if i + 1 < len(s) and VALUES[s[i + 1]] > v:
            total -= v
        else:
            total += v
    if to_roman(total) != s:
        raise ValueError(f"{s!r} is not canonical (did you mean {to_roman(total)}?)")
    return total


ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen " \
       "fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALES = ["", "thousand", "million", "billion", "trillion"]


def below_thousand(n):
    words = []
    if n >= 100:
        words += [ONES[n // 100], "hundred"]
        n %= 100
        if n:
            words.append("and")
    if n >= 20:
        words.append(TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else ""))
    elif n or not words:
        words.append(ONES[n])
    return " ".join(words)


def to_words(n: int) -> str:
    if n < 0:
        return "minus " + to_words(-n)
    if n < 1000:
        return below_thousand(n)
    groups = []
    scale = 0
    while n:
        n, g = divmod(n, 1000)
        if g:
            groups.append(below_thousand(g) + (" " + SCALES[scale] if SCALES[scale] else ""))
        scale += 1
    return ", ".join(reversed(groups))


def ordinal(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999, 444, 1666]:
    print(f"{n:>5} {to_roman(n):<14} {to_words(n)}")
for s in ["mcmxcix", "XLII", "IIII", "VX", "MMXXV", "ABC", "cdxliv"]:
    try:
        print(f"{s} = {from_roman(s)}")
    except ValueError as e:
        print("error:", e)
for n in [0, 0, 13, 105, 1000, 1001, 12345, 1000000, 7000000012, -999, 2 ** 40]:
    print(f"{n}: {to_words(n)}")
print(" ".join(ordinal(n) for n in [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111, 112, 1003]))
bad = [n for n in range(1, 4000) if from_roman(to_roman(n)) != n]
print("round trip failures:", bad)
longest = max(range(1, 4000), key=lambda n: (len(to_roman(n)), n))
print("longest numeral below 4000:", longest, to_roman(longest), len(to_roman(longest)))
letters = {}
for n in range(1, 101):
    for ch in to_words(n).replace(" ", "").replace("-", ""):
        letters[ch] = letters.get(ch, 0) + 1
print("letters in 1..100:", sum(letters.values()), sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
try:
    to_roman(4000)
except ValueError as e:
    print("error:", e)
