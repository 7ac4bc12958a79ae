#!/bin/sh
# Builds the front-end fuzz target with clang, ASan and UBSan, then fuzzes for SECONDS (default
# 600) starting from the test programs as seed corpus. Crashes, leaks and hangs (> 10 s per
# input) stop the run with a non-zero status and leave the input in fuzz/corpus-run/.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-600}
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang-14 -DKRAIT_FUZZ=ON \
    -DKRAIT_SANITIZE=ON -DKRAIT_CONFORMANCE=OFF >/dev/null
cmake --build build-fuzz -j2 --target fuzz_frontend
mkdir -p fuzz/corpus-run
cp tests/parse/*.py tests/errors/*.py examples/*.py fuzz/corpus-run/ 2>/dev/null || true
cd fuzz/corpus-run
exec ../../build-fuzz/fuzz/fuzz_frontend -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 .
