// The interface of a fuzz target: libFuzzer's entry point plus seeds and a dictionary for the
// deterministic smoke driver (driver.cpp).
#pragma once
#include <cstddef>
#include <cstdint>

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
