#!/usr/bin/env python3
# run.py: compares the krait runtime with CPython 3.13 on the cases of bench_rt.c / cases.py.
#
#   bench/runtime/run.py [--build DIR] [--runs N] [CASE...]
#
# Builds bench_rt with cc against DIR/runtime/libkrait_rt.a (DIR defaults to build/; configure
# and build krait there first), then runs every case N times (default 5) in each
# implementation and prints the median times and their ratio (CPython time / krait time:
# above 1 means krait is faster).
import argparse
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def build(build_dir, include):
    lib = os.path.join(build_dir, 'runtime', 'libkrait_rt.a')
    if not os.path.exists(lib):
        sys.exit('run.py: %s not found; build krait_rt first' % lib)
    exe = os.path.join(build_dir, 'bench_rt')
    cmd = ['cc', '-O2', '-std=c11', '-D_GNU_SOURCE', '-I', include,
           os.path.join(HERE, 'bench_rt.c'), lib, '-lgc', '-lgmp', '-lm', '-lpthread', '-o', exe]
    subprocess.run(cmd, check=True)
    return exe


def timed(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return float(out.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', default=os.path.join(ROOT, 'build'))
    ap.add_argument('--include', default=os.path.join(ROOT, 'runtime'),
                    help='directory of krait.h')
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('cases', nargs='*')
    args = ap.parse_args()
    exe = build(os.path.abspath(args.build), args.include)
    names = args.cases or subprocess.run([exe, '--list'], check=True, capture_output=True,
                                         text=True).stdout.split()
    env = dict(os.environ, PYENV_VERSION='3.13.0')
    py = ['python3.13', os.path.join(HERE, 'cases.py')]
    print('%-20s %12s %12s %8s' % ('case', 'krait (s)', 'cpython (s)', 'ratio'))
    for name in names:
        k = statistics.median(timed([exe, name]) for _ in range(args.runs))
        c = statistics.median(
            float(subprocess.run(py + [name], check=True, capture_output=True, text=True,
                                 env=env).stdout) for _ in range(args.runs))
        print('%-20s %12.4f %12.4f %8.2f' % (name, k, c, c / k if k else float('inf')))


main()
