#!/usr/bin/env python3.13
"""Parse benchmark: krait's parser against CPython 3.13's on the whole standard library.

Usage: PYENV_VERSION=3.13.0 python3.13 bench/parse/run.py [KRAIT] [--runs N] [--root DIR]
  KRAIT   the krait binary (default: build/krait in the repository)
  --runs  timed runs per side; the median is reported (default 5)
  --root  directory of .py files (default: this interpreter's standard library)

Both sides parse the same files: every .py under the root that CPython parses (the few it
rejects are left out). All files are read first, so both sides find them in the page cache.
  krait    one `krait parse FILE...` process over all files, timed by wall clock from spawn to
           exit: process start, reading and decoding each file, tokenizing and parsing.
  CPython  this process: compile(source_bytes, path, 'exec', flags=ast.PyCF_ONLY_AST) for each
           file, the bytes already in memory: decoding, tokenizing, parsing and building the
           ast module's Python objects.
"""

import argparse
import ast
import os
import statistics
import subprocess
import sys
import sysconfig
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def collect(root):
    files = []
    for d, dirs, names in os.walk(root):
        dirs.sort()
        files.extend(os.path.join(d, n) for n in sorted(names) if n.endswith('.py'))
    return files


def load_parsable(files):
    """(paths, sources) of the files CPython parses, and how many it rejects."""
    paths, sources, rejected = [], [], 0
    for path in files:
        with open(path, 'rb') as f:
            src = f.read()
        try:
            compile(src, path, 'exec', flags=ast.PyCF_ONLY_AST)
        except SyntaxError:
            rejected += 1
            continue
        paths.append(path)
        sources.append(src)
    return paths, sources, rejected


def time_krait(krait, paths):
    start = time.perf_counter()
    proc = subprocess.run([krait, 'parse', *paths], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        err = proc.stderr.decode('utf-8', 'replace').strip().splitlines()
        sys.exit('parse bench: krait exited with status %d: %s'
                 % (proc.returncode, err[0] if err else '(no message)'))
    return elapsed


def time_cpython(paths, sources):
    start = time.perf_counter()
    for path, src in zip(paths, sources):
        compile(src, path, 'exec', flags=ast.PyCF_ONLY_AST)
    return time.perf_counter() - start


def median_time(fn, runs):
    return statistics.median(fn() for _ in range(runs))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('krait', nargs='?', default=os.path.join(REPO, 'build', 'krait'))
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--root', default=sysconfig.get_path('stdlib'))
    args = ap.parse_args()
    if sys.version_info[:2] != (3, 13):
        sys.exit('parse bench: run me with CPython 3.13 (PYENV_VERSION=3.13.0 python3.13)')
    if not os.access(args.krait, os.X_OK):
        sys.exit('parse bench: no krait binary at %s (build it, or pass its path)' % args.krait)
    paths, sources, rejected = load_parsable(collect(args.root))
    nbytes = sum(len(s) for s in sources)
    krait_s = median_time(lambda: time_krait(args.krait, paths), args.runs)
    cpython_s = median_time(lambda: time_cpython(paths, sources), args.runs)
    mb = nbytes / 1e6
    print('parse bench: %d files, %d bytes (%.1f MB) under %s; %d files CPython rejects left out'
          % (len(paths), nbytes, mb, args.root, rejected))
    print('  krait parse        %8.3f s  %7.1f MB/s  (median of %d)'
          % (krait_s, mb / krait_s, args.runs))
    print('  CPython ast.parse  %8.3f s  %7.1f MB/s  (median of %d)'
          % (cpython_s, mb / cpython_s, args.runs))
    print('  ratio              %8.2fx  (CPython time / krait time; > 1 means krait is faster)'
          % (cpython_s / krait_s))


if __name__ == '__main__':
    main()
