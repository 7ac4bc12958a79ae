# A tokenizer for a small language written as a generator, consumed by a match/case driven
# pretty-printer and a statistics pass; includes line tracking and error tokens.
from typing import Iterator

KEYWORDS = {"let", "fn", "if", "else", "return", "while"}
SOURCE = """let x = 42;
fn square(n) { return n * n; }
let name = "krait";   # a comment
if x >= 10 { print(square(x), name); } else { print(0.5e1); }
while x != 0 { x = x - 7 ; }
let bad = 3 @ 4;
"""


class Token:
    def __init__(self, kind: str, text: str, line: int, col: int):
        self.kind = kind
        self.text = text
        self.line = line
        self.col = col

    def __repr__(self):
        return f"{self.kind}({self.text!r})@{self.line}:{self.col}"

    def __eq__(self, other):
        return isinstance(other, Token) and (self.kind, self.text) == (other.kind, other.text)

    def __hash__(self):
        return hash((self.kind, self.text))


def tokens(src: str) -> Iterator[Token]:
    line, start_of_line, i = 1, 0, 0
    two = {"==", "!=", ">=", "<=", "->"}
    while i < len(src):
        c = src[i]
        col = i - start_of_line + 1
        if c == "\n":
            line += 1
            start_of_line = i + 1
            i += 1
            continue
        if c in " \t":
            i += 1
            continue
        if c == "#":
            while i < len(src) and src[i] != "\n":
                i += 1
            continue
        j = i + 1
        if c.isdigit():
            while j < len(src) and (src[j].isalnum() or src[j] == "."):
                j += 1
            kind = "number"
        elif c.isalpha() or c == "_":
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            kind = "keyword" if src[i:j] in KEYWORDS else "name"
        elif c == '"':
            j = src.index('"', i + 1) + 1
            kind = "string"
        elif src[i:i + 2] in two:
            j = i + 2
            kind = "op"
        elif c in "+-*/=<>(){};,":
            kind = "op"
        else:
            kind = "error"
        yield Token(kind, src[i:j], line, col)
        i = j
    yield Token("eof", "", line, 1)


def describe(tok: Token) -> str:
    match tok:
        case Token(kind="keyword", text="fn" | "let" as kw):
            return f"declaration keyword {kw}"
        case Token(kind="keyword"):
            return f"control keyword {tok.text}"
        case Token(kind="number", text=t) if "." in t or "e" in t:
            return f"float {float(t)}"
        case Token(kind="number", text=t):
            return f"int {int(t)}"
        case Token(kind="string", text=t):
            return f"string of {len(t) - 2} chars"
        case Token(kind="op", text="(" | ")" | "{" | "}"):
            return "bracket"
        case Token(kind="op"):
            return "operator"
        case Token(kind="error", line=ln, col=cl):
            return f"ERROR at {ln}:{cl}"
        case Token(kind="eof"):
            return "end"
        case _:
            return "identifier"


toks = list(tokens(SOURCE))
print(len(toks), "tokens")
for t in toks[:12]:
    print(f"  {t!r:<24} {describe(t)}")
counts: dict[str, int] = {}
for t in toks:
    counts[t.kind] = counts.get(t.kind, 0) + 1
print("by kind:", sorted(counts.items()))
print("distinct names:", sorted({t.text for t in toks if t.kind == "name"}))
print("unique tokens:", len(set(toks)))
lines: dict[int, list[str]] = {}
for t in toks:
    lines.setdefault(t.line, []).append(t.text)
for ln, texts in lines.items():
    print(f"{ln:>2}: {' '.join(texts)}")
errors = [t for t in toks if t.kind == "error"]
print("errors:", errors, [describe(t) for t in errors])
depth = 0
max_depth = 0
for t in toks:
    match t.text:
        case "{" | "(":
            depth += 1
            max_depth = max(max_depth, depth)
        case "}" | ")":
            depth -= 1
print("balanced:", depth == 0, "max depth:", max_depth)
print(Token("op", "+", 1, 1) == Token("op", "+", 9, 9), Token("op", "+", 1, 1) in toks)
