# An arithmetic expression calculator: tokenizer, recursive-descent parser building a tree of
# tuples, an evaluator with variables, and error reporting with column positions.


class CalcError(Exception):
    def __init__(self, msg: str, pos: int):
        super().__init__(msg)
        self.pos = pos


def tokenize(src: str) -> list[tuple[str, str, int]]:
    tokens: list[tuple[str, str, int]] = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            start = i
            while i < len(src) and (src[i].isdigit() or src[i] == "."):
                i += 1
            text = src[start:i]
            if text.count(".") > 1:
                raise CalcError(f"bad number {text!r}", start)
            tokens.append(("num", text, start))
        elif c.isalpha() or c == "_":
            start = i
            while i < len(src) and (src[i].isalnum() or src[i] == "_"):
                i += 1
            tokens.append(("name", src[start:i], start))
        elif c in "+-*/%^(),=":
            tokens.append(("op", c, i))
            i += 1
        else:
            raise CalcError(f"unexpected character {c!r}", i)
    tokens.append(("end", "", len(src)))
    return tokens


class Parser:
    def __init__(self, src):
        self.tokens = tokenize(src)
        self.k = 0

    def peek(self):
        return self.tokens[self.k]

    def take(self):
        tok = self.tokens[self.k]
        self.k += 1
        return tok

    def expect(self, text):
        kind, val, pos = self.take()
        if val != text:
            raise CalcError(f"expected {text!r} but found {val or 'end of input'!r}", pos)

    def statement(self):
        if self.peek()[0] == "name" and self.tokens[self.k + 1][1] == "=":
            name = self.take()[1]
            self.take()
            node = ("assign", name, self.expr())
        else:
            node = self.expr()
        kind, val, pos = self.peek()
        if kind != "end":
            raise CalcError(f"unexpected {val!r}", pos)
        return node

    def expr(self):
        node = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            node = (op, node, self.term())
        return node

    def term(self):
        node = self.unary()
        while self.peek()[1] in ("*", "/", "%"):
            op = self.take()[1]
            node = (op, node, self.unary())
        return node

    def unary(self):
        if self.peek()[1] == "-":
            self.take()
            return ("neg", self.unary())
        return self.power()

    def power(self):
        base = self.atom()
        if self.peek()[1] == "^":
            self.take()
            return ("^", base, self.unary())
        return base

    def atom(self):
        kind, val, pos = self.take()
        if kind == "num":
            return ("num", float(val) if "." in val else int(val))
        if kind == "name":
            if self.peek()[1] == "(":
                self.take()
                args = [self.expr()]
                while self.peek()[1] == ",":
                    self.take()
                    args.append(self.expr())
                self.expect(")")
                return ("call", val, args)
            return ("var", val, pos)
        if val == "(":
            node = self.expr()
            self.expect(")")
            return node
        raise CalcError(f"unexpected {val or 'end of input'!r}", pos)


FUNCS = {
    "max": max,
    "min": min,
    "abs": abs,
    "sqrt": lambda x: x ** 0.5,
}


def evaluate(node, env):
    tag = node[0]
    if tag == "num":
        return node[1]
    if tag == "var":
        if node[1] not in env:
            raise CalcError(f"unknown variable {node[1]}", node[2])
        return env[node[1]]
    if tag == "assign":
        env[node[1]] = evaluate(node[2], env)
        return env[node[1]]
    if tag == "neg":
        return -evaluate(node[1], env)
    if tag == "call":
        args = [evaluate(a, env) for a in node[2]]
        return FUNCS[node[1]](*args)
    a = evaluate(node[1], env)
    b = evaluate(node[2], env)
    if tag == "+":
        return a + b
    if tag == "-":
        return a - b
    if tag == "*":
        return a * b
    if tag == "/":
        return a / b
    if tag == "%":
        return a % b
    return a ** b


def show(node):
    if node[0] == "num":
        return str(node[1])
    if node[0] == "var":
        return node[1]
    if node[0] == "neg":
        return f"(-{show(node[1])})"
    if node[0] == "assign":
        return f"{node[1]} = {show(node[2])}"
    if node[0] == "call":
        return node[1] + "(" + ", ".join(show(a) for a in node[2]) + ")"
    return f"({show(node[1])} {node[0]} {show(node[2])})"


lines = [
    "1 + 2 * 3",
    "(1 + 2) * 3",
    "2 ^ 3 ^ 2",
    "-2 ^ 2",
    "x = 10",
    "y = x * 2.5 - 1",
    "max(x, y, 3) % 7",
    "sqrt(16) + abs(-3)",
    "7 / 2",
    "2 ^ 100",
    "1 / 0",
    "z + 1",
    "3 +",
    "4 $ 5",
    "(1 + 2",
    "1.2.3",
    "10 - 4 - 3",
    "x = x + 1",
]
env = {}
for ln in lines:
    try:
        tree = Parser(ln).statement()
        value = evaluate(tree, env)
        print(f"{ln:<20} => {show(tree):<32} = {value}")
    except CalcError as err:
        print(f"{ln:<20} !! {err} at column {err.pos + 1}")
        print(" " * 24 + " " * err.pos + "^")
    except ZeroDivisionError as err:
        print(f"{ln:<20} !! {type(err).__name__}: {err}")
print("variables:", sorted(env.items()))
