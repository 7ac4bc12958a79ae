#!/bin/sh
# `krait run` caches executables; a different krait binary (rebuilt compiler) must not reuse
# them. Runs a program twice with a copy of krait whose timestamp changes in between and
# expects two cache entries. Usage: run_cache.sh KRAIT
set -eu
krait=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$krait" "$tmp/krait"
printf 'print(6 * 7)\n' > "$tmp/prog.py"
export XDG_CACHE_HOME="$tmp/cache"
out=$("$tmp/krait" run "$tmp/prog.py")
[ "$out" = 42 ] || { echo "first run printed '$out'"; exit 1; }
"$tmp/krait" run "$tmp/prog.py" > /dev/null
[ "$(ls "$tmp/cache/krait" | wc -l)" -eq 1 ] || { echo "an unchanged krait did not reuse its cache"; exit 1; }
touch -d '2001-01-01' "$tmp/krait"
"$tmp/krait" run "$tmp/prog.py" > /dev/null
n=$(ls "$tmp/cache/krait" | wc -l)
[ "$n" -eq 2 ] || { echo "a changed krait reused the cached executable ($n entries)"; exit 1; }
