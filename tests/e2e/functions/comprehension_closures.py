# Lambdas made in list/set/dict comprehensions that capture the comprehension's variable: the
# comprehension has one cell per variable (not one per iteration), so every closure sees the
# variable's last value once the comprehension is done.
adders = [lambda y: x + y for x in range(3)]
print([f(10) for f in adders])

x = "module x"
fs = [lambda: x for x in range(4)]
print([f() for f in fs], x)

# Called inside the comprehension, a closure sees the value of that iteration.
print([(lambda: x * 10)() for x in range(3)])

# A default argument copies the value instead.
print([f() for f in [lambda x=x: x for x in range(3)]])

# Tuple targets, conditions, several generators.
pairs = [lambda: (k, v) for k, v in {"a": 1, "b": 2}.items()]
print([p() for p in pairs])
odd = [lambda: n for n in range(7) if n % 2]
print(len(odd), [f() for f in odd])
grid = [lambda: (i, j) for i in range(2) for j in range(3)]
print([g() for g in grid])

# Dict and set comprehensions.
table = {k: (lambda: k * 2) for k in "abc"}
print({k: f() for k, f in table.items()})
funcs = {lambda: c for c in "xyz"}
print(sorted(f() for f in funcs))

# A nested comprehension: the inner one runs anew for each outer item, with a fresh cell.
nested = [[lambda: (a, b) for b in range(2)] for a in range(3)]
print([[f() for f in row] for row in nested])

# A comprehension variable read by a generator expression or comprehension inside it.
print([sum(v * w for w in range(3)) for v in range(4)])
print([list(map(lambda m: m + base, range(2))) for base in (10, 20)])


# In functions: the enclosing function's variables and its own variable of the same name.
def make(n):
    x = "local x"
    fs = [lambda: x * n for x in range(1, 4)]
    gs = [lambda: n + i for i in range(3)]
    return [f() for f in fs], [g() for g in gs], x


print(make(5))


def counters():
    fs = []
    for k in range(2):
        fs.append([lambda: (k, j) for j in range(2)])
    return [[f() for f in row] for row in fs]


print(counters())


def rebinds_after():
    fs = [lambda: y for y in range(3)]
    y = 100  # the function's own y, not the comprehension's
    return [f() for f in fs], y


print(rebinds_after())


# In a generator function, across a yield.
def gen():
    fs = [lambda: q for q in "pq"]
    yield fs[0]()
    yield [f() for f in fs]


print(list(gen()))


# In a method and a class body.
class Maker:
    base = 7
    made = [lambda: i for i in range(3)]

    def make(self):
        return [lambda: self.base + i for i in range(3)]


print([f() for f in Maker.made], [f() for f in Maker().make()])


# A fresh cell each time an inner comprehension runs.
rows = [[lambda: b for b in range(r)] for r in (1, 2, 3)]
print([[f() for f in row] for row in rows])


def rows_in_function():
    rows = [[lambda: b for b in range(r)] for r in (1, 2, 3)]
    return [[f() for f in row] for row in rows]


print(rows_in_function())

# The closure's own comprehension reads the captured variable; a lambda inside a lambda.
deep = [lambda: [x + k for k in range(2)] for x in range(2)]
print([f() for f in deep])
curried = [lambda a: lambda b: (a, b, z) for z in range(2)]
print([f(1)(2) for f in curried])
