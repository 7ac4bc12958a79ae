#!/bin/sh
# The driver on a program of several modules (docs/cli.md): `build -MD -MF` lists every module,
# `emit-c -o DIR` writes one C file per module, `check` checks every module, `run`'s cache key
# covers every module's source, and the C files compile in parallel (KRAIT_JOBS) or one at a
# time to the same result. Usage: modules.sh KRAIT
set -eu
krait=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/app/pkg"
cat > "$tmp/app/main.py" <<'PY'
import helper
from pkg import sub
print(helper.twice(sub.BASE))
PY
printf 'def twice(x):\n    return 2 * x\n' > "$tmp/app/helper.py"
: > "$tmp/app/pkg/__init__.py"
printf 'BASE = 21\n' > "$tmp/app/pkg/sub.py"
export XDG_CACHE_HOME="$tmp/cache"

# build, with the dependency file listing every module
"$krait" build "$tmp/app/main.py" -o "$tmp/main" -MD -MF "$tmp/main.d"
[ "$("$tmp/main")" = 42 ] || { echo "the built program printed '$("$tmp/main")'"; exit 1; }
for f in main.py helper.py pkg/__init__.py pkg/sub.py; do
  grep -q "^$tmp/main:.* $tmp/app/$f" "$tmp/main.d" || { echo "main.d lacks $f:"; cat "$tmp/main.d"; exit 1; }
  grep -q "^$tmp/app/$f:\$" "$tmp/main.d" || { echo "main.d has no empty rule for $f"; exit 1; }
done

# one compiler at a time gives the same program
KRAIT_JOBS=1 "$krait" build "$tmp/app/main.py" -o "$tmp/main1"
[ "$("$tmp/main1")" = 42 ] || { echo "KRAIT_JOBS=1 build printed '$("$tmp/main1")'"; exit 1; }

# emit-c -o DIR: a C file per module; the script's holds main()
"$krait" emit-c "$tmp/app/main.py" -o "$tmp/c"
[ "$(ls "$tmp/c" | sort | tr '\n' ' ')" = "helper.c main.c pkg.c pkg_sub.c " ] || {
  echo "emit-c wrote: $(ls "$tmp/c")"; exit 1; }
grep -q "int main(" "$tmp/c/main.c" || { echo "main.c has no main()"; exit 1; }
if grep -q "int main(" "$tmp/c/helper.c"; then echo "helper.c has a main()"; exit 1; fi

# check: an error in an imported module is reported with its path
printf 'def broken(:\n' > "$tmp/app/pkg/sub.py"
if "$krait" check "$tmp/app/main.py" 2> "$tmp/err"; then echo "check passed a broken module"; exit 1; fi
grep -q "pkg/sub.py:1:12: error" "$tmp/err" || { echo "check said:"; cat "$tmp/err"; exit 1; }

# run: the cache key covers every module, not only the script
printf 'BASE = 21\n' > "$tmp/app/pkg/sub.py"
[ "$("$krait" run "$tmp/app/main.py")" = 42 ] || { echo "first run failed"; exit 1; }
printf 'BASE = 50\n' > "$tmp/app/pkg/sub.py"
out=$("$krait" run "$tmp/app/main.py")
[ "$out" = 100 ] || { echo "a changed module reused the cached executable: '$out'"; exit 1; }

# emit-c --list: each module's C file and source, tab-separated
"$krait" emit-c "$tmp/app/main.py" --list > "$tmp/list"
printf 'main.c\t%s\nhelper.c\t%s\npkg.c\t%s\npkg_sub.c\t%s\n' "$tmp/app/main.py" \
  "$tmp/app/helper.py" "$tmp/app/pkg/__init__.py" "$tmp/app/pkg/sub.py" | cmp -s - "$tmp/list" \
  || { echo "emit-c --list printed:"; cat "$tmp/list"; exit 1; }
