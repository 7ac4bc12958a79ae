#!/bin/sh
# Which functions get all of gcc's -O2 (docs/design.md, Backend): a function with a float loop
# and a loop-free float function such a loop calls (scale) are kernels, as is the int64 clone
# of a function with an
# int fast path (kgq_, no attribute; the function itself is its big-int fallback); a function of
# runtime calls (strings, dicts) carries KGM_LITE on its prototype (without early inlining
# or points-to analysis); a generator's resume function without such a loop carries KGM_GEN
# (KGM_LITE's flags but gcc's "expensive optimizations"). The program then builds with -O2
# -Werror and -O3 (KR_OPT_FULL) and prints the same output both ways.
# Usage: lite.sh KRAIT
set -eu
krait=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/p.py" <<'PY'
def scale(x: float, k: int) -> float:
    return x * k / 2.0


def label(x: float) -> str:
    return "x=" + str(x)


def norm(xs: list[float]) -> float:
    s: float = 0.0
    for x in xs:
        s += scale(x, 2) * x
    return s


def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def gen(n):
    for i in range(n):
        yield str(i)


def words(text):
    d = {}
    for w in text.split():
        d[w] = d.get(w, 0) + 1
    return sorted(d.items())


print(norm([1.0, 2.0]), fib(20), list(gen(3)), words("a b a"), label(1.5))
PY
"$krait" emit-c "$tmp/p.py" -o "$tmp/c"
c="$tmp/c/p.c"
grep -q '^KGM_LITE KGS kr_val kgf_p__words(' "$c" || { echo "words: no KGM_LITE"; exit 1; }
grep -q '^KGM_LITE KGS kr_val kgf_p__label(' "$c" || { echo "label: no KGM_LITE"; exit 1; }
# KGM_LITE functions are not inlined into early (the IPA inliner still inlines fast paths).
grep -q "\"no-early-inlining\", \"no-tree-pta\"$" "$c" || { echo "KGM_LITE keeps early inlining or points-to analysis"; exit 1; }
grep -q '^#define KGM_LITE __attribute__((optimize(KGM_LITE_FLAGS, "no-expensive-optimizations")))$' "$c" \
    || { echo "KGM_LITE keeps expensive optimizations"; exit 1; }
grep -q '^#define KGM_GEN __attribute__((optimize(KGM_LITE_FLAGS)))$' "$c" || { echo "no KGM_GEN"; exit 1; }
grep -q '^KGM_GEN KGS kr_val kgr_p__gen(' "$c" || { echo "gen: no KGM_GEN"; exit 1; }
grep -q '^KGM_LITE KGS kr_val kgf_p__fib(' "$c" || { echo "fib's fallback: no KGM_LITE"; exit 1; }
grep -q '^KGH int64_t kgq_p__fib(' "$c" || { echo "fib: no int64 clone"; exit 1; }
for f in kgf_p__norm kgf_p__scale; do
    if grep -q "^KGM_LITE KGS [a-z_ ]*$f(" "$c"; then
        echo "$f: a kernel carries KGM_LITE"
        exit 1
    fi
    grep -q "^KGS [a-z_ ]*$f(" "$c" || { echo "$f: no prototype"; exit 1; }
done
expected="5.0 6765 ['0', '1', '2'] [('a', 2), ('b', 1)] x=1.5"
"$krait" build "$tmp/p.py" -o "$tmp/p2" -O2 -Werror
"$krait" build "$tmp/p.py" -o "$tmp/p3" -O3 -Werror
[ "$("$tmp/p2")" = "$expected" ] || { echo "-O2: $("$tmp/p2")"; exit 1; }
[ "$("$tmp/p3")" = "$expected" ] || { echo "-O3: $("$tmp/p3")"; exit 1; }
echo ok
