# An interpreter for a tiny Lisp: reader, environments as classes, special forms (quote, if,
# define, lambda, let, begin, set!), symbols as str, closures, tail calls via a loop, and error
# reporting; the last program calls an undefined symbol and the error escapes.
# krait-test: cycles


class LispError(Exception):
    pass


def tokenize(src: str):
    for tok in src.replace("(", " ( ").replace(")", " ) ").replace("'", " ' ").split():
        yield tok


def read(tokens):
    tok = next(tokens)
    if tok == "(":
        out = []
        while True:
            try:
                out.append(read(tokens))
            except LispError as e:
                if str(e) == ")":
                    return out
                raise
    if tok == ")":
        raise LispError(")")
    if tok == "'":
        return ["quote", read(tokens)]
    try:
        return int(tok)
    except ValueError:
        try:
            return float(tok)
        except ValueError:
            return tok


def read_all(src):
    tokens = tokenize(src)
    forms = []
    while True:
        try:
            forms.append(read(tokens))
        except StopIteration:
            return forms


class Env:
    def __init__(self, names=(), values=(), outer=None):
        self.vars = dict(zip(names, values))
        self.outer = outer

    def find(self, name):
        env = self
        while env is not None:
            if name in env.vars:
                return env
            env = env.outer
        raise LispError(f"undefined symbol: {name}")


class Lambda:
    def __init__(self, params, body, env, name="lambda"):
        self.params, self.body, self.env, self.name = params, body, env, name

    def __repr__(self):
        return f"<{self.name}/{len(self.params)}>"


def standard_env():
    env = Env()
    env.vars.update({
        "+": lambda *a: sum(a), "*": lambda *a: a[0] if len(a) == 1 else a[0] * a[1],
        "-": lambda a, b=None: -a if b is None else a - b, "/": lambda a, b: a / b,
        "<": lambda a, b: a < b, "=": lambda a, b: a == b, ">": lambda a, b: a > b,
        "car": lambda x: x[0], "cdr": lambda x: x[1:], "cons": lambda a, b: [a] + b,
        "list": lambda *a: list(a), "null?": lambda x: x == [], "mod": lambda a, b: a % b,
        "display": lambda x: print(to_str(x)),
    })
    return env


def to_str(x):
    if x is True:
        return "#t"
    if x is False:
        return "#f"
    if isinstance(x, list):
        return "(" + " ".join(map(to_str, x)) + ")"
    return str(x)


def evaluate(x, env):
    while True:
        if isinstance(x, str):
            return env.find(x).vars[x]
        if not isinstance(x, list):
            return x
        if not x:
            raise LispError("cannot evaluate ()")
        op, *args = x
        if op == "quote":
            return args[0]
        if op == "if":
            test, conseq, alt = args
            x = conseq if evaluate(test, env) is not False else alt
            continue
        if op == "define":
            name, value = args
            if isinstance(name, list):
                env.vars[name[0]] = Lambda(name[1:], value, env, name[0])
            else:
                env.vars[name] = evaluate(value, env)
            return None
        if op == "set!":
            env.find(args[0]).vars[args[0]] = evaluate(args[1], env)
            return None
        if op == "lambda":
            return Lambda(args[0], args[1], env)
        if op == "let":
            names = [b[0] for b in args[0]]
            vals = [evaluate(b[1], env) for b in args[0]]
            x, env = args[1], Env(names, vals, env)
            continue
        if op == "begin":
            for e in args[:-1]:
                evaluate(e, env)
            x = args[-1]
            continue
        f = evaluate(op, env)
        vals = [evaluate(a, env) for a in args]
        if isinstance(f, Lambda):
            if len(vals) != len(f.params):
                raise LispError(f"{f.name} expects {len(f.params)} arguments, got {len(vals)}")
            x, env = f.body, Env(f.params, vals, f.env)
            continue
        if callable(f):
            return f(*vals)
        raise LispError(f"not a procedure: {to_str(f)}")


PROGRAM = """
(define (fact n) (if (< n 2) 1 (* n (fact (- n 1)))))
(fact 30)
(define (loop n acc) (if (= n 0) acc (loop (- n 1) (+ acc n))))
(loop 5000 0)
(define (map f xs) (if (null? xs) '() (cons (f (car xs)) (map f (cdr xs)))))
(map (lambda (x) (* x x)) '(1 2 3 4 5))
(define (make-counter) (let ((n 0)) (lambda () (begin (set! n (+ n 1)) n))))
(define c (make-counter))
(list (c) (c) (c))
(let ((x 2) (y 3.5)) (list x y (* x y) (/ x y)))
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(map fib '(0 1 2 3 4 5 6 7 8 9 10 15))
(display '(nested (list "of" 3) items))
fact
(if (> 1 2) 'yes 'no)
(define (filter p xs) (if (null? xs) '() (if (p (car xs)) (cons (car xs) (filter p (cdr xs))) (filter p (cdr xs)))))
(filter (lambda (n) (= 0 (mod n 3))) (map fib '(1 2 3 4 5 6 7 8 9 10 11 12)))
"""
env = standard_env()
for form in read_all(PROGRAM):
    result = evaluate(form, env)
    if result is not None:
        print(f"{to_str(form)[:40]:<40} => {to_str(result)}")
for bad in ["(fact 1 2)", "(1 2)", "()", "(car '())"]:
    try:
        print(to_str(evaluate(read_all(bad)[0], env)))
    except LispError as e:
        print(f"{bad:<12} error: {e}")
    except IndexError as e:
        print(f"{bad:<12} IndexError: {e}")
evaluate(read_all("(undefined-thing 1)")[0], env)
