#!/usr/bin/env python3.13
"""Conformance test: krait's parser against CPython 3.13's on the whole standard library.

For every .py file under the running interpreter's library directory (sys.prefix/lib/python3.13,
site-packages included), compares `krait parse --dump-ast FILE` with CPython's
`ast.dump(ast.parse(open(FILE, 'rb').read()))`:

  * CPython accepts the file: krait must exit 0 and print exactly that dump (plus a newline).
  * CPython rejects it: krait must exit 1 with a diagnostic `FILE:LINE:` naming the line of
    CPython's SyntaxError. CPython reports decoding errors (unknown encoding, a BOM with a non-UTF-8
    coding declaration) at line 0 when ast.parse is given bytes, but at line 1 when it runs the
    file; the coding declaration is on line 1 or 2. So for line 0, krait may name line 0, 1 or 2.

Usage: stdlib_ast.py KRAIT [--jobs N] [PATH...]
  PATH   files or directories to check instead of the whole library (for debugging).
Prints a summary and the first 20 mismatches with a diff excerpt. Exit status: 0 when every file
matches, 1 on any mismatch, 2 on bad usage, 77 (ctest's skip code) when not run by CPython 3.13.
"""

import argparse
import ast
import concurrent.futures
import difflib
import os
import re
import subprocess
import sys
import sysconfig

SKIP = 77
SHOWN_MISMATCHES = 20
DIFF_LINES = 14
KRAIT_TIMEOUT = 60  # seconds for one file


def collect(paths):
    """Every .py file under 'paths' (files or directories), sorted."""
    files = []
    for path in paths:
        if os.path.isfile(path):
            files.append(path)
            continue
        for root, dirs, names in os.walk(path):
            dirs.sort()
            files.extend(os.path.join(root, n) for n in sorted(names) if n.endswith('.py'))
    return files


def cpython_result(path):
    """(dump, None) when CPython parses 'path', else (None, SyntaxError)."""
    with open(path, 'rb') as f:
        src = f.read()
    try:
        return ast.dump(ast.parse(src)), None
    except SyntaxError as e:
        return None, e


def krait_error_line(path, stderr):
    """The line number of krait's first 'path:LINE:' diagnostic, or None."""
    m = re.search(r'^' + re.escape(path) + r':(\d+):', stderr, re.M)
    return int(m.group(1)) if m else None


def accepted_lines(lineno):
    """The krait lines that match CPython's SyntaxError.lineno (see the module docstring)."""
    if lineno is None:
        return None  # CPython names no line: any line will do
    if lineno == 0:
        return {0, 1, 2}
    return {lineno}


def dump_diff(expected, actual):
    """A unified diff excerpt of two dumps, one ', '-separated item per line."""
    diff = difflib.unified_diff(expected.split(', '), actual.split(', '),
                                'cpython', 'krait', n=2, lineterm='')
    lines = list(diff)
    excerpt = lines[:DIFF_LINES]
    if len(lines) > DIFF_LINES:
        excerpt.append('... (%d more diff lines)' % (len(lines) - DIFF_LINES))
    return '\n'.join(excerpt)


def first_line(text):
    lines = text.strip().splitlines()
    return lines[0] if lines else '(no output)'


def run_krait(krait, path):
    env = dict(os.environ, NO_COLOR='1')
    try:
        return subprocess.run([krait, 'parse', '--dump-ast', path], capture_output=True,
                              env=env, timeout=KRAIT_TIMEOUT)
    except subprocess.TimeoutExpired:
        return None


def judge_rejected(path, err, proc, stderr):
    """Outcome for a file CPython rejects with SyntaxError 'err'."""
    want = 'CPython: %s at line %s' % (err.msg, err.lineno)
    if proc.returncode == 0:
        return 'mismatch', 'krait accepted it; ' + want
    if proc.returncode != 1:
        return 'mismatch', 'krait exit status %d; %s\n%s' % (proc.returncode, want, stderr)
    line = krait_error_line(path, stderr)
    lines = accepted_lines(err.lineno)
    if line is None or (lines is not None and line not in lines):
        return 'mismatch', 'krait: %s\n%s' % (first_line(stderr), want)
    return 'rejected', None


def judge_accepted(expected, proc, stderr):
    """Outcome for a file CPython parses to 'expected'."""
    if proc.returncode != 0:
        return 'mismatch', 'krait exit status %d: %s' % (proc.returncode, first_line(stderr))
    actual = proc.stdout.decode('utf-8', 'surrogateescape')
    if actual == expected + '\n':
        return 'identical', None
    if not actual.endswith('\n'):
        return 'mismatch', 'dump does not end with a newline\n' + dump_diff(expected, actual)
    return 'mismatch', dump_diff(expected, actual[:-1])


def check_file(krait, path):
    """(outcome, path, detail): outcome is 'identical', 'rejected' or 'mismatch'."""
    expected, err = cpython_result(path)
    proc = run_krait(krait, path)
    if proc is None:
        return 'mismatch', path, 'krait timed out after %d s' % KRAIT_TIMEOUT
    if proc.returncode < 0:
        return 'mismatch', path, 'krait died of signal %d' % -proc.returncode
    stderr = proc.stderr.decode('utf-8', 'replace')
    if err is not None:
        outcome, detail = judge_rejected(path, err, proc, stderr)
    else:
        outcome, detail = judge_accepted(expected, proc, stderr)
    return outcome, path, detail


def report(results, root):
    counts = {'identical': 0, 'rejected': 0, 'mismatch': 0}
    for outcome, _, _ in results:
        counts[outcome] += 1
    print('stdlib_ast: %d files, %d identical, %d rejected as CPython, %d mismatched'
          % (len(results), counts['identical'], counts['rejected'], counts['mismatch']))
    mismatches = [r for r in results if r[0] == 'mismatch']
    for _, path, detail in mismatches[:SHOWN_MISMATCHES]:
        print('\n--- %s' % os.path.relpath(path, root))
        print(detail)
    if len(mismatches) > SHOWN_MISMATCHES:
        print('\n... and %d more mismatched files' % (len(mismatches) - SHOWN_MISMATCHES))
    return counts['mismatch']


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('krait', help='path of the krait binary')
    ap.add_argument('paths', nargs='*', help='files or directories (default: the whole library)')
    ap.add_argument('--jobs', type=int, default=2, help='parallel workers (default 2)')
    args = ap.parse_args()
    if sys.version_info[:2] != (3, 13):
        print('stdlib_ast: needs CPython 3.13, running %s; skipped' % sys.version.split()[0])
        return SKIP
    if not os.access(args.krait, os.X_OK):
        print('stdlib_ast: %s is not an executable krait binary' % args.krait, file=sys.stderr)
        return 2
    root = sysconfig.get_path('stdlib')
    files = collect([os.path.abspath(p) for p in args.paths] or [root])
    krait = os.path.abspath(args.krait)
    with concurrent.futures.ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(check_file, [krait] * len(files), files, chunksize=8))
    return 1 if report(results, root) else 0


if __name__ == '__main__':
    sys.exit(main())
