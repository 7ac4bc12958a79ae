def square(x):
    return x * x


def twice(f, x):
    return f(f(x))


def apply_all(funcs, value):
    return [f(value) for f in funcs]


ops = [square, abs, str]
print(twice(square, 3))
print(apply_all(ops, -4))
table = {"sq": square, "neg": lambda v: -v}
for name in sorted(table):
    print(name, table[name](7))
alias = square
print(alias(12), alias is square, square.__name__, callable(square))
print(list(map(square, range(5))))
