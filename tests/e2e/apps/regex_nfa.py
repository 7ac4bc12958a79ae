# A tiny regular-expression engine: parse literals, '.', character classes, '*', '+', '?', '|'
# and groups into an NFA (Thompson's construction), then match by simulating the state set.
# krait-test: cycles


class State:
    count = 0

    def __init__(self, kind, arg=None):
        self.kind = kind        # "char", "any", "class", "split", "match"
        self.arg = arg
        self.out = None
        self.out2 = None
        State.count += 1
        self.id = State.count


class Frag:
    def __init__(self, start, ends):
        self.start = start
        self.ends = ends        # list of (state, which) holes to patch

    def patch(self, target):
        for st, which in self.ends:
            if which == 1:
                st.out = target
            else:
                st.out2 = target


class RegexError(Exception):
    pass


class Compiler:
    def __init__(self, pattern: str):
        self.p = pattern
        self.i = 0

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else ""

    def compile(self):
        frag = self.alternation()
        if self.i != len(self.p):
            raise RegexError(f"unexpected {self.p[self.i]!r} at {self.i}")
        m = State("match")
        frag.patch(m)
        return frag.start

    def alternation(self):
        left = self.concat()
        while self.peek() == "|":
            self.i += 1
            right = self.concat()
            s = State("split")
            s.out, s.out2 = left.start, right.start
            left = Frag(s, left.ends + right.ends)
        return left

    def concat(self):
        frags = []
        while self.peek() not in ("", "|", ")"):
            frags.append(self.repeat())
        if not frags:
            s = State("split")
            return Frag(s, [(s, 1), (s, 2)])
        for a, b in zip(frags, frags[1:]):
            a.patch(b.start)
        return Frag(frags[0].start, frags[-1].ends)

    def repeat(self):
        atom = self.atom()
        op = self.peek()
        if op in ("*", "+", "?"):
            self.i += 1
            s = State("split")
            s.out = atom.start
            if op == "*":
                atom.patch(s)
                return Frag(s, [(s, 2)])
            if op == "+":
                atom.patch(s)
                return Frag(atom.start, [(s, 2)])
            return Frag(s, atom.ends + [(s, 2)])
        return atom

    def atom(self):
        c = self.peek()
        self.i += 1
        if c == "(":
            frag = self.alternation()
            if self.peek() != ")":
                raise RegexError("missing )")
            self.i += 1
            return frag
        if c == "[":
            j = self.p.find("]", self.i)
            if j < 0:
                raise RegexError("missing ]")
            body = self.p[self.i:j]
            self.i = j + 1
            negate = body.startswith("^")
            if negate:
                body = body[1:]
            chars = set()
            k = 0
            while k < len(body):
                if k + 2 < len(body) and body[k + 1] == "-":
                    chars.update(chr(x) for x in range(ord(body[k]), ord(body[k + 2]) + 1))
                    k += 3
                else:
                    chars.add(body[k])
                    k += 1
            s = State("class", (negate, frozenset(chars)))
        elif c in ("*", "+", "?"):
            raise RegexError(f"nothing to repeat at {self.i - 1}")
        elif c == ".":
            s = State("any")
        elif c == "\\":
            s = State("char", self.peek())
            self.i += 1
        else:
            s = State("char", c)
        return Frag(s, [(s, 1)])


def closure(states):
    stack = list(states)
    seen = {s.id: s for s in states}
    while stack:
        s = stack.pop()
        if s.kind == "split":
            for t in (s.out, s.out2):
                if t is not None and t.id not in seen:
                    seen[t.id] = t
                    stack.append(t)
    return list(seen.values())


def accepts(state, ch):
    if state.kind == "char":
        return state.arg == ch
    if state.kind == "any":
        return ch != "\n"
    if state.kind == "class":
        negate, chars = state.arg
        return (ch in chars) != negate
    return False


def fullmatch(start, text):
    current = closure([start])
    for ch in text:
        current = closure([s.out for s in current if accepts(s, ch)])
        if not current:
            return False
    return any(s.kind == "match" for s in current)


def search(start, text):
    for i in range(len(text) + 1):
        for j in range(len(text), i - 1, -1):
            if fullmatch(start, text[i:j]):
                return i, text[i:j]
    return None


TESTS = [
    ("a(b|c)*d", ["ad", "abd", "abcbcd", "abxd", "a"]),
    ("colou?r", ["color", "colour", "colouur"]),
    ("[a-z]+@[a-z]+\\.(com|org)", ["me@krait.org", "x@y.net", "Me@krait.com", "ab@cd.com"]),
    ("(0|1(01*0)*1)*", ["", "0", "11", "110", "1001", "111", "10010"]),
    ("[^0-9]+.?", ["abc", "abc1", "1abc", "a12"]),
    ("(a|)+b", ["b", "aaab", "ba"]),
]
for pattern, words in TESTS:
    start = Compiler(pattern).compile()
    results = " ".join(f"{w!r}:{'Y' if fullmatch(start, w) else 'n'}" for w in words)
    print(f"{pattern:<26} {results}")
print("multiples of 3 in binary:", [n for n in range(40) if fullmatch(Compiler("(0|1(01*0)*1)*").compile(), format(n, "b"))])
print("search:", search(Compiler("[0-9]+(\\.[0-9]+)?").compile(), "price: 42.50 EUR"))
print("search:", search(Compiler("z+").compile(), "abc"))
print("states built:", State.count)
for bad in ["a**", "(ab", "[abc", "*a", "a)"]:
    try:
        Compiler(bad).compile()
        print(bad, "compiled?")
    except RegexError as e:
        print(f"{bad!r}: {e}")
