#!/usr/bin/env python3
# Regenerates tests/e2e/**/NAME.out from CPython 3.13 (format: tests/e2e/README.md).
# Usage: PYENV_VERSION=3.13.0 python3.13 tests/e2e/regen.py [FILE.py...]   (default: all)
# Review the diff before committing; never hand-edit an .out file.
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def expectation(py: pathlib.Path) -> str:
    r = subprocess.run([sys.executable, py.name], cwd=py.parent, capture_output=True,
                       timeout=120)
    out = r.stdout.decode("utf-8")
    out += f"[exit {r.returncode}]\n"
    lines = [ln for ln in r.stderr.decode("utf-8").splitlines() if ln.strip()]
    if lines:
        out += f"[stderr] {lines[-1]}\n"
    return out


def main() -> None:
    if sys.version_info[:2] != (3, 13):
        sys.exit("regen.py must run under CPython 3.13 (PYENV_VERSION=3.13.0 python3.13)")
    # Without arguments: every program that has an .out (a .py without one is a helper module a
    # program imports; a new program is named on the command line the first time).
    files = [pathlib.Path(a).resolve() for a in sys.argv[1:]] or sorted(
        py for py in HERE.glob("*/*.py") if py.with_suffix(".out").exists())
    for py in files:
        py.with_suffix(".out").write_text(expectation(py), encoding="utf-8")
        print("wrote", py.with_suffix(".out"))


main()
