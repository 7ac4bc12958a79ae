#!/bin/sh
# A large module is compiled as several C translation units in parallel (one per CPU, about
# 256 KiB of C each, docs/cli.md). This builds a program of 400 functions, large enough for two
# parts, with --keep-c --check-c -Werror, and checks: the parts exist (when there are two CPUs
# or more), every function works wherever its part put it (the sum the shell computes), and an
# exception raised three calls deep prints CPython's traceback entries; its large module body
# is declared as code run once (KGM_ONCE). Then a program of three modules, two of them large
# enough to be split (KRAIT_JOBS=2 allows two parts each): the script calls the other modules'
# exported functions directly and reads their globals, each module's parts share their constants
# (which both modules number alike) without a clash at the link, and a traceback goes through
# the modules.
# Usage: split.sh KRAIT
set -eu
krait=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=400
prog="$tmp/big.py"
i=0
: > "$prog"
while [ "$i" -lt "$n" ]; do
    cat >> "$prog" <<PY
def f_$i(x: int, s: str) -> int:
    if x > $i * 1000:
        raise ValueError(f"f_$i: {x} {s}")
    t = [c for c in s if c != " "]
    return x * $i + len(t) - $((i % 7))


PY
    i=$((i + 1))
done
cat >> "$prog" <<'PY'
def g(k: int) -> int:
    return f_7(k, "deep")


def h(k: int) -> int:
    return g(k) + 1


total = 0
PY
i=0
want=0
while [ "$i" -lt "$n" ]; do
    echo "total += f_$i($i, 'a b')" >> "$prog"
    want=$((want + i * i + 2 - i % 7))
    i=$((i + 1))
done
echo 'print(total)' >> "$prog"
echo 'print(h(99999))' >> "$prog"
lines=$(wc -l < "$prog")

"$krait" build "$prog" -o "$tmp/big" -O0 --keep-c "$tmp/c" --check-c -Werror
if [ "$(getconf _NPROCESSORS_ONLN)" -ge 2 ] && [ ! -f "$tmp/c/big.1.c" ]; then
    echo "no second part: $(ls "$tmp/c")"
    exit 1
fi
[ ! -f "$tmp/c/big.1.o" ] || { echo "object files were left in the --keep-c directory"; exit 1; }
# The module body, over 64 KiB of C, is declared as code run once (cold, -O0 under gcc).
grep -q '^KGM_ONCE KGS kr_val kgm_big__body(void);' "$tmp/c/big.c" \
    || { echo "big.c does not declare its module body KGM_ONCE"; exit 1; }
grep -q '^#define KGM_ONCE __attribute__((cold, optimize("O0")))$' "$tmp/c/big.c" \
    || { echo "KGM_ONCE is not cold and -O0"; exit 1; }
status=0
"$tmp/big" > "$tmp/out" 2> "$tmp/err" || status=$?
[ "$status" -eq 1 ] || { echo "exit status $status, not 1"; cat "$tmp/err"; exit 1; }
[ "$(cat "$tmp/out")" = "$want" ] || { echo "printed $(cat "$tmp/out"), not $want"; exit 1; }
# Each f_i takes 7 lines (its raise is its third); g and h follow them. krait prints no source
# lines under the entries, so only the entries are compared.
path="$(cd "$tmp" && pwd -P)/big.py"
cat > "$tmp/want" <<TB
Traceback (most recent call last):
  File "$path", line $lines, in <module>
  File "$path", line $((7 * n + 6)), in h
  File "$path", line $((7 * n + 2)), in g
  File "$path", line $((7 * 7 + 3)), in f_7
ValueError: f_7: 99999 deep
TB
grep -v '^    ' "$tmp/err" > "$tmp/got" || true
diff "$tmp/want" "$tmp/got" || { echo "the traceback differs (- expected, + got)"; exit 1; }

# Several modules, each of the two large ones in two parts.
mkdir "$tmp/app"
k=120
for m in ma mb; do
    i=0
    : > "$tmp/app/$m.py"
    while [ "$i" -lt "$k" ]; do
        cat >> "$tmp/app/$m.py" <<PY
def f_$i(x: int, s: str) -> int:
    if x > $i * 1000:
        raise ValueError(f"$m.f_$i: {x} {s}")
    t = [c for c in s if c != " "]
    return x * $i + len(t) - $((i % 7))


PY
        i=$((i + 1))
    done
    printf 'LIMIT = %d\nLABEL = "%s"\n' "$k" "$m" >> "$tmp/app/$m.py"
done
cat > "$tmp/app/main.py" <<'PY'
import mb
from ma import f_3, LABEL
import ma


def h(k: int) -> int:
    return mb.f_11(k, "deep") + 1


print(f_3(3, "a b"), mb.f_4(4, "x"), ma.LIMIT, LABEL, mb.LABEL)
print(sum(ma.f_9(i, "q r") + mb.f_9(i, "q r") for i in range(5)))
print(h(99999))
PY
KRAIT_JOBS=2 "$krait" build "$tmp/app/main.py" -o "$tmp/app/main" -O0 --keep-c "$tmp/mc" \
    --check-c -Werror
for f in main.c ma.c ma.1.c mb.c mb.1.c; do
    [ -f "$tmp/mc/$f" ] || { echo "no $f: $(ls "$tmp/mc")"; exit 1; }
done
[ ! -f "$tmp/mc/ma.1.o" ] || { echo "object files were left in the --keep-c directory"; exit 1; }
# A small module body keeps the command line's optimisation.
if grep -q '^KGM_ONCE KGS' "$tmp/mc/main.c" "$tmp/mc/ma.c"; then
    echo "a small module body was declared KGM_ONCE"; exit 1
fi
status=0
"$tmp/app/main" > "$tmp/out" 2> "$tmp/err" || status=$?
[ "$status" -eq 1 ] || { echo "exit status $status, not 1"; cat "$tmp/err"; exit 1; }
i=0
sum=0
while [ "$i" -lt 5 ]; do
    sum=$((sum + 2 * (i * 9 + 2 - 9 % 7)))
    i=$((i + 1))
done
printf '%d %d %d ma mb\n%d\n' $((3 * 3 + 2 - 3)) $((4 * 4 + 1 - 4)) "$k" "$sum" > "$tmp/want"
diff "$tmp/want" "$tmp/out" || { echo "the modules program printed otherwise (- expected)"; exit 1; }
app="$(cd "$tmp/app" && pwd -P)"
cat > "$tmp/want" <<TB
Traceback (most recent call last):
  File "$app/main.py", line 12, in <module>
  File "$app/main.py", line 7, in h
  File "$app/mb.py", line $((7 * 11 + 3)), in f_11
ValueError: mb.f_11: 99999 deep
TB
grep -v '^    ' "$tmp/err" > "$tmp/got" || true
diff "$tmp/want" "$tmp/got" || { echo "the modules traceback differs (- expected, + got)"; exit 1; }
