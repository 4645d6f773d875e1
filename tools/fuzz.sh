#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer (issue 18): builds the fuzz targets of tests/fuzz with
# clang, -fsanitize=fuzzer plus AddressSanitizer and UndefinedBehaviorSanitizer (the whole library
# instrumented for coverage), runs the CTest smoke runs (libfuzzer_smoke_*: 20,000 executions each
# from the targets' seeds), then runs each target for RUNS executions (default 10 million, one job)
# and prints libFuzzer's summary. Crashes and hangs leave a reproducer in build-fuzz/artifacts/.
#   bash tools/fuzz.sh [RUNS] [target...]      targets: dtype record einsum printoptions npy npz char textio datetime
# The README's test command does not need clang: the same targets run there as deterministic smoke
# tests (fuzz_smoke_*, tests/fuzz/driver.cpp) in the GCC and ASan/UBSan builds.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-10000000}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(dtype record einsum printoptions npy npz char textio datetime)
# Debian's clang and its libFuzzer runtime (not in tools/install_deps.sh: only this script needs them).
command -v clang++ >/dev/null && ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 ||
  { apt-get update -qq && apt-get install -y -qq clang libclang-rt-14-dev; }
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCNUMPY_LIBFUZZER=ON \
  -DCNUMPY_SANITIZE=fuzzer-no-link,address,undefined "${launcher[@]}"
for t in "${TARGETS[@]}"; do cmake --build build-fuzz -j2 --target "fuzz_$t"; done
(cd build-fuzz && ctest --output-on-failure -R "^libfuzzer_smoke_($(IFS='|'; echo "${TARGETS[*]}"))\$")
mkdir -p build-fuzz/artifacts
for t in "${TARGETS[@]}"; do
  echo "== fuzz_$t: $RUNS runs"
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "build-fuzz/tests/fuzz_$t" -runs="$RUNS" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix=build-fuzz/artifacts/ "build-fuzz/corpus/$t"
done
