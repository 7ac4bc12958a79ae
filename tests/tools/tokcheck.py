#!/usr/bin/env python3.13
"""Compares `krait tokenize` with CPython 3.13's tokenize module, file by file.

usage: PYENV_VERSION=3.13.0 python3.13 tests/tools/tokcheck.py KRAIT PATH... [-v]

Each PATH is a .py file or a directory searched for them (the standard library:
python3.13 -c "import sysconfig; print(sysconfig.get_paths()['stdlib'])"). Files that
ast.parse() rejects are counted and skipped (tokenize, run with extra tokens, is lenient where the
parser is not), showing CPython's error beside krait's. CPython's COMMENT, NL and ENCODING tokens
have no counterpart in krait; OP tokens are compared by their exact type (LPAR...), keywords as
KW_<NAME>, positions in UTF-8 bytes, the text of every token but NEWLINE (whose "\\r\\n" krait
sees translated). Prints each mismatching file with its first difference, then the counts; exits
1 if any file differs.
"""
import ast
import io
import keyword
import os
import subprocess
import sys
import tokenize

SKIP = {tokenize.COMMENT, tokenize.NL, tokenize.ENCODING}


def python_tokens(data):
    text = tokenize.detect_encoding(io.BytesIO(data).readline)[0]
    source = data.decode(text)
    if source.startswith("\ufeff"):
        source = source[1:]
    lines = [l + "\n" for l in source.replace("\r\n", "\n").replace("\r", "\n").split("\n")]

    def byte_col(line, col):
        if line - 1 >= len(lines):
            return col
        return len(lines[line - 1][:col].encode("utf-8"))

    out = []
    for t in tokenize.tokenize(io.BytesIO(data).readline):
        if t.type in SKIP:
            continue
        kind = tokenize.tok_name[t.exact_type]
        if t.type == tokenize.NAME and keyword.iskeyword(t.string):
            kind = "KW_" + t.string.upper()
        span = (t.start[0], byte_col(*t.start), t.end[0], byte_col(*t.end))
        out.append((kind, span, None if kind == "NEWLINE" else t.string))
    return out


def krait_tokens(krait, path):
    res = subprocess.run([krait, "tokenize", path], capture_output=True)
    out = []
    for line in res.stdout.decode("utf-8", "surrogateescape").split("\n"):
        if not line:
            continue
        kind, span, text = line.split(" ", 2)
        a, b = span.split("-")
        span = tuple(int(x) for x in a.split(":") + b.split(":"))
        out.append((kind, span, None if kind == "NEWLINE" else ast.literal_eval(text)))
    return out, res.returncode, res.stderr.decode("utf-8", "replace")


def files_of(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                for n in sorted(names):
                    if n.endswith(".py"):
                        yield os.path.join(root, n)
        else:
            yield p


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    verbose = "-v" in sys.argv
    krait, paths = args[0], args[1:]
    same = differ = rejected = 0
    for path in files_of(paths):
        with open(path, "rb") as f:
            data = f.read()
        try:
            ast.parse(data, path)
        except (SyntaxError, ValueError) as e:
            rejected += 1
            got, status, err = krait_tokens(krait, path)
            last = got[-1][2] if got and got[-1][0] == "ERROR" else err.strip()
            print(f"rejected {path}:\n  cpython: {e}\n  krait:   {last}")
            continue
        expected = python_tokens(data)
        got, status, err = krait_tokens(krait, path)
        if got == expected and status == 0:
            same += 1
            if verbose:
                print("ok", path)
            continue
        differ += 1
        pairs = enumerate(zip(got, expected))
        i = next((i for i, (a, b) in pairs if a != b), min(len(got), len(expected)))
        print(f"DIFF {path}: token {i}")
        print("  krait:  ", got[i] if i < len(got) else "(end)", err.strip()[:200])
        print("  cpython:", expected[i] if i < len(expected) else "(end)")
    print(f"{same} files match, {differ} differ, {rejected} rejected by ast.parse()")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
