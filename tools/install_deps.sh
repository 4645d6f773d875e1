#!/usr/bin/env bash
# Installs, with apt-get, whatever cnumpy needs to build and test that is not already present.
# Called first by both README commands and so by CI (.ci/run); safe to run again (no-op when all present).
set -euo pipefail
PKGS=(
  build-essential cmake pkg-config binutils
  libopenblas-dev liblapacke-dev libfftw3-dev   # numeric back ends (linked as modules need them)
  libdlpack-dev   # dlpack.h (DLPack v0.6) for src/interop
  libsleef-dev                                  # vectorised libm (runtime CPU dispatch) for ufuncs
  libhwy-dev                                    # Highway's vectorised quicksort (vqsort) for src/sort
  libicu-dev                                    # Unicode tables of numpy.char on U arrays (src/char)
  libzip-dev zlib1g-dev                         # .npz archives for src/io (issue 25): libzip reads, zlib deflates
  libfast-float-dev                             # fast_float: correctly rounded float parsing for src/io/text_number.cpp (loadtxt)
  catch2                                        # C++ unit tests (v2, catch2/catch.hpp)
  valgrind                                      # memcheck of the plain C test
  python3 python3-numpy python3-cffi python3-pytest python3-hypothesis
  python3-dask python3-distributed              # Dask arrays of cnumpy chunks, LocalCluster test (issue 30)
  python3-dev                                   # headers for the optional C extension cnumpy._speedups
  python3-setuptools python3-pip python3-venv   # pip install ./bindings/python (tests/install)
  file dpkg-dev                                 # cpack -G DEB: dpkg-shlibdeps computes the Depends
  libcpp-httplib-dev                            # server/: the HTTP service on cnumpy (issue 29)
  python3-flask wrk                             # server/: the Flask comparison and the load test
  wamerican                                     # /usr/share/dict/words: string benchmarks, word frequencies (issue 23)
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install_deps: all packages present"
  exit 0
fi
echo "install_deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
