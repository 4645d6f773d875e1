// The interface of a fuzz target: libFuzzer's entry point plus seeds and a dictionary for the
// deterministic smoke driver (driver.cpp).
#pragma once
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace fuzz {
extern const char* const kSeeds[];
extern const size_t kNumSeeds;
extern const char* const kDict[];
extern const size_t kNumDict;
}  // namespace fuzz
