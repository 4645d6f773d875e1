#!/usr/bin/env bash
# CTest "install_prefix": `cmake --install` of this build into a temporary prefix, then the
# installed pieces used the way a user would, from outside the checkout with a cleared
# environment: the Python package (with _speedups when it was built) imports and finds the
# installed libcnumpy by itself, and the README's C example compiles with the installed
# pkg-config file and runs.
# Usage: check_install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd) src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" > "$tmp/install.log"

site=$(find "$prefix/lib" -maxdepth 3 -type d -name dist-packages | head -n 1)
[ -f "$site/cnumpy/__init__.py" ] || { echo "no cnumpy package under $prefix/lib"; exit 1; }
[ -f "$site/cnumpy/include/cnumpy/core.h" ] || { echo "the package carries no headers"; exit 1; }

# A clean environment: no CNUMPY_* variables, no LD_LIBRARY_PATH, not in the checkout. PYTHONPATH
# names the temporary site directory only because Python does not search a made-up prefix
# (under /usr/local no variable is needed: tools/fresh_check.sh checks that).
cd "$tmp"
speedups_built=0
ls "$build"/_speedups*.so > /dev/null 2>&1 && speedups_built=1
for backend in ctypes cffi; do
  env -i PATH=/usr/bin:/bin PYTHONPATH="$site" CNUMPY_BACKEND=$backend \
      CNUMPY_SPEEDUPS=$([ $speedups_built = 1 ] && echo 1 || echo auto) /usr/bin/python3 - "$prefix" "$src" <<'PY'
import os, sys
prefix, src = sys.argv[1], sys.argv[2]
import cnumpy as cnp
from cnumpy import _backend
assert cnp.__file__.startswith(prefix), cnp.__file__
assert os.path.realpath(_backend.path).startswith(os.path.realpath(prefix)), _backend.path
assert os.path.basename(_backend.path) == "libcnumpy.so.%d" % _backend.lib.cnp_abi_version()
a = cnp.arange(12, dtype="float32").reshape(3, 4)
v = a[:, ::-2]
v[0, 0] = 100
assert a.tolist()[0] == [0.0, 1.0, 2.0, 100.0], a.tolist()
assert float(cnp.linalg.det(cnp.array([[3.0, 1.0], [1.0, 2.0]]))) - 5.0 < 1e-12
assert abs(cnp.fft.rfft(cnp.sin(2 * cnp.pi * cnp.arange(64) / 64))[1].imag + 32) < 1e-9
print("python (%s): ok, %s" % (_backend.NAME, _backend.path))
PY
done

# The README's C example, built against the installed library only.
awk '/^## C example/{f=1} f && /^```c/{p=1; next} p && /^```/{exit} p' "$src/README.md" > demo.c
[ -s demo.c ] || { echo "README has no C example"; exit 1; }
export PKG_CONFIG_PATH=$(dirname "$(find "$prefix" -name cnumpy.pc | head -n 1)")
cc -std=c99 -Wall -Werror demo.c $(pkg-config --cflags --libs cnumpy) -o demo
out=$(env -i LD_LIBRARY_PATH="$(pkg-config --variable=libdir cnumpy)" ./demo)
[ "$out" = "t[2, 1] = 5" ] || { echo "C example printed: $out"; exit 1; }
echo "C example: $out"

# pip: the package from bindings/python (pyproject.toml) into a virtual environment, against the
# library installed above (a copy of the sources: pip builds in the source folder).
mkdir -p "$tmp/src/bindings"
cp -r "$src/bindings/python" "$tmp/src/bindings/python"
cp -r "$src/include" "$tmp/src/include"
rm -rf "$tmp/src/bindings/python/build" "$tmp/src/bindings/python"/*.egg-info
/usr/bin/python3 -m venv --system-site-packages "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q --no-build-isolation --no-index "$tmp/src/bindings/python" > "$tmp/pip.log" 2>&1 \
  || { cat "$tmp/pip.log"; exit 1; }
env -i PATH=/usr/bin:/bin "$tmp/venv/bin/python" -c "import cnumpy" 2> "$tmp/err.log" && {
  echo "import cnumpy succeeded without any libcnumpy to find"; exit 1; }
grep -q "ImportError: cnumpy: cannot find libcnumpy.so" "$tmp/err.log" || { cat "$tmp/err.log"; exit 1; }
env -i PATH=/usr/bin:/bin CNUMPY_LIBRARY="$(pkg-config --variable=libdir cnumpy)/libcnumpy.so" "$tmp/venv/bin/python" -c "
import cnumpy, os
assert cnumpy.__file__.startswith('$tmp/venv'), cnumpy.__file__
assert os.path.isfile(os.path.join(os.path.dirname(cnumpy.__file__), 'include', 'cnumpy', 'core.h'))
assert cnumpy.ones(3).sum() == 3.0
print('pip install: ok, _speedups', 'built' if cnumpy._accel._load() else 'not built')"
