# run.py: the build-time benchmark (bench/README.md). Generates the 1,000-line program of
# gen_program.py, checks that krait compiles it and that its output equals CPython's, then
# prints the median wall time of `krait build -O2` (and -O0) over several runs, the lines of C
# krait emits for it, the size of the hello-world executable and its median start-up time
# (spawn to exit, stdout to /dev/null) over many runs, next to /bin/true's as the floor. Build
# times come with the CPU time krait and its C compilers used, which a loaded machine inflates
# much less than the wall time.
#
# `krait build` has no cache (only `krait run` caches executables), so every run compiles.
#
# Usage: PYENV_VERSION=3.13.0 python3.13 bench/build/run.py [--krait PATH] [--runs N]
#        [--starts N] [--cc CC] [--lines N] [--keep DIR]

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_program  # noqa: E402


def run_checked(argv, **kw):
    r = subprocess.run(argv, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.exit(f"failed ({r.returncode}): {' '.join(argv)}\n{r.stderr}")
    return r.stdout


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def time_build(krait, src, exe, opt, runs, cc):
    # Wall time, and the CPU time of krait and its C compilers (which load on the machine
    # inflates much less than the wall time).
    times, cpus = [], []
    argv = [krait, "build", src, "-o", exe, opt]
    if cc:
        argv += ["--cc", cc]
    for _ in range(runs):
        c0 = children_cpu()
        t0 = time.perf_counter()
        run_checked(argv)
        times.append(time.perf_counter() - t0)
        cpus.append(children_cpu() - c0)
    return statistics.median(times), min(times), statistics.median(cpus)


def time_start(exe, n):
    # posix_spawn + waitpid, as a shell would, with no Python between the two clock reads.
    devnull = os.open(os.devnull, os.O_WRONLY)
    acts = [(os.POSIX_SPAWN_DUP2, devnull, 1)]
    times = []
    for _ in range(n):
        t0 = time.perf_counter_ns()
        pid = os.posix_spawn(exe, [exe], os.environ, file_actions=acts)
        _, status = os.waitpid(pid, 0)
        times.append(time.perf_counter_ns() - t0)
        if status != 0:
            sys.exit(f"{exe} exited with status {status}")
    os.close(devnull)
    return statistics.median(times) / 1e6


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--krait", default="build/krait")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--starts", type=int, default=200)
    ap.add_argument("--cc")
    ap.add_argument("--lines", type=int, default=1000)
    ap.add_argument("--keep", help="keep the program, its C and executables in DIR")
    args = ap.parse_args()
    krait = os.path.abspath(args.krait)
    work = args.keep or tempfile.mkdtemp(prefix="krait-bench-build-")
    os.makedirs(work, exist_ok=True)
    try:
        src = os.path.join(work, "prog.py")
        with open(src, "w") as f:
            f.write(gen_program.generate(args.lines))
        pylines = sum(1 for _ in open(src))
        expected = run_checked([sys.executable, src])
        exe = os.path.join(work, "prog")
        t_o0, _, cpu_o0 = time_build(krait, src, exe, "-O0", max(1, args.runs // 2), args.cc)
        t_o2, t_o2_min, cpu_o2 = time_build(krait, src, exe, "-O2", args.runs, args.cc)
        got = run_checked([exe])
        if got != expected:
            sys.exit("MISMATCH: the program's output differs from CPython's")
        run_checked([krait, "emit-c", src, "-o", os.path.join(work, "c")])
        clines = sum(1 for _ in open(os.path.join(work, "c", "prog.c")))

        hello = os.path.join(work, "hello.py")
        with open(hello, "w") as f:
            f.write('print("Hello, world!")\n')
        hexe = os.path.join(work, "hello")
        run_checked([krait, "build", hello, "-o", hexe, "-O2"] + (["--cc", args.cc] if args.cc else []))
        if run_checked([hexe]) != "Hello, world!\n":
            sys.exit("hello world printed something else")
        size = os.path.getsize(hexe)
        true = shutil.which("true")
        # Interleave the two so that load on the machine hits both alike.
        starts, floors = [], []
        for _ in range(5):
            starts.append(time_start(hexe, args.starts // 5))
            floors.append(time_start(true, args.starts // 5))

        print(f"program: {pylines} lines of Python, {clines} lines of C "
              f"({clines / pylines:.1f} per line); output equals CPython's")
        print(f"krait build -O2: {t_o2:.2f} s median of {args.runs} (min {t_o2_min:.2f} s; "
              f"CPU {cpu_o2:.2f} s)")
        print(f"krait build -O0: {t_o0:.2f} s median of {max(1, args.runs // 2)} "
              f"(CPU {cpu_o0:.2f} s)")
        print(f"hello world: {size / 1024:.0f} KiB, start-up {statistics.median(starts):.2f} ms "
              f"median of {args.starts} (/bin/true: {statistics.median(floors):.2f} ms)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
