# long_body.py: the front end's time on a long straight-line script (bench/README.md). Writes a
# module of N top-level statement pairs (each an int computed with a call, then printed or
# doubled: thousands of int temporaries and error exits in one function, the module body),
# checks that krait compiles it and that its output equals CPython's, and prints the median
# wall time of `krait emit-c` (lowering, the IR passes and the C emitter, no C compiler).
#
# Usage: PYENV_VERSION=3.13.0 python3.13 bench/build/long_body.py [--krait PATH] [--n N]
#        [--runs R]

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def program(n):
    lines = []
    for i in range(n):
        lines.append(f"a{i} = {i} + len('x' * {i % 7})")
        lines.append(f"print(a{i} - {i})" if i % 100 == 0 else f"b{i} = a{i} * 2")
    return '\n'.join(lines) + '\n'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--krait', default=os.path.join('build', 'krait'))
    ap.add_argument('--n', type=int, default=3000)
    ap.add_argument('--runs', type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'long_body.py')
        with open(src, 'w') as f:
            f.write(program(args.n))
        exe = os.path.join(tmp, 'long_body')
        subprocess.run([args.krait, 'build', src, '-o', exe, '-O0'], check=True)
        got = subprocess.run([exe], capture_output=True, text=True, check=True).stdout
        want = subprocess.run([sys.executable, src], capture_output=True, text=True,
                              check=True).stdout
        if got != want:
            sys.exit('output differs from CPython')
        times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            subprocess.run([args.krait, 'emit-c', src, '-o', os.path.join(tmp, 'c')],
                           check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - t)
    print(f'{2 * args.n} lines, one module body: krait emit-c {statistics.median(times):.2f} s '
          f'median of {args.runs}; output equals CPython\'s')


if __name__ == '__main__':
    main()
