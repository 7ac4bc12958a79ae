# gen_program.py: writes a deterministic Python program of about 1,000 lines for the build-time
# benchmark (bench/build/run.py). The program is a mix of what real code has: typed and untyped
# functions with loops and arithmetic, classes with methods, properties and inheritance, string
# processing, list/dict/set comprehensions, try/except/finally, generators, f-strings. Each kind
# is a template instantiated several times with different constants (not copies of one
# function), and the module body calls everything and prints results that check the work.
#
# Usage: gen_program.py [OUT.py] [--lines N]   (default: stdout, about 1,000 lines)

import sys

TEMPLATES = []


def template(fn):
    TEMPLATES.append(fn)
    return fn


@template
def typed_loop(i, a, b, c):
    return f'''
def calc_{i}(n: int, k: int) -> int:
    total: int = 0
    for j in range(n):
        if j % {a} == 0:
            total += j * k
        elif j % {b} == 1:
            total -= j // {b}
        else:
            total ^= j
    return total + {c}
''', [f"print('calc_{i}', calc_{i}({40 + c}, {b}))"]


@template
def untyped_float(i, a, b, c):
    return f'''
def mix_{i}(x, y):
    acc = 0.0
    i = 0
    while i < x:
        acc += (i * {a} + y) / {b}
        if acc > {c * 100}:
            acc = acc / 2
        i += 1
    return round(acc, 3)
''', [f"print('mix_{i}', mix_{i}({30 + a}, {c}))"]


@template
def typed_float(i, a, b, c):
    return f'''
def norm_{i}(xs: list[float]) -> float:
    s: float = 0.0
    for x in xs:
        s += x * x + {a}.5
    m: float = s / len(xs)
    return m ** 0.5 - {b}.25
''', [f"print('norm_{i}', f'{{norm_{i}([float(v) / {c} for v in range({10 + a})]):.6f}}')"]


@template
def shape_class(i, a, b, c):
    return f'''
class Shape{i}:
    """A rectangle with a name."""

    def __init__(self, w: float, h: float, name: str = "s{i}") -> None:
        self.w = w
        self.h = h
        self.name = name

    @property
    def area(self) -> float:
        return self.w * self.h

    @property
    def perimeter(self) -> float:
        return 2 * (self.w + self.h)

    def scaled(self, f: float) -> "Shape{i}":
        return Shape{i}(self.w * f, self.h * f, self.name + "x")

    def __repr__(self) -> str:
        return f"Shape{i}({{self.name!r}}, {{self.w:.2f}}, {{self.h:.2f}})"


class Square{i}(Shape{i}):
    def __init__(self, side: float) -> None:
        super().__init__(side, side, "sq{i}")

    def diagonal(self) -> float:
        return (2 * self.w * self.w) ** 0.5
''', [f"sh{i} = Shape{i}({a}.5, {b}.0).scaled({c % 3 + 1})",
      f"print(sh{i}, sh{i}.area, sh{i}.perimeter)",
      f"sq{i} = Square{i}({c}.0)",
      f"print(repr(sq{i}), f'{{sq{i}.diagonal():.4f}}', sq{i}.area)"]


@template
def counter_class(i, a, b, c):
    return f'''
class Counter{i}:
    count = 0

    def __init__(self, start):
        self.items = []
        self.start = start
        Counter{i}.count += 1

    def add(self, x):
        self.items.append(x + self.start)
        return self

    def total(self):
        return sum(self.items)

    def __len__(self):
        return len(self.items)

    def __contains__(self, x):
        return x in self.items

    @staticmethod
    def make(n):
        c = Counter{i}({a})
        for k in range(n):
            c.add(k * {b})
        return c
''', [f"cn{i} = Counter{i}.make({c + 5})",
      f"print('counter_{i}', len(cn{i}), cn{i}.total(), {a + b} in cn{i}, Counter{i}.count)"]


@template
def words(i, a, b, c):
    return f'''
def words_{i}(text: str) -> dict[str, int]:
    counts: dict[str, int] = {{}}
    for w in text.lower().split():
        w = w.strip(".,;!?")
        if len(w) > {a % 3}:
            counts[w] = counts.get(w, 0) + 1
    return counts


def top_words_{i}(text: str, n: int) -> list[str]:
    counts = words_{i}(text)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [f"{{w}}:{{c}}" for w, c in ranked[:n]]
''', [f"print('words_{i}', top_words_{i}(TEXT * {a % 4 + 1}, {b % 5 + 2}))"]


@template
def text_ops(i, a, b, c):
    return f'''
def caesar_{i}(s, shift):
    out = []
    for ch in s:
        if ch.isalpha():
            base = ord("a") if ch.islower() else ord("A")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)


def title_{i}(s: str) -> str:
    parts = [p.capitalize() for p in s.split() if p]
    return " ".join(parts).replace("The", "the").center({40 + a}, "*")
''', [f"print(caesar_{i}('Hello, World {i}!', {b % 25 + 1}))",
      f"print(title_{i}(TEXT[{a}:{a + 60}]))"]


