// The bit generator behind a cnp_bitgen handle: one of NumPy's five algorithms, chosen at
// creation, plus RandomState's cached second Gaussian. Draws dispatch with a switch on the kind
// (inlined and perfectly predicted in a fill loop); the hot fills instead call with_engine()
// to run a loop compiled for the concrete engine.
#pragma once
#include <cstdint>
#include <vector>

#include "random/mt19937.hpp"
#include "random/pcg64.hpp"
#include "random/philox.hpp"
#include "random/sfc64.hpp"

namespace cnp::random {

enum Kind : int32_t { kPcg64 = 0, kPcg64Dxsm = 1, kMt19937 = 2, kPhilox = 3, kSfc64 = 4 };

// Engines with a buffered 32-bit half (all but MT19937, whose native output is 32 bits).
template <class E>
inline uint32_t next32_buffered(E& e) {
  if (e.has_uint32) {
    e.has_uint32 = 0;
    return e.uinteger;
  }
  uint64_t n = e.next64();
  e.has_uint32 = 1;
  e.uinteger = uint32_t(n >> 32);
  return uint32_t(n);
}

template <class E>
inline uint32_t next32(E& e) {
  if constexpr (requires { e.next32(); })
    return e.next32();
  else
    return next32_buffered(e);
}
template <class E>
inline double next_double(E& e) {
  if constexpr (requires { e.next_double(); })
    return e.next_double();
  else
    // < 2**53: exact, and a signed convert is one instruction
    return double(int64_t(e.next64() >> 11)) * (1.0 / 9007199254740992.0);
}
template <class E>
inline float next_float(E& e) {
  return float(next32(e) >> 8) * (1.0f / 16777216.0f);
}

struct BitGen {
  Kind kind = kPcg64;
  union {
    Pcg64 pcg;
    Pcg64Dxsm dxsm;
    Mt19937 mt;
    Philox philox;
    Sfc64 sfc;
  };
  // RandomState's legacy Gaussian pair: the second value of the last polar draw.
  int has_gauss = 0;
  double gauss = 0.0;

  explicit BitGen(Kind k);

  uint64_t next64() {
    switch (kind) {
      case kPcg64: return pcg.next64();
      case kPcg64Dxsm: return dxsm.next64();
      case kMt19937: return mt.next64();
      case kPhilox: return philox.next64();
      default: return sfc.next64();
    }
  }
  uint32_t next32() {
    switch (kind) {
      case kPcg64: return next32_buffered(pcg);
      case kPcg64Dxsm: return next32_buffered(dxsm);
      case kMt19937: return mt.next32();
      case kPhilox: return next32_buffered(philox);
      default: return next32_buffered(sfc);
    }
  }
  double next_double() {
    if (kind == kMt19937) return mt.next_double();
    return double(int64_t(next64() >> 11)) * (1.0 / 9007199254740992.0);
  }
  float next_float() { return float(next32() >> 8) * (1.0f / 16777216.0f); }
};

// Runs f(engine) with the concrete engine type, so that a fill loop inlines its draws.
template <class F>
decltype(auto) with_engine(BitGen& g, F&& f) {
  switch (g.kind) {
    case kPcg64: return f(g.pcg);
    case kPcg64Dxsm: return f(g.dxsm);
    case kMt19937: return f(g.mt);
    case kPhilox: return f(g.philox);
    default: return f(g.sfc);
  }
}

// Number of SeedSequence uint32 words each kind is seeded from (NumPy's generate_state calls).
int64_t seed_words(Kind k);
// Seeds from SeedSequence.generate_state output (seed_words(kind) uint32 words).
void seed_from_words(BitGen& g, const uint32_t* words, int64_t n);
// The state as uint64 words (layout in include/cnumpy/random.h) and back.
std::vector<uint64_t> get_state(const BitGen& g);
void set_state(BitGen& g, const uint64_t* words, int64_t n);
int64_t state_words(Kind k);
// advance(delta) for PCG64/PCG64DXSM (128-bit delta, 2 words high first) and Philox (256-bit,
// 4 words little-endian); resets the buffered values as NumPy does.
void advance(BitGen& g, const uint64_t* delta, int64_t n);
// jumped(jumps) in place: PCG64/PCG64DXSM advance by jumps * 0x9e3779b97f4a7c15f39cc0605cedc835,
// Philox by jumps * 2**128, MT19937 by the jump polynomial applied jumps times.
void jump(BitGen& g, int64_t jumps);

}  // namespace cnp::random
