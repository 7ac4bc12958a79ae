#!/usr/bin/env python3
# gen_rt_str_cases.py: writes the expectation tables of the str, bytes and format unit tests
# (tests/unit/rt_{str,bytes,format}_cases.inc) by running each case under CPython 3.13.
#
# Run as PYENV_VERSION=3.13.0 PYTHONHASHSEED=0 python3.13 -W ignore scripts/gen_rt_str_cases.py
# (krait's str and bytes hashes are CPython's under PYTHONHASHSEED=0). A case is a Python
# expression (scripts/rt_str_cases/*.txt); its receiver and arguments are evaluated here and rebuilt in C from literals, and
# its result is recorded as repr(result), or "!Type: message" when it raises. The C harness
# (tests/unit/rt_str_harness.h) performs the same operation with the runtime and compares.
import ast
import os
import sys

sys.set_int_max_str_digits(0)


def ba_after(ba, meth, *args):
    # Mutating bytearray methods: the bytearray after the call.
    getattr(ba, meth)(*args)
    return ba


def setitem(ba, key, value):
    ba[key] = value
    return ba


def delitem(ba, key):
    del ba[key]
    return ba


def c_string(b):
    out = []
    for ch in b:
        if ch in b'"\\':
            out.append("\\" + chr(ch))
        elif 32 <= ch < 127 and ch != ord("?"):
            out.append(chr(ch))
        else:
            out.append("\\%03o" % ch)
    return '"' + "".join(out) + '"'


def c_value(v):
    if v is None:
        return "KR_NONE"
    if v is True or v is False:
        return "KR_TRUE" if v else "KR_FALSE"
    if isinstance(v, int):
        return 'I("%d")' % v
    if isinstance(v, float):
        return 'F(%s)' % repr(v).replace("inf", "INFINITY").replace("nan", "NAN")
    if isinstance(v, str):
        b = v.encode("utf-8", "surrogatepass")
        return "SN(%s, %d)" % (c_string(b), len(b))
    if isinstance(v, bytearray):
        return "BA(%s, %d)" % (c_string(bytes(v)), len(v))
    if isinstance(v, bytes):
        return "B(%s, %d)" % (c_string(v), len(v))
    if isinstance(v, tuple):
        return "TUP(%d%s)" % (len(v), "".join(", " + c_value(x) for x in v))
    if isinstance(v, list):
        return "LIST(%d%s)" % (len(v), "".join(", " + c_value(x) for x in v))
    if isinstance(v, dict):
        items = "".join(", %s, %s" % (c_value(k), c_value(x)) for k, x in v.items())
        return "DICT(%d%s)" % (len(v), items)
    if isinstance(v, slice):
        return "SLICE(%s, %s, %s)" % (c_value(v.start), c_value(v.stop), c_value(v.step))
    if v is bytes:
        return "TYPE(kr_bytes_type)"
    if v is bytearray:
        return "TYPE(kr_bytearray_type)"
    if v is str:
        return "TYPE(kr_str_type)"
    raise ValueError("no C form for %r" % (v,))


OPS = {ast.Mod: "%", ast.Add: "+", ast.Mult: "*"}
CMPS = {ast.In: "in", ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">",
        ast.GtE: ">="}
FUNCS = {"format", "repr", "hash", "len", "list", "ascii", "str", "bytes", "bytearray",
         "ba_after", "setitem", "delitem"}


def ev(node):
    return eval(compile(ast.Expression(node), "<case>", "eval"))


def split_case(src):
    # (op, name, receiver, args, keyword names) of expression 'src'.
    e = ast.parse(src, mode="eval").body
    if isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute):
        return ("meth", e.func.attr, ev(e.func.value), [ev(a) for a in e.args]
                + [ev(k.value) for k in e.keywords], [k.arg for k in e.keywords])
    if isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id in FUNCS:
        args = [ev(a) for a in e.args] + [ev(k.value) for k in e.keywords]
        name = e.func.id
        if name in ("ba_after",):
            return ("after", args[1], args[0], args[2:], [])
        return ("func", name, args[0] if args else None, args[1:], [k.arg for k in e.keywords])
    if isinstance(e, ast.BinOp):
        return ("binop", OPS[type(e.op)], ev(e.left), [ev(e.right)], [])
    if isinstance(e, ast.Compare):
        # 'a in b' is b.__contains__(a): the container is the receiver.
        op = CMPS[type(e.ops[0])]
        if op == "in":
            return ("binop", "in", ev(e.comparators[0]), [ev(e.left)], [])
        return ("binop", op, ev(e.left), [ev(e.comparators[0])], [])
    if isinstance(e, ast.Subscript):
        key = e.slice
        k = slice(*(ev(p) if p else None for p in (key.lower, key.upper, key.step))) \
            if isinstance(key, ast.Slice) else ev(key)
        return ("func", "getitem", ev(e.value), [k], [])
    raise ValueError("unsupported case " + src)


def expected(src):
    try:
        return repr(eval(src))
    except Exception as exc:
        return "!%s: %s" % (type(exc).__name__, exc)


def c_case(src):
    op, name, recv, args, kws = split_case(src)
    parts = [c_string(src.encode()), '"%s"' % op, c_string(name.encode()), c_value(recv),
             str(len(args)), c_string(",".join(kws).encode()) if kws else "NULL",
             c_string(expected(src).encode("utf-8", "surrogatepass"))]
    parts += [c_value(a) for a in args]
    return "CASE(%s);" % ", ".join(parts)


def write(name, cases):
    path = os.path.join(os.path.dirname(__file__), "..", "tests", "unit", name)
    with open(path, "w") as f:
        f.write("// Generated by scripts/gen_rt_str_cases.py with CPython %s; do not edit.\n"
                % sys.version.split()[0])
        for src in cases:
            f.write(c_case(src) + "\n")


def load(name):
    with open(os.path.join(os.path.dirname(__file__), "rt_str_cases", name)) as f:
        return [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]


if __name__ == "__main__":
    for group in ("str", "format", "bytes"):
        write("rt_%s_cases.inc" % group, load(group + ".txt"))