@template
def comprehensions(i, a, b, c):
    return f'''
def comp_{i}(n):
    squares = [x * x for x in range(n) if x % {a % 4 + 2} != 0]
    table = {{x: str(x)[::-1] for x in squares[:{b % 6 + 4}]}}
    evens = {{x % {c % 7 + 3} for x in squares}}
    pairs = [(x, y) for x in range(3) for y in range(x)]
    return sum(squares), sorted(table.items())[:3], sorted(evens), pairs
''', [f"print('comp_{i}', comp_{i}({20 + a}))"]


@template
def exceptions(i, a, b, c):
    return f'''
class Error{i}(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(f"error {{code}}")
        self.code = code


def safe_{i}(xs: list[int], d: int) -> int:
    try:
        if d == {a}:
            raise Error{i}(d * {b})
        return xs[d] // (d - {a % 5 + 1})
    except ZeroDivisionError:
        return -1
    except IndexError as e:
        return len(str(e))
    except Error{i} as e:
        return e.code
    finally:
        LOG.append({i})


def parse_{i}(items):
    good, bad = 0, 0
    for s in items:
        try:
            good += int(s)
        except ValueError:
            bad += 1
        else:
            good += 1
    return good, bad
''', [f"print('safe_{i}', [safe_{i}(list(range({b % 7 + 3})), d) for d in range({a + 3})])",
      f"print('parse_{i}', parse_{i}(['1', 'x', '{c}', '2.5', '-{a}']))"]


@template
def generators(i, a, b, c):
    return f'''
def fib_gen_{i}(n: int):
    x, y = 0, 1
    for _ in range(n):
        yield x
        x, y = y, x + y


def chunks_{i}(xs, size):
    for k in range(0, len(xs), size):
        yield xs[k:k + size]


def pipeline_{i}(n):
    evens = (v for v in fib_gen_{i}(n) if v % 2 == 0)
    return sum(evens), [sum(ch) for ch in chunks_{i}(list(range(n)), {a % 4 + 2})]
''', [f"print('gen_{i}', list(fib_gen_{i}({b % 10 + 5})), pipeline_{i}({c % 20 + 10}))"]


@template
def recursion(i, a, b, c):
    return f'''
def ack_{i}(m: int, n: int) -> int:
    if m == 0:
        return n + 1
    if n == 0:
        return ack_{i}(m - 1, 1)
    return ack_{i}(m - 1, ack_{i}(m, n - 1))


def gcd_{i}(x: int, y: int) -> int:
    while y:
        x, y = y, x % y
    return x


def collatz_{i}(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
''', [f"print('rec_{i}', ack_{i}(2, {a % 4 + 1}), gcd_{i}({a * 84}, {b * 36}), "
      f"collatz_{i}({c + 27}))"]


@template
def dict_ops(i, a, b, c):
    return f'''
def inventory_{i}(orders: list[tuple[str, int]]) -> str:
    stock: dict[str, int] = {{"apple": {a}, "pear": {b}, "plum": {c}}}
    missing: list[str] = []
    for name, qty in orders:
        have = stock.get(name)
        if have is None:
            missing.append(name)
            continue
        stock[name] = have - qty
    low = [k for k, v in stock.items() if v < {a % 5}]
    return f"{{sorted(stock.items())}} missing={{missing}} low={{low}}"
''', [f"print(inventory_{i}([('apple', {a % 7}), ('kiwi', 1), ('plum', {c + 2}), "
      f"('pear', {b % 3})]))"]


HEADER = '''# Generated by bench/build/gen_program.py: a build-time benchmark program. Do not edit.

TEXT = ("The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs! "
        "A stitch in time saves nine, and the early bird gets the worm. ") * 3
LOG = []
'''


def generate(target_lines):
    out = [HEADER]
    calls = []
    lines = HEADER.count("\n")
    k = 0
    # Each pass over TEMPLATES adds one instance of every kind; stop near the target.
    while lines + len(calls) + 2 < target_lines:
        fn = TEMPLATES[k % len(TEMPLATES)]
        i = k
        a, b, c = 3 + (k * 7) % 11, 2 + (k * 5) % 9, 1 + (k * 13) % 17
        src, body = fn(i, a, b, c)
        if lines + src.count("\n") + len(calls) + len(body) + 4 > target_lines and k > 0:
            break
        out.append(src)
        lines += src.count("\n")
        calls.extend(body)
        k += 1
    out.append("\n")
    out.extend(line + "\n" for line in calls)
    out.append("print('log', len(LOG), sum(LOG))\n")
    return "".join(out)


def main():
    args = sys.argv[1:]
    target = 1000
    if "--lines" in args:
        at = args.index("--lines")
        target = int(args[at + 1])
        del args[at:at + 2]
    text = generate(target)
    if args:
        with open(args[0], "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
