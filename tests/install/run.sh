#!/bin/sh
# An installed krait, used as docs/integration.md says. Installs the build tree into a temporary
# prefix and moves it (every path must be relative), then builds project/hello.py three ways:
# a CMake project (find_package(Krait) + krait_add_executable), project/Makefile (`krait build
# -MD`) and krait from the shell through a symlink. Each program must print the expected line,
# and must rebuild when the script changes. A prefix with a broken runtime library must fail to
# link: the installed krait uses its own runtime, never the build tree's.
# Usage: run.sh CMAKE BUILD_DIR CC (not in sanitizer builds: tests/CMakeLists.txt).
set -eu
cmake=$1 build=$2 cc=$3
project=$(cd "$(dirname "$0")/project" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset KRAIT_RUNTIME_LIB KRAIT_RUNTIME_INCLUDE CC CFLAGS MAKEFLAGS MFLAGS MAKELEVEL
fail() { echo "FAIL: $*"; exit 1; }
expect_output() {  # expect_output PROGRAM TEXT
    out=$("$1") || fail "$1 exited with status $?"
    [ "$out" = "$2" ] || fail "$1 printed '$out', expected '$2'"
}

"$cmake" --install "$build" --prefix "$tmp/staging" > "$tmp/install.log" \
    || { cat "$tmp/install.log"; fail "cmake --install"; }
mv "$tmp/staging" "$tmp/prefix"
prefix=$tmp/prefix
for f in bin/krait lib/libkrait_rt.a include/krait/krait.h lib/cmake/Krait/KraitConfig.cmake \
         lib/cmake/Krait/KraitConfigVersion.cmake; do
    [ -f "$prefix/$f" ] || fail "$f is not installed"
done
for h in $(sed -n 's/^#include "\(.*\)"$/\1/p' "$prefix"/include/krait/*.h); do
    [ -f "$prefix/include/krait/$h" ] || fail "include/krait/$h (included by a runtime header) is not installed"
done

# CMake: configure, build, run; then change the script and build again.
mkdir "$tmp/cmake"
cp "$project/CMakeLists.txt" "$project/hello.py" "$tmp/cmake/"
"$cmake" -S "$tmp/cmake" -B "$tmp/cmake/build" -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_C_COMPILER="$cc" > "$tmp/cmake.log" 2>&1 || { cat "$tmp/cmake.log"; fail "configure"; }
"$cmake" --build "$tmp/cmake/build" > "$tmp/cmake.log" 2>&1 || { cat "$tmp/cmake.log"; fail "build"; }
expect_output "$tmp/cmake/build/hello" "hello from krait"
printf 'print("changed")\n' > "$tmp/cmake/hello.py"
"$cmake" --build "$tmp/cmake/build" > "$tmp/cmake.log" 2>&1 || { cat "$tmp/cmake.log"; fail "rebuild"; }
expect_output "$tmp/cmake/build/hello" "changed"

# CMake with a program of several modules: one C file each; a changed module rebuilds, and a
# new import adds its module's C file (the list is taken again when a module changes).
mkdir "$tmp/cmake-modules"
printf 'cmake_minimum_required(VERSION 3.25)\nproject(multi C)\nfind_package(Krait REQUIRED)\nkrait_add_executable(multi main.py)\n' \
    > "$tmp/cmake-modules/CMakeLists.txt"
printf 'import helper\nprint(helper.text())\n' > "$tmp/cmake-modules/main.py"
printf 'def text():\n    return "from helper"\n' > "$tmp/cmake-modules/helper.py"
"$cmake" -S "$tmp/cmake-modules" -B "$tmp/cmake-modules/build" -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_C_COMPILER="$cc" > "$tmp/cmake.log" 2>&1 || { cat "$tmp/cmake.log"; fail "configure (modules)"; }
"$cmake" --build "$tmp/cmake-modules/build" > "$tmp/cmake.log" 2>&1 \
    || { cat "$tmp/cmake.log"; fail "build (modules)"; }
expect_output "$tmp/cmake-modules/build/multi" "from helper"
printf 'import other\ndef text():\n    return other.WORD\n' > "$tmp/cmake-modules/helper.py"
printf 'WORD = "from other"\n' > "$tmp/cmake-modules/other.py"
"$cmake" --build "$tmp/cmake-modules/build" > "$tmp/cmake.log" 2>&1 \
    || { cat "$tmp/cmake.log"; fail "rebuild (modules)"; }
expect_output "$tmp/cmake-modules/build/multi" "from other"
[ -f "$tmp/cmake-modules/build/multi.krait/other.c" ] || fail "no C file for the new module"

# make: build, check the dependency file, nothing to do the second time, rebuild after a change.
mkdir "$tmp/make"
cp "$project/Makefile" "$project/hello.py" "$tmp/make/"
make -s -C "$tmp/make" KRAIT="$prefix/bin/krait" CC="$cc" > "$tmp/make.log" 2>&1 \
    || { cat "$tmp/make.log"; fail "make"; }
expect_output "$tmp/make/hello" "hello from krait"
printf 'hello: hello.py\n\nhello.py:\n' | cmp -s - "$tmp/make/hello.d" \
    || { cat "$tmp/make/hello.d"; fail "unexpected hello.d"; }
make -q -C "$tmp/make" KRAIT="$prefix/bin/krait" || fail "make: hello is not up to date"
printf 'print("changed")\n' > "$tmp/make/hello.py"
touch -d '2001-01-01' "$tmp/make/hello"
make -s -C "$tmp/make" KRAIT="$prefix/bin/krait" CC="$cc" > "$tmp/make.log" 2>&1 \
    || { cat "$tmp/make.log"; fail "make after a change"; }
expect_output "$tmp/make/hello" "changed"

# The shell, through a symlink on PATH, as a package manager installs it.
mkdir "$tmp/bin"
ln -s "$prefix/bin/krait" "$tmp/bin/krait"
(cd "$tmp/make" && PATH="$tmp/bin:$PATH" CC="$cc" krait build hello.py -o hello-sh) \
    || fail "krait build through a symlink"
expect_output "$tmp/make/hello-sh" "changed"

# A moved prefix whose runtime library is empty: linking must fail.
cp -R "$prefix" "$tmp/broken"
rm "$tmp/broken/lib/libkrait_rt.a"
ar rc "$tmp/broken/lib/libkrait_rt.a"
if (cd "$tmp/make" && CC="$cc" "$tmp/broken/bin/krait" build hello.py -o hello-broken) \
        > /dev/null 2>&1; then
    fail "an installed krait linked a runtime other than its own"
fi
echo "install test passed"
