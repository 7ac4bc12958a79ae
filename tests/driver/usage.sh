#!/bin/sh
# Bad usage exits with status 2 and names the problem; --version and --help succeed.
# Usage: usage.sh KRAIT
set -u
krait=$1
fail=0
expect() {  # expect STATUS MESSAGE-FRAGMENT ARGS...
    want=$1 frag=$2
    shift 2
    err=$("$krait" "$@" 2>&1 >/dev/null)
    got=$?
    if [ "$got" -ne "$want" ]; then
        echo "krait $*: status $got, expected $want"; fail=1
    fi
    case "$err" in *"$frag"*) ;; *) echo "krait $*: stderr lacks '$frag': $err"; fail=1 ;; esac
}
expect 2 "'parse' needs at least one file" parse
expect 2 "'parse --dump-ast' takes exactly one file" parse --dump-ast a.py b.py
expect 2 "unknown option '--bogus' for 'check'" check --bogus x.py
expect 2 "'check' needs at least one file" check
expect 2 "unknown command 'nosuch'" nosuch
expect 0 "" --version
expect 0 "" --help
"$krait" --version | grep -q '^krait ' || { echo "--version does not print 'krait X.Y.Z'"; fail=1; }
exit $fail
