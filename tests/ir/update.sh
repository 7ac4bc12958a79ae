#!/bin/sh
# Checks (default) or regenerates (--update) tests/ir/<pass>/<name>.ir: the output of
# `krait emit-ir --after <pass> <name>.py`. Usage: tests/ir/update.sh KRAIT [--update]
# Review the diff of regenerated files before committing.
set -eu
krait=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
mode=${2:-check}
cd "$(dirname "$0")"
status=0
for py in */*.py; do
    pass=$(dirname "$py")
    name=$(basename "$py")
    expected="${py%.py}.ir"
    actual=$(mktemp)
    (cd "$pass" && "$krait" emit-ir --after "$pass" "$name") > "$actual"
    if [ "$mode" = "--update" ]; then
        mv "$actual" "$expected"
        echo "wrote tests/ir/$expected"
    elif ! cmp -s "$actual" "$expected"; then
        echo "differs: tests/ir/$expected"
        rm -f "$actual"
        status=1
    else
        rm -f "$actual"
    fi
done
exit $status
