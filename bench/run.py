#!/usr/bin/env python3.13
"""Program benchmarks: krait against CPython 3.13, hand-written C and PyPy, in one run.

Usage: PYENV_VERSION=3.13.0 python3.13 bench/run.py [--krait PATH] [--runs N] [--only NAME...]
  --krait  the krait binary (default: build/krait in the repository)
  --runs   timed runs of each implementation; the median is reported (default 5)
  --only   run only these benchmarks (names of directories under bench/programs/)
  --pypy   the PyPy binary (default: pypy3 on PATH; --pypy '' or no PyPy leaves the column out)
  --cc     the C compiler for the hand-written versions (default: cc)

Each benchmark is a directory bench/programs/NAME/ holding NAME_typed.py (fully annotated),
NAME.py (the same program without annotations) and, for some, NAME.c (the same algorithm in
plain C). CPython runs NAME.py; its output is the reference. krait builds both Python versions
with -O2, cc builds the C with -O2, PyPy runs NAME.py. Every implementation's standard output
must equal CPython's byte for byte; a difference is reported as MISMATCH and makes the exit
status 1. A program krait cannot compile yet is reported as unsupported, with krait's first
diagnostic line, and is not an error.

Times are wall clock from spawn to exit (time.perf_counter around subprocess.run), so they
include process start-up: CPython's interpreter start, krait's runtime initialisation. Runs are
interleaved (one run of each implementation, then the next round) so that a slow spell of the
machine does not fall on one implementation only. Ratios: CPython time / krait time (above 1
means krait is faster), krait typed time / C time (how far from C krait is), CPython time /
PyPy time.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PROGRAMS = os.path.join(HERE, 'programs')
ORDER = ['fib', 'nbody', 'spectral_norm', 'fannkuch', 'binary_trees', 'richards', 'wordcount',
         'genpipe']
TIMEOUT = 300  # seconds for one run of one program


class Impl:
    """One way of running a benchmark: a command, or why there is none."""

    def __init__(self, label, cmd=None, status=None, note=None):
        self.label = label
        self.cmd = cmd          # argv to time, or None
        self.status = status    # None (fine), 'unsupported', 'build failed', 'MISMATCH', ...
        self.note = note        # one line explaining status
        self.times = []

    def median(self):
        return statistics.median(self.times) if self.times else None


def first_line(text):
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return '(no message)'


def run_program(cmd):
    """(elapsed seconds, CompletedProcess), or (None, message) when it timed out."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, 'timed out after %d s' % TIMEOUT
    return time.perf_counter() - start, proc


def check_output(impl, expected):
    """Run impl once (warm-up and check); mark it MISMATCH unless it prints `expected`."""
    elapsed, proc = run_program(impl.cmd)
    if elapsed is None:
        impl.status, impl.note = 'MISMATCH', proc
    elif proc.returncode != 0:
        impl.status = 'MISMATCH'
        impl.note = 'exit status %d: %s' % (proc.returncode,
                                            first_line(proc.stderr.decode('utf-8', 'replace')))
    elif proc.stdout != expected:
        impl.status = 'MISMATCH'
        impl.note = describe_difference(expected, proc.stdout)
    if impl.status:
        impl.cmd = None


def describe_difference(expected, got):
    exp = expected.decode('utf-8', 'replace').splitlines()
    out = got.decode('utf-8', 'replace').splitlines()
    for i in range(max(len(exp), len(out))):
        e = exp[i] if i < len(exp) else '(end of output)'
        o = out[i] if i < len(out) else '(end of output)'
        if e != o:
            return 'line %d: expected %r, got %r' % (i + 1, e, o)
    return 'outputs differ in line endings or the final newline'


