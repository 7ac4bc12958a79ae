#!/usr/bin/env python3.13
"""Streaming and suspended-generator benchmarks (issue 5): krait against CPython 3.13.

Usage: PYENV_VERSION=3.13.0 python3.13 bench/stream/run.py [--krait PATH] [--runs N]
           [--mb SIZE] [--gens N] [--only stream|suspended ...]
  --krait  the krait binary (default: build/krait in the repository)
  --runs   timed runs of each implementation; the median is reported (default 3)
  --mb     size of the generated CSV in MB (default 1024)
  --gens   number of suspended generators (default 1000000)

stream: writes a deterministic CSV of about --mb megabytes into a temporary directory (removed
at the end), then times `wc -l` on it (the I/O bound: reading the file from the page cache)
and the programs stream.py (CPython, krait) and stream_typed.py (krait): a generator yields
line.strip() for each line of open(path), the caller splits each line and sums a float column
and an int column. Reports the median wall time and the peak RSS of each, checks that every
output equals CPython's.

suspended: suspended.py / suspended_typed.py N make N generator objects, each suspended at its
first yield, kept in a list. Reports the peak RSS with N generators minus the peak RSS of the
same program with N = 0 (the baseline: interpreter or runtime start-up), and per generator.

Each run goes through /usr/bin/time -f '%e %U %S %M': wall time, CPU time (user + system: on a
loaded machine the steadier figure) and peak RSS (ru_maxrss of the program alone; a
getrusage(RUSAGE_CHILDREN) around subprocess.run would count the forked Python's pages too).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

ROWS_PER_CHUNK = 100_000


def write_csv(path, mb):
    """A deterministic CSV: id,name,price,qty rows until the file holds 'mb' megabytes."""
    target = mb * 1_000_000
    size = 0
    i = 0
    with open(path, 'w') as f:
        while size < target:
            chunk = ''.join('%d,item%d,%d.%02d,%d\n' % (k, k % 1000, k * 7919 % 10000, k % 100,
                                                         k * 31 % 97)
                            for k in range(i, i + ROWS_PER_CHUNK))
            f.write(chunk)
            size += len(chunk)
            i += ROWS_PER_CHUNK
    return i


TIME = '/usr/bin/time'


def measure(cmd):
    """(wall seconds, CPU seconds, peak RSS in KiB, stdout bytes, returncode) of one run."""
    with tempfile.NamedTemporaryFile('r', prefix='krait-time-') as rep:
        proc = subprocess.run([TIME, '-o', rep.name, '-f', '%e %U %S %M'] + cmd,
                              stdout=subprocess.PIPE)
        last = rep.read().strip().splitlines()[-1].split()
    wall, user, sys_, rss = float(last[0]), float(last[1]), float(last[2]), int(last[3])
    return wall, user + sys_, rss, proc.stdout, proc.returncode


def build(krait, src, exe):
    proc = subprocess.run([krait, 'build', src, '-o', exe, '-O2'], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT)
    if proc.returncode != 0:
        sys.exit('bench: krait cannot build %s:\n%s' % (src, proc.stdout.decode()))


def timed(impls, runs):
    """Runs every (label, cmd) 'runs' times, interleaved; {label: (times, rss, outputs)}."""
    res = {label: ([], [], set(), []) for label, _ in impls}
    for r in range(runs):
        for label, cmd in impls:
            print('  run %d of %d: %s' % (r + 1, runs, label), file=sys.stderr, flush=True)
            wall, cpu, rss, out, rc = measure(cmd)
            if rc != 0:
                sys.exit('bench: %s failed with exit status %d' % (label, rc))
            res[label][0].append(wall)
            res[label][1].append(rss)
            res[label][2].add(out)
            res[label][3].append(cpu)
    return res


def bench_stream(args, work):
    csv = os.path.join(work, 'data.csv')
    print('stream: writing %d MB of CSV...' % args.mb, file=sys.stderr, flush=True)
    rows = write_csv(csv, args.mb)
    size = os.path.getsize(csv)
    build(args.krait, os.path.join(HERE, 'stream_typed.py'), os.path.join(work, 'stream_typed'))
    build(args.krait, os.path.join(HERE, 'stream.py'), os.path.join(work, 'stream'))
    impls = [('wc -l', ['wc', '-l', csv]),
             ('CPython', [sys.executable, os.path.join(HERE, 'stream.py'), csv]),
             ('krait typed', [os.path.join(work, 'stream_typed'), csv]),
             ('krait', [os.path.join(work, 'stream'), csv])]
    res = timed(impls, args.runs)
    os.remove(csv)
    expected = res['CPython'][2]
    ok = True
    print('\nstream: %d rows, %.0f MB; median of %d runs' % (rows, size / 1e6, args.runs))
    print('%-12s %9s %10s %9s %10s %13s' % ('', 'wall (s)', 'CPython/x', 'CPU (s)', 'CPython/x',
                                             'peak RSS (MB)'))
    cp = statistics.median(res['CPython'][0])
    cp_cpu = statistics.median(res['CPython'][3])
    for label, _ in impls:
        times, rss, outs, cpu = res[label]
        med, med_cpu = statistics.median(times), statistics.median(cpu)
        print('%-12s %9.3f %9.2fx %9.3f %9.2fx %13.1f' % (
            label, med, cp / med, med_cpu, cp_cpu / max(med_cpu, 0.001), max(rss) / 1024))
        if label.startswith('krait') and outs != expected:
            print('  MISMATCH: %s printed %r, CPython %r' % (label, outs, expected))
            ok = False
    return ok


def bench_suspended(args, work):
    build(args.krait, os.path.join(HERE, 'suspended_typed.py'),
          os.path.join(work, 'suspended_typed'))
    build(args.krait, os.path.join(HERE, 'suspended.py'), os.path.join(work, 'suspended'))
    progs = [('CPython', [sys.executable, os.path.join(HERE, 'suspended.py')]),
             ('krait typed', [os.path.join(work, 'suspended_typed')]),
             ('krait', [os.path.join(work, 'suspended')])]
    impls = []
    for label, cmd in progs:
        impls.append((label + ' N=0', cmd + ['0']))
        impls.append((label, cmd + [str(args.gens)]))
    res = timed(impls, args.runs)
    ok = True
    expected = res['CPython'][2]
    print('\nsuspended: %d generators; peak RSS minus the N=0 baseline, median of %d runs'
          % (args.gens, args.runs))
    print('%-12s %13s %13s %14s %9s' % ('', 'baseline (MB)', 'with N (MB)', 'bytes/generator',
                                        'time (s)'))
    for label, _ in progs:
        base = statistics.median(res[label + ' N=0'][1])
        full = statistics.median(res[label][1])
        print('%-12s %13.1f %13.1f %14.0f %9.3f' % (label, base / 1024, full / 1024,
                                                    (full - base) * 1024 / args.gens,
                                                    statistics.median(res[label][0])))
        if label != 'CPython' and res[label][2] != expected:
            print('  MISMATCH: %s printed %r, CPython %r' % (label, res[label][2], expected))
            ok = False
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--krait', default=os.path.join(REPO, 'build', 'krait'))
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--mb', type=int, default=1024)
    ap.add_argument('--gens', type=int, default=1_000_000)
    ap.add_argument('--only', nargs='+', choices=['stream', 'suspended'])
    args = ap.parse_args()
    if sys.version_info[:2] != (3, 13):
        sys.exit('bench: run me with CPython 3.13 (PYENV_VERSION=3.13.0 python3.13)')
    if not os.access(args.krait, os.X_OK):
        sys.exit('bench: no krait binary at %s (build it, or pass --krait PATH)' % args.krait)
    if not shutil.which('wc') or not os.access(TIME, os.X_OK):
        sys.exit('bench: needs wc and GNU time at %s' % TIME)
    args.krait = os.path.abspath(args.krait)
    only = args.only or ['stream', 'suspended']
    ok = True
    with tempfile.TemporaryDirectory(prefix='krait-stream-') as work:
        if 'stream' in only:
            ok &= bench_stream(args, work)
        if 'suspended' in only:
            ok &= bench_suspended(args, work)
    return 0 if ok else 1


if __name__ == '__main__':
    start = time.perf_counter()
    rc = main()
    print('\n(%.0f s in all)' % (time.perf_counter() - start), file=sys.stderr)
    sys.exit(rc)
