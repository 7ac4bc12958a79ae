#!/bin/sh
# The libclang check of generated C (`krait build --check-c`) must really catch warnings. krait
# never emits bad C on purpose, so this gives the developer command `krait check-c FILE.c` a C file
# with an unused variable (exit 1 and the diagnostic expected), a clean one that includes the
# runtime header (exit 0), then builds a program with --check-c. Usage: check_c.sh KRAIT
set -eu
krait=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NO_COLOR=1

cat > "$tmp/bad.c" <<'C'
int main(void) {
    int unused = 3;
    return 0;
}
C
status=0
"$krait" check-c "$tmp/bad.c" 2> "$tmp/bad.err" || status=$?
[ "$status" -eq 1 ] || { echo "check-c on an unused variable exited $status, not 1"; exit 1; }
want="krait: error: generated C: $tmp/bad.c:2:9: unused variable 'unused' [-Wunused-variable] (a krait bug)"
[ "$(cat "$tmp/bad.err")" = "$want" ] || { printf 'expected: %s\ngot:\n' "$want"; cat "$tmp/bad.err"; exit 1; }

cat > "$tmp/good.c" <<'C'
#include "krait.h"
#include <stdio.h>

int main(void) {
    puts("ok");
    return 0;
}
C
"$krait" check-c "$tmp/good.c" 2> "$tmp/good.err" || { echo "check-c failed on clean C:"; cat "$tmp/good.err"; exit 1; }
[ ! -s "$tmp/good.err" ] || { echo "check-c printed on clean C:"; cat "$tmp/good.err"; exit 1; }

printf 'print(6 * 7)\n' > "$tmp/prog.py"
"$krait" build --check-c "$tmp/prog.py" -o "$tmp/prog"
[ "$("$tmp/prog")" = 42 ] || { echo "the program built with --check-c did not print 42"; exit 1; }
