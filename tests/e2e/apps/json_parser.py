# A JSON-subset parser and pretty-printer written in Python: objects, arrays, strings with
# escapes, numbers, true/false/null; errors carry the line and column.


class JsonError(ValueError):
    pass


class Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0

    def where(self) -> str:
        line = self.text.count("\n", 0, self.i) + 1
        col = self.i - (self.text.rfind("\n", 0, self.i) + 1) + 1
        return f"line {line} column {col}"

    def fail(self, msg: str):
        raise JsonError(f"{msg} at {self.where()}")

    def skip(self) -> None:
        while self.i < len(self.text) and self.text[self.i] in " \t\r\n":
            self.i += 1

    def peek(self) -> str:
        self.skip()
        return self.text[self.i] if self.i < len(self.text) else ""

    def value(self):
        c = self.peek()
        if c == "{":
            return self.obj()
        if c == "[":
            return self.arr()
        if c == '"':
            return self.string()
        if c == "-" or c.isdigit():
            return self.number()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.i):
                self.i += len(word)
                return val
        self.fail(f"unexpected {c!r}" if c else "unexpected end")

    def obj(self) -> dict:
        self.i += 1
        out = {}
        if self.peek() == "}":
            self.i += 1
            return out
        while True:
            if self.peek() != '"':
                self.fail("expected a key")
            key = self.string()
            if self.peek() != ":":
                self.fail("expected ':'")
            self.i += 1
            out[key] = self.value()
            c = self.peek()
            self.i += 1
            if c == "}":
                return out
            if c != ",":
                self.i -= 1
                self.fail("expected ',' or '}'")

    def arr(self) -> list:
        self.i += 1
        out = []
        if self.peek() == "]":
            self.i += 1
            return out
        while True:
            out.append(self.value())
            c = self.peek()
            self.i += 1
            if c == "]":
                return out
            if c != ",":
                self.i -= 1
                self.fail("expected ',' or ']'")

    def string(self) -> str:
        self.i += 1
        parts = []
        escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/"}
        while True:
            if self.i >= len(self.text):
                self.fail("unterminated string")
            c = self.text[self.i]
            self.i += 1
            if c == '"':
                return "".join(parts)
            if c == "\\":
                e = self.text[self.i]
                self.i += 1
                if e == "u":
                    parts.append(chr(int(self.text[self.i:self.i + 4], 16)))
                    self.i += 4
                elif e in escapes:
                    parts.append(escapes[e])
                else:
                    self.fail(f"bad escape \\{e}")
            else:
                parts.append(c)

    def number(self):
        start = self.i
        if self.text[self.i] == "-":
            self.i += 1
        while self.i < len(self.text) and (self.text[self.i].isdigit() or self.text[self.i] in ".eE+-"):
            self.i += 1
        s = self.text[start:self.i]
        try:
            return float(s) if any(ch in s for ch in ".eE") else int(s)
        except ValueError:
            self.i = start
            self.fail(f"bad number {s!r}")


def parse(text):
    r = Reader(text)
    v = r.value()
    if r.peek():
        r.fail("extra data")
    return v


def quote(s: str) -> str:
    out = ['"']
    for ch in s:
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) > 126:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def dump(v, indent=0) -> str:
    pad = "  " * indent
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = [f"{pad}  {quote(k)}: {dump(x, indent + 1)}" for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(v, list):
        if all(not isinstance(x, (list, dict)) for x in v):
            return "[" + ", ".join(dump(x) for x in v) + "]"
        return "[\n" + ",\n".join(pad + "  " + dump(x, indent + 1) for x in v) + "\n" + pad + "]"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "null"
    if isinstance(v, str):
        return quote(v)
    return repr(v)


doc = """
{"name": "krait", "version": [0, 9, 1], "stable": false,
 "authors": [{"name": "Ana", "commits": 412}, {"name": "B\\u00f6b", "commits": 37}],
 "ratio": 0.125, "big": 123456789012345678901234567890, "neg": -4.5e3,
 "notes": "line one\\nline \\"two\\"", "empty": {}, "none": null, "list": []}
"""
data = parse(doc)
print(dump(data))
print("keys:", list(data))
print("total commits:", sum(a["commits"] for a in data["authors"]))
print("round trip equal:", parse(dump(data)) == data)
bad = ['{"a": 1,}', '[1, 2', '{"a" 1}', '"abc', '[1, 2] 3', '{"x": tru}', '[01.2.3]', '"\\q"']
for text in bad:
    try:
        parse(text)
        print("parsed?!", text)
    except JsonError as e:
        print(f"{text:<12} -> {e}")
