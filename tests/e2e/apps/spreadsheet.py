# A spreadsheet evaluator: cells hold numbers, text or formulas with references, ranges and
# functions (SUM, AVG, MAX, MIN, IF); dependencies are resolved recursively with memoisation,
# cycles and bad references become error values, and the sheet is printed as a grid.


class CellError(Exception):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def split_ref(ref: str) -> tuple[int, int]:
    i = 0
    while i < len(ref) and ref[i].isalpha():
        i += 1
    return col_index(ref[:i]), int(ref[i:]) - 1


def col_name(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


class Sheet:
    def __init__(self):
        self.raw: dict[str, str] = {}
        self.cache: dict[str, object] = {}
        self.evaluating: list[str] = []

    def set(self, ref, text):
        self.raw[ref] = text
        self.cache.clear()

    def value(self, ref):
        if ref in self.cache:
            return self.cache[ref]
        if ref in self.evaluating:
            raise CellError("#CYCLE!")
        self.evaluating.append(ref)
        try:
            text = self.raw.get(ref, "")
            if text.startswith("="):
                v = Formula(text[1:], self).parse()
            elif text == "":
                v = 0
            else:
                try:
                    v = int(text)
                except ValueError:
                    try:
                        v = float(text)
                    except ValueError:
                        v = text
        finally:
            self.evaluating.pop()
        self.cache[ref] = v
        return v

    def display(self, ref):
        try:
            v = self.value(ref)
        except CellError as e:
            return e.code
        if isinstance(v, float):
            return f"{v:.2f}"
        return str(v)

    def expand(self, a, b):
        c1, r1 = split_ref(a)
        c2, r2 = split_ref(b)
        return [f"{col_name(c)}{r + 1}" for r in range(min(r1, r2), max(r1, r2) + 1)
                for c in range(min(c1, c2), max(c1, c2) + 1)]


FUNCS = {
    "SUM": lambda xs: sum(xs),
    "AVG": lambda xs: sum(xs) / len(xs) if xs else 0,
    "MAX": lambda xs: max(xs),
    "MIN": lambda xs: min(xs),
    "COUNT": lambda xs: len(xs),
}


class Formula:
    def __init__(self, text, sheet):
        self.t = text.replace(" ", "")
        self.i = 0
        self.sheet = sheet

    def parse(self):
        v = self.compare()
        if self.i != len(self.t):
            raise CellError("#PARSE!")
        return v

    def eat(self, s):
        if self.t.startswith(s, self.i):
            self.i += len(s)
            return True
        return False

    def compare(self):
        v = self.sum()
        for op in (">=", "<=", "<>", ">", "<", "="):
            if self.eat(op):
                w = self.sum()
                return {">=": v >= w, "<=": v <= w, "<>": v != w, ">": v > w, "<": v < w, "=": v == w}[op]
        return v

    def sum(self):
        v = self.product()
        while self.i < len(self.t) and self.t[self.i] in "+-":
            op = self.t[self.i]
            self.i += 1
            w = self.product()
            v = num(v) + num(w) if op == "+" else num(v) - num(w)
        return v

    def product(self):
        v = self.atom()
        while self.i < len(self.t) and self.t[self.i] in "*/":
            op = self.t[self.i]
            self.i += 1
            w = self.atom()
            if op == "*":
                v = num(v) * num(w)
            elif num(w) == 0:
                raise CellError("#DIV/0!")
            else:
                v = num(v) / num(w)
        return v

    def atom(self):
        t, start = self.t, self.i
        if self.eat("("):
            v = self.compare()
            self.eat(")")
            return v
        if self.eat("-"):
            return -num(self.atom())
        while self.i < len(t) and (t[self.i].isalnum() or t[self.i] == "."):
            self.i += 1
        word = t[start:self.i]
        if not word:
            raise CellError("#PARSE!")
        if word[0].isdigit():
            return float(word) if "." in word else int(word)
        if self.eat("("):
            args = []
            while not self.eat(")"):
                if self.t[self.i:self.i + 1] == ",":
                    self.i += 1
                save = self.i
                while self.i < len(t) and t[self.i].isalnum():
                    self.i += 1
                if self.eat(":"):
                    a = t[save:self.i - 1]
                    b_start = self.i
                    while self.i < len(t) and t[self.i].isalnum():
                        self.i += 1
                    args.extend(num(self.sheet.value(r)) for r in self.sheet.expand(a, t[b_start:self.i]))
                else:
                    self.i = save
                    args.append(self.compare())
            if word == "IF":
                return args[1] if args[0] else args[2]
            if word not in FUNCS:
                raise CellError("#NAME?")
            return FUNCS[word]([num(a) for a in args])
        if word.isalpha() or not word[-1].isdigit():
            raise CellError("#NAME?")
        return self.sheet.value(word)


def num(v):
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (int, float)):
        return v
    raise CellError("#VALUE!")


s = Sheet()
data = {
    "A1": "Item", "B1": "Qty", "C1": "Price", "D1": "Total",
    "A2": "apples", "B2": "12", "C2": "0.5", "D2": "=B2*C2",
    "A3": "pears", "B3": "7", "C3": "0.75", "D3": "=B3*C3",
    "A4": "melons", "B4": "2", "C4": "3.2", "D4": "=B4*C4",
    "A5": "sum", "B5": "=SUM(B2:B4)", "C5": "=AVG(C2:C4)", "D5": "=SUM(D2:D4)",
    "A6": "flags", "B6": "=IF(B5>20, 1, 0)", "C6": "=MAX(C2:C4)-MIN(C2:C4)", "D6": "=D5/(B5-B5)",
    "A7": "errors", "B7": "=A2+1", "C7": "=C8", "C8": "=C7+1", "D7": "=FOO(1)",
    "A8": "nested", "B8": "=(B2+B3)*(2-B4)/4", "D8": "=COUNT(A1:D1)+D2*2",
}
for ref, text in data.items():
    s.set(ref, text)
widths = [8, 7, 8, 8]
print("    " + "".join(f"{col_name(c):^{w}}" for c, w in enumerate(widths)))
for r in range(1, 9):
    cells = [f"{s.display(col_name(c) + str(r)):>{w}}" for c, w in enumerate(widths)]
    print(f"{r:>3} " + "".join(cells))
s.set("B2", "20")
print("after B2=20:", s.display("D2"), s.display("B5"), s.display("B6"), s.display("D5"))
print("refs:", [col_name(i) for i in (0, 25, 26, 27, 51, 52, 701, 702)], split_ref("AB12"))
