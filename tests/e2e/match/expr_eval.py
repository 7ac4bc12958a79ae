def evaluate(e, env):
    match e:
        case int(n) | float(n):
            return n
        case str(name):
            return env[name]
        case ("neg", x):
            return -evaluate(x, env)
        case ("+", a, b):
            return evaluate(a, env) + evaluate(b, env)
        case ("-", a, b):
            return evaluate(a, env) - evaluate(b, env)
        case ("*", a, b):
            return evaluate(a, env) * evaluate(b, env)
        case ("/", a, b):
            d = evaluate(b, env)
            if d == 0:
                raise ZeroDivisionError("division by zero in expression")
            return evaluate(a, env) / d
        case ("let", str(name), value, body):
            inner = dict(env)
            inner[name] = evaluate(value, env)
            return evaluate(body, inner)
        case ("sum", *terms):
            total = 0
            for t in terms:
                total += evaluate(t, env)
            return total
        case (op, *_):
            raise ValueError(f"unknown operator {op!r}")
        case _:
            raise TypeError(f"bad expression {e!r}")


def show(e):
    match e:
        case ("neg", x):
            return f"-{show(x)}"
        case (("+" | "-" | "*" | "/") as op, a, b):
            return f"({show(a)} {op} {show(b)})"
        case ("let", name, value, body):
            return f"(let {name} = {show(value)} in {show(body)})"
        case ("sum", *terms):
            parts = []
            for t in terms:
                parts.append(show(t))
            return "sum(" + ", ".join(parts) + ")"
        case _:
            return str(e)


def simplify(e):
    match e:
        case ("+", 0, x) | ("+", x, 0) | ("*", 1, x) | ("*", x, 1):
            return simplify(x)
        case ("*", 0, _) | ("*", _, 0):
            return 0
        case (op, a, b):
            return (op, simplify(a), simplify(b))
        case _:
            return e


env = {"x": 3, "y": 4.5}
exprs = [
    ("+", 1, ("*", 2, 3)),
    ("-", "x", ("neg", 2)),
    ("/", ("*", "y", 2), 3),
    ("let", "z", ("+", "x", 1), ("*", "z", "z")),
    ("sum", 1, 2, "x", ("neg", "y")),
    ("*", ("+", 0, "x"), 1),
    ("+", ("*", 0, "y"), ("*", "x", 1)),
]
for e in exprs:
    s = simplify(e)
    print(show(e), "=", evaluate(e, env), "| simplified:", show(s), "=", evaluate(s, env))

for bad in [("%", 1, 2), [1, 2], None, ("/", 1, ("-", "x", 3))]:
    try:
        print(evaluate(bad, env))
    except (ValueError, TypeError, ZeroDivisionError) as err:
        print(type(err).__name__, err)
print(evaluate(("neg", "undefined"), env))
