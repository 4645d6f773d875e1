// Philox 4x64-10, NumPy's counter-based bit generator: 256-bit counter, 128-bit key, a buffer of
// the four words of the last block, the buffered upper half for 32-bit draws, and advance by a
// 256-bit step (jumped() advances by 2**128).
#pragma once
#include <cstdint>

namespace cnp::random {

struct Philox {
  uint64_t ctr[4] = {}, key[2] = {};
  uint64_t buffer[4] = {};
  int buffer_pos = 4;
  int has_uint32 = 0;
  uint32_t uinteger = 0;

  static uint64_t mulhilo(uint64_t a, uint64_t b, uint64_t* hi) {
    unsigned __int128 p = (unsigned __int128)a * b;
    *hi = uint64_t(p >> 64);
    return uint64_t(p);
  }
  uint64_t next64() {
    if (buffer_pos < 4) return buffer[buffer_pos++];
    if (++ctr[0] == 0 && ++ctr[1] == 0 && ++ctr[2] == 0) ++ctr[3];
    uint64_t c[4] = {ctr[0], ctr[1], ctr[2], ctr[3]}, k0 = key[0], k1 = key[1];
    for (int r = 0; r < 10; ++r) {
      if (r > 0) {
        k0 += 0x9E3779B97F4A7C15ull;
        k1 += 0xBB67AE8584CAA73Bull;
      }
      uint64_t hi0, hi1;
      uint64_t lo0 = mulhilo(0xD2E7470EE14C6C93ull, c[0], &hi0);
      uint64_t lo1 = mulhilo(0xCA5A826395121157ull, c[2], &hi1);
      uint64_t n0 = hi1 ^ c[1] ^ k0, n2 = hi0 ^ c[3] ^ k1;
      c[0] = n0;
      c[1] = lo1;
      c[2] = n2;
      c[3] = lo0;
    }
    for (int i = 0; i < 4; ++i) buffer[i] = c[i];
    buffer_pos = 1;
    return buffer[0];
  }
  // Adds a 256-bit step (little-endian words) to the counter, as NumPy's philox_advance.
  void advance(const uint64_t* step) {
    int carry = 0;
    for (int i = 0; i < 4; ++i) {
      if (carry == 1) {
        ++ctr[i];
        carry = ctr[i] == 0 ? 1 : 0;
      }
      uint64_t orig = ctr[i];
      ctr[i] += step[i];
      if (ctr[i] < orig && carry == 0) carry = 1;
    }
  }
};

}  // namespace cnp::random
