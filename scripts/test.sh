#!/bin/sh
# Builds krait and runs the whole test suite: first the normal build, then the runtime suites
# under valgrind (build-valgrind/: malloc runtime, label "valgrind"), then the same suite built
# with ASan and UBSan (build-asan/). Exits non-zero on any failure; the last line is ctest's
# summary of the sanitizer run.
set -eu
cd "$(dirname "$0")/.."
./scripts/build.sh
ctest --test-dir build -j2 --output-on-failure
cmake -S . -B build-valgrind -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKRAIT_RT_MALLOC=ON \
    -DKRAIT_VALGRIND=ON -DKRAIT_CONFORMANCE=OFF >/dev/null
rt_suites=$(cd tests/unit && ls test_rt_*.c | sed 's/\.c$//')
# shellcheck disable=SC2086 # one target per word
cmake --build build-valgrind -j2 --target $rt_suites
ctest --test-dir build-valgrind -j2 -L valgrind --output-on-failure
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DKRAIT_SANITIZE=ON -DCMAKE_C_COMPILER=clang-14 \
    -DKRAIT_CONFORMANCE=OFF >/dev/null
cmake --build build-asan -j2
ctest --test-dir build-asan -j2 --output-on-failure
