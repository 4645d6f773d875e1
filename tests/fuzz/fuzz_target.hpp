// The interface of a fuzz target: libFuzzer's entry point plus seeds and a dictionary for the
// deterministic smoke driver (driver.cpp).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "cnumpy/cnumpy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace fuzz {
extern const char* const kSeeds[];
extern const size_t kNumSeeds;
// Lengths of binary seeds (files with NUL bytes: the .npy/.npz targets); a target that does not
// define it has C-string seeds (this weak reference is then null).
extern const size_t kSeedSizes[] __attribute__((weak));
inline size_t seed_size(size_t i) { return kSeedSizes ? kSeedSizes[i] : __builtin_strlen(kSeeds[i]); }
extern const char* const kDict[];
extern const size_t kNumDict;
}  // namespace fuzz

namespace fuzz {
// A broken promise: report the target, what, and the library's status and message, then abort
// (libFuzzer and the smoke driver both record an abort as a finding).
[[noreturn]] inline void fail_status(const char* target, const char* why, cnp_status st) {
  std::fprintf(stderr, "%s: %s (%s: %s)\n", target, why, cnp_status_name(st), cnp_last_error());
  std::abort();
}
}  // namespace fuzz
