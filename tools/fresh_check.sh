#!/usr/bin/env bash
# The newcomer's path on machines that never saw cnumpy (issue 16). Not run by CI (it takes a
# while); run it before changing set-up and record the date and result in docs/install.md.
#
#  1. debootstrap a clean Debian 12 (bookworm) root, copy the committed checkout (git archive
#     HEAD) in, and run the README's two commands there: `bash tools/demo.sh` (installs what is
#     missing, builds, the audit report) and `bash tools/test_all.sh` (every test); then build
#     the .deb packages there with `cpack -G DEB`.
#  2. A second clean root gets only those packages (`apt-get install ./libcnumpy[0-9]*_*.deb
#     ./python3-cnumpy_*.deb ./libcnumpy-dev_*.deb`, Depends pulled from Debian) and runs the
#     README's C example (cc + pkg-config) and Python example (no NumPy installed there).
# A missing install step found here is a bug in tools/install_deps.sh (or the packaging).
#
# Needs root (debootstrap, chroot, mounts) and Debian's mirror. Environment: FRESH_DIR (default
# /var/tmp/cnumpy-fresh; the base root is cached there between runs), DEBIAN_MIRROR,
# FRESH_SKIP_TESTS=1 (step 1 runs only the demonstration and the packaging).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${FRESH_DIR:-/var/tmp/cnumpy-fresh}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
[ "$(id -u)" -eq 0 ] || { echo "fresh_check: run as root (debootstrap, chroot)"; exit 2; }
command -v debootstrap > /dev/null || { apt-get update -qq; apt-get install -y -qq debootstrap; }

mounted=()
cleanup() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2> /dev/null || true; done
}
trap cleanup EXIT

enter() {   # enter ROOT: mounts what a chroot needs to build and test
  local root=$1
  for fs in proc sys dev dev/pts; do
    mkdir -p "$root/$fs"
    mount --bind "/$fs" "$root/$fs"
    mounted+=("$root/$fs")
  done
  cp /etc/resolv.conf "$root/etc/resolv.conf"
}

leave() {
  cleanup
  mounted=()
}

fresh_root() {   # fresh_root DIR: a copy of the cached minimal bookworm root
  if [ ! -f "$work/base/.complete" ]; then
    rm -rf "$work/base"
    mkdir -p "$work"
    debootstrap --variant=minbase bookworm "$work/base" "$mirror"
    touch "$work/base/.complete"
  fi
  rm -rf "$1"
  cp -a "$work/base" "$1"
}

started=$(date -u '+%Y-%m-%d %H:%M UTC')
rev=$(git -C "$repo" rev-parse --short HEAD)

echo "== fresh_check: 1. the README's commands in a clean bookworm root (revision $rev)"
build_root=$work/build-root
fresh_root "$build_root"
mkdir -p "$build_root/src/cnumpy"
git -C "$repo" archive HEAD | tar -x -C "$build_root/src/cnumpy"
enter "$build_root"
tests='bash tools/test_all.sh'
[ "${FRESH_SKIP_TESTS:-0}" = 1 ] && tests='echo "(tests skipped: FRESH_SKIP_TESTS=1)"'
chroot "$build_root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root bash -c "
  set -euo pipefail
  cd /src/cnumpy
  bash tools/demo.sh
  $tests
  cd build && rm -f ./*.deb && cpack -G DEB > /dev/null && ls ./*.deb"
leave
mkdir -p "$work/debs"
rm -f "$work/debs"/*.deb
cp "$build_root/src/cnumpy/build"/*.deb "$work/debs/"

echo "== fresh_check: 2. the .deb packages in another clean root"
pkg_root=$work/pkg-root
fresh_root "$pkg_root"
mkdir -p "$pkg_root/debs" "$pkg_root/example"
cp "$work/debs"/*.deb "$pkg_root/debs/"
awk '/^## C example/{f=1} f && /^```c/{p=1; next} p && /^```/{exit} p' "$repo/README.md" > "$pkg_root/example/demo.c"
# The README's first Python example (the one without NumPy: none is installed here).
awk '/^## Python example/{f=1} f && /^```python/{p=1; next} p && /^```/{exit} p' "$repo/README.md" \
  | sed '/^import numpy/,$d' > "$pkg_root/example/demo.py"
enter "$pkg_root"
chroot "$pkg_root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root bash -c '
  set -euo pipefail
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends ./debs/libcnumpy[0-9]*_*.deb ./debs/python3-cnumpy_*.deb \
      ./debs/libcnumpy-dev_*.deb gcc libc6-dev pkg-config > /dev/null
  cd /example
  cc -std=c99 -Wall -Werror demo.c $(pkg-config --cflags --libs cnumpy) -o demo
  ./demo
  cd / && python3 /example/demo.py
  python3 -c "import numpy" 2> /dev/null && { echo "numpy should not be installed here"; exit 1; } || true
  python3 -c "import cnumpy; print(\"cnumpy\", cnumpy.__version__, \"from\", cnumpy.__file__)"'
leave
echo "== fresh_check: passed (started $started, revision $rev)"
