// SFC64 (Chris Doty-Humphrey's Small Fast Chaotic generator), NumPy's SFC64 bit generator:
// four words, seeded from three SeedSequence words with the counter at 1 and twelve discarded
// outputs; the buffered upper half for 32-bit draws.
#pragma once
#include <cstdint>

namespace cnp::random {

struct Sfc64 {
  uint64_t s[4] = {};
  int has_uint32 = 0;
  uint32_t uinteger = 0;

  uint64_t next64() {
    uint64_t tmp = s[0] + s[1] + s[3]++;
    s[0] = s[1] ^ (s[1] >> 11);
    s[1] = s[2] + (s[2] << 3);
    s[2] = ((s[2] << 24) | (s[2] >> 40)) + tmp;
    return tmp;
  }
  void seed(const uint64_t* w) {
    s[0] = w[0];
    s[1] = w[1];
    s[2] = w[2];
    s[3] = 1;
    for (int i = 0; i < 12; ++i) next64();
  }
};

}  // namespace cnp::random
