#!/bin/sh
# Where the plain version of a loop goes back to its cached version (docs/design.md, Backend:
# loop caches): only at loop headers, so that the outlined cached version's loops are natural
# loops for gcc. The program's loops with caches are four (steps, i, j, and the second i);
# the outlined function may be entered at its region's entry and at the headers only, so its
# switch has at most four targets (before: every block the plain version jumped back to, the
# increment and for-else blocks too, ten). The program then prints the same with -O2 and -O0.
# Usage: loop_entries.sh KRAIT
set -eu
krait=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/p.py" <<'PY'
def step(x: list[float], v: list[float], m: list[float], steps: int) -> None:
    n: int = len(x)
    for _ in range(steps):
        for i in range(n):
            for j in range(i + 1, n):
                d: float = x[i] - x[j]
                f: float = m[i] * m[j] / (d * d + 1.0)
                v[i] -= f * d
                v[j] += f * d
        for i in range(n):
            x[i] += 0.01 * v[i]


def main() -> None:
    x: list[float] = [0.0, 1.0, 2.5, 4.0]
    v: list[float] = [0.0, 0.0, 0.0, 0.0]
    m: list[float] = [1.0, 2.0, 3.0, 4.0]
    step(x, v, m, 1000)
    print([round(a, 9) for a in x])


main()
PY
"$krait" emit-c "$tmp/p.py" > "$tmp/p.c"
awk '/^static int kgl_.*step_0\(/,/^}/' "$tmp/p.c" > "$tmp/f.c"
test -s "$tmp/f.c" || { echo "no outlined loop in step"; exit 1; }
targets=$(awk '/switch \(kin_\)/,/^    }/' "$tmp/f.c" | grep -c 'goto f[0-9]*;')
echo "entries: $targets"
if [ "$targets" -gt 4 ]; then
    echo "the outlined loop is entered at $targets labels, not only at loop headers"
    exit 1
fi
"$krait" build "$tmp/p.py" -o "$tmp/p2" -O2
"$krait" build "$tmp/p.py" -o "$tmp/p0" -O0
a=$("$tmp/p2")
b=$("$tmp/p0")
echo "$a"
test "$a" = "$b"
test "$a" = "[-2.70653777, 4.331404675, 3.03272946, 2.842403636]"  # CPython 3.13's
