// MT19937, NumPy's (and RandomState's) Mersenne Twister: 624-word key and position, Knuth's
// init_genrand for an integer seed, init_by_array for an array seed, and NumPy's 64-bit and
// double draws built from two 32-bit outputs.
#pragma once
#include <cstdint>

namespace cnp::random {

inline constexpr int kMtN = 624;

struct Mt19937 {
  uint32_t key[kMtN] = {};
  int pos = kMtN;

  void regenerate();  // the next 624 words (mt19937.cpp)
  uint32_t next32() {
    if (pos == kMtN) regenerate();
    uint32_t y = key[pos++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
  }
  uint64_t next64() {
    uint64_t hi = next32();
    return hi << 32 | next32();
  }
  double next_double() {
    int32_t a = int32_t(next32() >> 5), b = int32_t(next32() >> 6);
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }
  // RandomState.seed(int): Knuth's linear recurrence (position 624: the first draw regenerates).
  void seed_scalar(uint32_t s);
  // RandomState.seed(array): Matsumoto and Nishimura's init_by_array.
  void seed_array(const uint32_t* init_key, int64_t n);
  // jumped(): the state 2**128 draws ahead (NumPy's mt19937_jump, mt19937.cpp).
  void jump();
};

}  // namespace cnp::random
