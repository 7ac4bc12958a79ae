# A mini SQL engine over lists of dicts: a tokenizer and parser for SELECT ... FROM ... WHERE ...
# GROUP BY ... ORDER BY ... LIMIT, with aggregates (COUNT, SUM, AVG, MIN, MAX), boolean
# conditions, and aligned result tables; query errors are reported.

TABLES = {
    "people": [
        {"id": 1, "name": "Ada", "city": "London", "age": 36, "salary": 5200.0},
        {"id": 2, "name": "Brian", "city": "Paris", "age": 28, "salary": 3900.0},
        {"id": 3, "name": "Chloe", "city": "London", "age": 41, "salary": 6100.0},
        {"id": 4, "name": "Dev", "city": "Berlin", "age": 23, "salary": 3100.0},
        {"id": 5, "name": "Eva", "city": "Paris", "age": 35, "salary": 4700.0},
        {"id": 6, "name": "Femi", "city": "Berlin", "age": 52, "salary": 7000.0},
        {"id": 7, "name": "Gus", "city": "London", "age": 29, "salary": 4100.0},
    ],
}


class SqlError(Exception):
    pass


def tokenize(q: str) -> list[str]:
    out, i = [], 0
    while i < len(q):
        c = q[i]
        if c.isspace():
            i += 1
        elif c == "'":
            j = q.index("'", i + 1)
            out.append(q[i:j + 1])
            i = j + 1
        elif c.isalnum() or c in "_.":
            j = i
            while j < len(q) and (q[j].isalnum() or q[j] in "_."):
                j += 1
            out.append(q[i:j])
            i = j
        elif q[i:i + 2] in ("<=", ">=", "!="):
            out.append(q[i:i + 2])
            i += 2
        elif c in "*,()=<>":
            out.append(c)
            i += 1
        else:
            raise SqlError(f"unexpected character {c!r}")
    return out


class Query:
    AGGS = {"COUNT", "SUM", "AVG", "MIN", "MAX"}

    def __init__(self, text):
        self.toks = tokenize(text)
        self.k = 0
        self.parse()

    def peek(self, upper=True):
        if self.k >= len(self.toks):
            return ""
        t = self.toks[self.k]
        return t.upper() if upper else t

    def take(self, want=None):
        t = self.peek(upper=False)
        if want and t.upper() != want:
            raise SqlError(f"expected {want}, found {t or 'end'}")
        self.k += 1
        return t

    def parse(self):
        self.take("SELECT")
        self.cols = [self.column()]
        while self.peek() == ",":
            self.take()
            self.cols.append(self.column())
        self.take("FROM")
        self.table = self.take()
        self.where = self.group = self.order = None
        self.desc = False
        self.limit = None
        if self.peek() == "WHERE":
            self.take()
            self.where = self.disjunction()
        if self.peek() == "GROUP":
            self.take()
            self.take("BY")
            self.group = self.take()
        if self.peek() == "ORDER":
            self.take()
            self.take("BY")
            self.order = self.take()
            if self.peek() in ("ASC", "DESC"):
                self.desc = self.take().upper() == "DESC"
        if self.peek() == "LIMIT":
            self.take()
            self.limit = int(self.take())
        if self.k != len(self.toks):
            raise SqlError(f"unexpected {self.toks[self.k]!r}")

    def column(self):
        t = self.take()
        if t.upper() in self.AGGS and self.peek() == "(":
            self.take("(")
            arg = self.take()
            self.take(")")
            return (t.upper(), arg)
        return ("COL", t)

    def disjunction(self):
        left = self.conjunction()
        while self.peek() == "OR":
            self.take()
            left = ("OR", left, self.conjunction())
        return left

    def conjunction(self):
        left = self.condition()
        while self.peek() == "AND":
            self.take()
            left = ("AND", left, self.condition())
        return left

    def condition(self):
        if self.peek() == "NOT":
            self.take()
            return ("NOT", self.condition())
        if self.peek() == "(":
            self.take()
            c = self.disjunction()
            self.take(")")
            return c
        field = self.take()
        op = self.take()
        if op not in ("=", "!=", "<", ">", "<=", ">="):
            raise SqlError(f"bad operator {op!r}")
        raw = self.take()
        value = raw[1:-1] if raw.startswith("'") else float(raw) if "." in raw else int(raw)
        return ("CMP", field, op, value)


def test(cond, row):
    match cond:
        case ("OR", a, b):
            return test(a, row) or test(b, row)
        case ("AND", a, b):
            return test(a, row) and test(b, row)
        case ("NOT", a):
            return not test(a, row)
        case ("CMP", field, op, value):
            if field not in row:
                raise SqlError(f"no column {field!r}")
            v = row[field]
            return {"=": v == value, "!=": v != value, "<": v < value, ">": v > value,
                    "<=": v <= value, ">=": v >= value}[op]


def aggregate(kind, field, rows):
    if kind == "COUNT":
        return len(rows)
    vals = [r[field] for r in rows]
    if kind == "SUM":
        return sum(vals)
    if kind == "AVG":
        return round(sum(vals) / len(vals), 2)
    return min(vals) if kind == "MIN" else max(vals)


def run(text):
    q = Query(text)
    if q.table not in TABLES:
        raise SqlError(f"no table {q.table!r}")
    rows = [r for r in TABLES[q.table] if q.where is None or test(q.where, r)]
    names = ["*" if a == "*" else (f"{k.lower()}({a})" if k != "COL" else a) for k, a in q.cols]
    if q.group or any(k != "COL" for k, _ in q.cols):
        groups: dict = {}
        for r in rows:
            groups.setdefault(r[q.group] if q.group else None, []).append(r)
        out = [[g[0][a] if k == "COL" else aggregate(k, a, g) for k, a in q.cols] for g in groups.values()]
    elif q.cols == [("COL", "*")]:
        names = list(TABLES[q.table][0])
        out = [[r[n] for n in names] for r in rows]
    else:
        out = [[r[a] for _, a in q.cols] for r in rows]
    if q.order:
        idx = names.index(q.order) if q.order in names else None
        if idx is None:
            raise SqlError(f"cannot order by {q.order!r}")
        out.sort(key=lambda row: row[idx], reverse=q.desc)
    if q.limit is not None:
        out = out[:q.limit]
    return names, out


def show(names, rows):
    cells = [[str(v) for v in row] for row in rows]
    widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]
    print(" | ".join(n.ljust(w) for n, w in zip(names, widths)))
    print("-+-".join("-" * w for w in widths))
    for r, raw in zip(cells, rows):
        print(" | ".join(c.rjust(w) if isinstance(v, (int, float)) else c.ljust(w)
                         for c, w, v in zip(r, widths, raw)))
    print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


QUERIES = [
    "SELECT name, age FROM people WHERE city = 'London' ORDER BY age DESC",
    "SELECT * FROM people WHERE age < 30 AND NOT city = 'Paris'",
    "SELECT city, COUNT(*), AVG(salary), MAX(age) FROM people GROUP BY city ORDER BY city",
    "select name, salary from people where (age >= 35 or salary > 6000.5) and id != 3 order by salary limit 2",
    "SELECT SUM(salary), MIN(age) FROM people",
    "SELECT name FROM people WHERE age > 100",
    "SELECT name FROM staff",
    "SELECT name FROM people WHERE height > 3",
    "SELECT name people",
    "SELECT name FROM people ORDER BY wage",
    "SELECT name FROM people WHERE name ~ 'A'",
]
for text in QUERIES:
    print(f"sql> {text}")
    try:
        show(*run(text))
    except SqlError as e:
        print(f"error: {e}")
    print()
