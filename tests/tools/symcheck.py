#!/usr/bin/env python3
"""symcheck: compares krait's symbol tables and compile-time errors with CPython 3.13's.

Developer tool; the test suite never needs it. Run it with CPython 3.13:

    PYENV_VERSION=3.13.0 python3.13 tests/tools/symcheck.py errors [--krait BIN]
        For every tests/errors/*.py: CPython's compile() must raise a SyntaxError whose line
        and column are the ones in the first line of the .err file (and the same message), and
        `NO_COLOR=1 krait check NAME.py` (run in tests/errors) must print exactly the .err file.
        --update rewrites the .err files from krait's output first (review the diff).

    PYENV_VERSION=3.13.0 python3.13 tests/tools/symcheck.py symtable [--krait BIN] PATH...
        For every .py file under PATH that CPython compiles: `krait check` must accept it, and
        `krait check --dump-symtable` must print the same tables as CPython's _symtable module
        (dumped below in krait's format). Prints the files that differ and the counts.
"""
import argparse
import concurrent.futures
import difflib
import os
import re
import subprocess
import sys
import _symtable

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
KINDS = ["function", "class", "module", "annotation", "type alias", "type parameters",
         "type variable"]


def dump_table(t, depth, out):
    """Writes one table as krait's scope_dump does."""
    ind = "  " * depth
    out.append(f"{ind}{KINDS[t.type]} {t.name} line {t.lineno}{' nested' if t.nested else ''}")
    for name in sorted(t.symbols):
        out.append(f"{ind}  {name} 0x{t.symbols[name]:x}")
    if t.varnames:
        out.append(f"{ind}  params: " + " ".join(t.varnames))
    for child in t.children:
        dump_table(child, depth + 1, out)


def cpython_dump(path):
    with open(path, "rb") as f:
        src = f.read()
    top = _symtable.symtable(src, path, "exec")
    out = []
    dump_table(top, 0, out)
    return "\n".join(out) + "\n"


def cpython_compiles(path):
    try:
        with open(path, "rb") as f:
            compile(f.read(), path, "exec", dont_inherit=True)
        return True
    except (SyntaxError, ValueError, UnicodeDecodeError):
        return False


def check_symtable_file(krait, path):
    """Returns (status, detail): status is 'same', 'differ', 'rejected' or 'skipped'."""
    if not cpython_compiles(path):
        return "skipped", ""
    expected = cpython_dump(path)
    env = dict(os.environ, NO_COLOR="1")
    r = subprocess.run([krait, "check", "--dump-symtable", path], capture_output=True, env=env)
    if r.returncode != 0:
        return "rejected", r.stderr.decode("utf-8", "replace")[:2000]
    actual = r.stdout.decode("utf-8", "replace")
    if actual == expected:
        return "same", ""
    diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(), "cpython", "krait",
                                lineterm="", n=2)
    return "differ", "\n".join(list(diff)[:40])


def cmd_symtable(args):
    files = []
    for p in args.paths:
        if os.path.isdir(p):
            for dirpath, _, names in os.walk(p):
                files += [os.path.join(dirpath, n) for n in sorted(names) if n.endswith(".py")]
        else:
            files.append(p)
    counts = {"same": 0, "differ": 0, "rejected": 0, "skipped": 0}
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for path, (status, detail) in zip(files, pool.map(
                lambda f: check_symtable_file(args.krait, f), files)):
            counts[status] += 1
            if status in ("differ", "rejected") and not args.quiet:
                print(f"== {status}: {path}\n{detail}")
    print(f"files: {len(files)}  same: {counts['same']}  differ: {counts['differ']}  "
          f"rejected by krait: {counts['rejected']}  not compiled by CPython: {counts['skipped']}")
    return 0 if counts["differ"] == 0 and counts["rejected"] == 0 else 1


ERR_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): error: (?P<msg>.*)$")


def cmd_errors(args):
    d = os.path.join(ROOT, "tests", "errors")
    env = dict(os.environ, NO_COLOR="1")
    bad = 0
    names = sorted(n for n in os.listdir(d) if n.endswith(".py"))
    for name in names:
        path = os.path.join(d, name)
        err_path = path[:-3] + ".err"
        r = subprocess.run([args.krait, "check", name], cwd=d, capture_output=True, env=env)
        got = r.stderr.decode("utf-8", "replace")
        if args.update:
            with open(err_path, "w") as f:
                f.write(got)
        with open(err_path) as f:
            expected = f.read()
        problems = []
        if got != expected:
            problems.append("krait's output differs from the .err file")
        if r.returncode != 1:
            problems.append(f"krait exited with {r.returncode}")
        with open(path, "rb") as f:
            src = f.read()
        try:
            compile(src, name, "exec", dont_inherit=True)
            problems.append("CPython compiles it")
        except SyntaxError as e:
            m = ERR_LINE.match(expected.splitlines()[0] if expected else "")
            if not m:
                problems.append("no error line in .err")
            else:
                # CPython's offset counts characters from 1; krait's column counts UTF-8 bytes from
                # 1, so compare on the line's encoded prefix.
                line = src.decode("utf-8").splitlines()[e.lineno - 1] if e.lineno else ""
                offset = len(line[:e.offset - 1].encode("utf-8")) + 1 if e.offset else 1
                if (int(m["line"]), int(m["col"])) != (e.lineno, offset):
                    problems.append(f"CPython reports {e.lineno}:{offset}, .err says "
                                    f"{m['line']}:{m['col']}")
                if m["msg"] != e.msg:
                    problems.append(f"CPython says {e.msg!r}, .err says {m['msg']!r}")
        if problems:
            bad += 1
            print(f"{name}: " + "; ".join(problems))
    print(f"error tests: {len(names)}  mismatches: {bad}")
    return 1 if bad else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--krait", default=os.path.join(ROOT, "build", "krait"))
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("errors")
    e.add_argument("--update", action="store_true")
    s = sub.add_parser("symtable")
    s.add_argument("--quiet", action="store_true")
    s.add_argument("paths", nargs="+")
    args = ap.parse_args()
    args.krait = os.path.abspath(args.krait)
    return cmd_errors(args) if args.cmd == "errors" else cmd_symtable(args)


if __name__ == "__main__":
    sys.exit(main())
