#!/usr/bin/env bash
# Long fuzzing runs with libFuzzer (issue 18): builds the fuzz targets of tests/fuzz with clang,
# -fsanitize=fuzzer plus AddressSanitizer and UndefinedBehaviorSanitizer (the library itself
# instrumented for coverage), then runs each for RUNS executions (default 10 million) and prints
# libFuzzer's summary. Crashes and hangs leave a reproducer in build-fuzz/artifacts/.
#   bash tools/fuzz.sh [RUNS] [target...]      targets: dtype einsum printoptions
# Status (issue 18): the library does not compile with clang yet (src/linalg/small_gemm.cpp uses
# GCC's __builtin_shuffle), so this stops at the build; until then the long runs use the smoke
# driver of a GCC build: build/tests/fuzz_<target> RUNS (see docs/reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-10000000}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(dtype einsum printoptions)
# clang is not in tools/install_deps.sh: the README's commands do not need it.
command -v clang++ >/dev/null || { apt-get update -qq && apt-get install -y -qq clang libclang-rt-14-dev; }
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCNUMPY_LIBFUZZER=ON \
  -DCNUMPY_SANITIZE=fuzzer-no-link,address,undefined
for t in "${TARGETS[@]}"; do cmake --build build-fuzz -j2 --target "fuzz_$t"; done
mkdir -p build-fuzz/artifacts
for t in "${TARGETS[@]}"; do
  mkdir -p "build-fuzz/corpus/$t"
  echo "== fuzz_$t: $RUNS runs"
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "build-fuzz/tests/fuzz_$t" -runs="$RUNS" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix=build-fuzz/artifacts/ "build-fuzz/corpus/$t"
done
