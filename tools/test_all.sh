#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, runs every test through CTest
# (Catch2, the C99 user program, valgrind, the export and layer checks, pytest on the ctypes and
# cffi backends), then rebuilds the C/C++ tests with AddressSanitizer + UndefinedBehaviorSanitizer
# and runs them, and runs the 8-thread stress test under ThreadSanitizer. Exits non-zero on any
# failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install_deps.sh
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")

# Memory errors and undefined behaviour fail the run from the first day.
cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DCNUMPY_SANITIZE=address,undefined
cmake --build build-sanitize -j"$jobs"
(cd build-sanitize && ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j"$jobs")

# Data races (issue 18): the library's objects once more with ThreadSanitizer, for the one program
# that needs them (tests/threads/thread_stress.cpp; -O1 keeps the build and the run short).
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" -DCNUMPY_SANITIZE=thread
cmake --build build-tsan -j"$jobs" --target cnumpy_thread_stress
(cd build-tsan && ctest --output-on-failure -R '^thread_stress$')