def build_krait(krait, src, exe):
    proc = subprocess.run([krait, 'build', src, '-o', exe, '-O2'], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    if proc.returncode == 0:
        return None, None
    msg = first_line(proc.stderr.decode('utf-8', 'replace') or
                     proc.stdout.decode('utf-8', 'replace'))
    if msg.startswith(PROGRAMS + os.sep):
        msg = msg[len(PROGRAMS) + 1:]  # fib/fib.py:3:5: error: ...
    status = 'unsupported' if proc.returncode == 1 and 'not supported' in msg else 'build failed'
    return status, msg


def build_c(cc, src, exe):
    proc = subprocess.run([cc, '-O2', '-o', exe, src, '-lm'], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    if proc.returncode == 0:
        return None, None
    return 'build failed', first_line(proc.stderr.decode('utf-8', 'replace'))


def tool_version(cmd):
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)
    except OSError:
        return '?'
    return first_line(proc.stdout.decode('utf-8', 'replace'))


def prepare(name, args, workdir):
    """The implementations of one benchmark, built and checked against CPython's output."""
    d = os.path.join(PROGRAMS, name)
    plain = os.path.join(d, name + '.py')
    typed = os.path.join(d, name + '_typed.py')
    c_src = os.path.join(d, name + '.c')

    cpython = Impl('CPython', [sys.executable, plain])
    elapsed, ref = run_program(cpython.cmd)
    if elapsed is None or ref.returncode != 0:
        sys.exit('bench: CPython fails on %s: %s' % (
            plain, ref if elapsed is None else first_line(ref.stderr.decode('utf-8', 'replace'))))
    expected = ref.stdout
    impls = [cpython]

    # the two Python versions must be the same program
    cpython_typed = Impl('CPython typed', [sys.executable, typed])
    check_output(cpython_typed, expected)
    if cpython_typed.status:
        print('bench: MISMATCH: %s under CPython differs from %s: %s'
              % (os.path.basename(typed), os.path.basename(plain), cpython_typed.note))

    for label, src, suffix in (('krait typed', typed, '_typed'), ('krait', plain, '')):
        exe = os.path.join(workdir, name + suffix)
        status, note = build_krait(args.krait, src, exe)
        impl = Impl(label, None if status else [exe], status, note)
        if not status:
            check_output(impl, expected)
        impls.append(impl)

    if os.path.exists(c_src):
        exe = os.path.join(workdir, name + '_c')
        status, note = build_c(args.cc, c_src, exe)
        impl = Impl('C', None if status else [exe], status, note)
        if not status:
            check_output(impl, expected)
    else:
        impl = Impl('C', None, 'none', None)
    impls.append(impl)

    if args.pypy:
        impl = Impl('PyPy', [args.pypy, plain])
        check_output(impl, expected)
        impls.append(impl)
    return impls, cpython_typed.status is None


def fmt_time(impl):
    if impl.status == 'none':
        return '-'
    if impl.status:
        return impl.status
    return '%.3f' % impl.median()


def fmt_ratio(num, den):
    if num is None or den is None or den == 0:
        return ''
    return '%.2fx' % (num / den)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--krait', default=os.path.join(REPO, 'build', 'krait'))
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--only', nargs='+', metavar='NAME')
    ap.add_argument('--pypy', default=shutil.which('pypy3'))
    ap.add_argument('--cc', default=os.environ.get('CC', 'cc'))
    args = ap.parse_args()
    if sys.version_info[:2] != (3, 13):
        sys.exit('bench: run me with CPython 3.13 (PYENV_VERSION=3.13.0 python3.13)')
    if not os.access(args.krait, os.X_OK):
        sys.exit('bench: no krait binary at %s (build it, or pass --krait PATH)' % args.krait)
    args.krait = os.path.abspath(args.krait)
    names = args.only or ORDER
    for name in names:
        if not os.path.isfile(os.path.join(PROGRAMS, name, name + '.py')):
            sys.exit('bench: no benchmark %r (known: %s)' % (name, ', '.join(ORDER)))
    if args.runs < 1:
        sys.exit('bench: --runs must be at least 1')

    print('CPython  %s' % sys.version.split()[0])
    print('krait    %s' % tool_version([args.krait, '--version']))
    print('cc       %s' % tool_version([args.cc, '--version']))
    if args.pypy:
        print('PyPy     %s' % tool_version(
            [args.pypy, '-c', 'import sys; print(sys.version.replace(chr(10), " "))']))
    else:
        print('PyPy     not found; its column is left out')
    print('%d timed runs of each implementation, interleaved; medians in seconds\n' % args.runs)

    rows = []
    failed = False
    with tempfile.TemporaryDirectory(prefix='krait-bench-') as workdir:
        for name in names:
            print('%s: building and checking...' % name, file=sys.stderr, flush=True)
            impls, pair_ok = prepare(name, args, workdir)
            failed |= not pair_ok
            failed |= any(impl.status == 'MISMATCH' for impl in impls)
            timed = [impl for impl in impls if impl.cmd]
            for r in range(args.runs):
                print('%s: run %d of %d' % (name, r + 1, args.runs), file=sys.stderr, flush=True)
                for impl in timed:
                    elapsed, proc = run_program(impl.cmd)
                    if elapsed is None or proc.returncode != 0:
                        impl.status, impl.cmd = 'MISMATCH', None
                        impl.note = proc if elapsed is None else 'exit status %d' % proc.returncode
                        failed = True
                        continue
                    impl.times.append(elapsed)
                timed = [impl for impl in timed if impl.cmd]
            rows.append((name, {impl.label: impl for impl in impls}))

    header = ['benchmark', 'CPython', 'krait typed', 'ratio', 'krait', 'ratio', 'C',
              'typed/C']
    if args.pypy:
        header += ['PyPy', 'ratio']
    table = [header]
    notes = []
    for name, by in rows:
        cp = by['CPython'].median()
        kt, ku, c = by['krait typed'], by['krait'], by['C']
        row = [name, fmt_time(by['CPython']),
               fmt_time(kt), fmt_ratio(cp, kt.median()),
               fmt_time(ku), fmt_ratio(cp, ku.median()),
               fmt_time(c), fmt_ratio(kt.median(), c.median())]
        if args.pypy:
            pp = by['PyPy']
            row += [fmt_time(pp), fmt_ratio(cp, pp.median())]
        table.append(row)
        for impl in by.values():
            if impl.note:
                notes.append('%s, %s: %s: %s' % (name, impl.label, impl.status, impl.note))
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for i, row in enumerate(table):
        print('  '.join(cell.ljust(w) if j == 0 else cell.rjust(w)
                        for j, (cell, w) in enumerate(zip(row, widths))))
        if i == 0:
            print('  '.join('-' * w for w in widths))
    print('\nratio: CPython / krait (above 1: krait is faster); typed/C: krait typed / C '
          '(above 1: C is faster)')
    if args.pypy:
        print('PyPy ratio: CPython / PyPy')
    if notes:
        print()
        for note in notes:
            print(note)
    if failed:
        print('\nbench: MISMATCH: some implementation does not print what CPython prints')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
