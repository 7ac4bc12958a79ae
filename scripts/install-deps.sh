#!/bin/sh
# Installs everything krait needs to build and test on Debian 12. Idempotent: does nothing when
# every package is already there. Run as root (or with sudo available).
set -eu
PACKAGES="build-essential cmake clang-14 libclang-14-dev libclang-rt-14-dev llvm-14 libgc-dev libgmp-dev libcunit1-dev valgrind pkg-config"
missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
if [ -z "$missing" ]; then
    echo "install-deps: all dependencies present"
    exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
    SUDO=sudo
fi
echo "install-deps: installing$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
