#!/bin/sh
# The link step (docs/design.md, "gold links"): with ld.gold on PATH the driver links with gold;
# without it, with the C compiler's default linker. Both executables print the same.
# Usage: linker.sh KRAIT
set -eu
krait=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'import math\nprint("hi", math.sqrt(2.0), sum(range(10)))\n' > "$tmp/p.py"
expected="hi 1.4142135623730951 45"
# A PATH holding the C compiler, assembler and linker but no ld.gold.
mkdir "$tmp/bin"
for tool in cc gcc as ld; do
    target=$(command -v "$tool") || continue
    ln -s "$target" "$tmp/bin/$tool"
done
PATH="$tmp/bin" "$krait" build "$tmp/p.py" -o "$tmp/plain"
[ "$("$tmp/plain")" = "$expected" ] || { echo "without gold: $("$tmp/plain")"; exit 1; }
"$krait" build "$tmp/p.py" -o "$tmp/p"
[ "$("$tmp/p")" = "$expected" ] || { echo "default PATH: $("$tmp/p")"; exit 1; }
if command -v ld.gold > /dev/null; then
    # gold writes a .note.gnu.gold-version section; ld.bfd does not.
    readelf -n "$tmp/p" | grep -q GOLD_VERSION || { echo "gold on PATH but not used"; exit 1; }
    if readelf -n "$tmp/plain" | grep -q GOLD_VERSION; then
        echo "no gold on PATH but linked with gold"
        exit 1
    fi
fi
echo ok
