// PCG64 (XSL-RR 128/64) and PCG64DXSM (cheap-multiplier "DXSM" output), NumPy's two PCG bit
// generators: the 128-bit LCG state, NumPy's seeding (both seed through the default-multiplier
// srandom, as NumPy's pcg64_set_seed does), the buffered upper half for 32-bit draws, and
// advance (Brown's jump-ahead by squaring).
#pragma once
#include <cstdint>

namespace cnp::random {

using u128 = unsigned __int128;

inline constexpr u128 kPcgMult = (u128(2549297995355413924ull) << 64) | 4865540595714422341ull;
inline constexpr uint64_t kPcgCheapMult = 0xda942042e4dd58b5ull;

struct Pcg64 {
  u128 state = 0, inc = 0;
  int has_uint32 = 0;
  uint32_t uinteger = 0;

  static uint64_t rotr(uint64_t v, unsigned r) { return (v >> r) | (v << ((-r) & 63)); }
  uint64_t next64() {
    state = state * kPcgMult + inc;
    return rotr(uint64_t(state >> 64) ^ uint64_t(state), unsigned(state >> 122));
  }
  void seed(u128 initstate, u128 initseq) {
    state = 0;
    inc = (initseq << 1) | 1;
    state = state * kPcgMult + inc;
    state += initstate;
    state = state * kPcgMult + inc;
  }
};

struct Pcg64Dxsm {
  u128 state = 0, inc = 0;
  int has_uint32 = 0;
  uint32_t uinteger = 0;

  uint64_t next64() {
    uint64_t hi = uint64_t(state >> 64), lo = uint64_t(state) | 1;
    hi ^= hi >> 32;
    hi *= kPcgCheapMult;
    hi ^= hi >> 48;
    hi *= lo;
    state = state * u128(kPcgCheapMult) + inc;
    return hi;
  }
  void seed(u128 initstate, u128 initseq) {  // NumPy seeds DXSM with the default multiplier
    Pcg64 p;
    p.seed(initstate, initseq);
    state = p.state;
    inc = p.inc;
  }
};

// The LCG state after delta steps of x -> mult * x + plus.
inline u128 lcg_advance(u128 state, u128 delta, u128 mult, u128 plus) {
  u128 acc_mult = 1, acc_plus = 0;
  while (delta > 0) {
    if (delta & 1) {
      acc_mult *= mult;
      acc_plus = acc_plus * mult + plus;
    }
    plus = (mult + 1) * plus;
    mult *= mult;
    delta >>= 1;
  }
  return acc_mult * state + acc_plus;
}

}  // namespace cnp::random
