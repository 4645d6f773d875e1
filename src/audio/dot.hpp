// Dot products for the FIR inner loop, written with GCC vector extensions: two 64-byte
// accumulators (8 doubles or 16 floats each) give independent add chains that the compiler maps
// onto SSE2, AVX2 or AVX-512 registers alike. The lane arithmetic is plain multiply and add in a
// fixed order (no FMA, -ffp-contract=off), so every ISA gives bit-identical results.
#pragma once
#include <cstdint>
#include <cstring>

// The 64-byte vector types are internal: every function that takes or returns one is forced inline,
// because target_clones compiles its callers for several ISAs whose by-value vector ABIs differ
// (an out-of-line copy, as -O0 builds make, would be called with the wrong convention).
#pragma GCC diagnostic ignored "-Wpsabi"

namespace cnp::audio {

template <class S>
struct Vec;
template <>
struct Vec<double> {
  typedef double type __attribute__((vector_size(64)));
  static constexpr int lanes = 8;
};
template <>
struct Vec<float> {
  typedef float type __attribute__((vector_size(64)));
  static constexpr int lanes = 16;
};

template <class S>
[[gnu::always_inline]] inline typename Vec<S>::type vload(const S* p) {
  typename Vec<S>::type v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// Lane sum as a fixed pairwise tree (upper half added to the lower half, repeatedly): short
// latency, register-only, and the same order on every ISA.
[[gnu::always_inline]] inline float hsum16(Vec<float>::type v) {
  auto a = __builtin_shufflevector(v, v, 0, 1, 2, 3, 4, 5, 6, 7) + __builtin_shufflevector(v, v, 8, 9, 10, 11, 12, 13, 14, 15);
  auto b = __builtin_shufflevector(a, a, 0, 1, 2, 3) + __builtin_shufflevector(a, a, 4, 5, 6, 7);
  return (b[0] + b[2]) + (b[1] + b[3]);
}
[[gnu::always_inline]] inline double hsum8(Vec<double>::type v) {
  auto a = __builtin_shufflevector(v, v, 0, 1, 2, 3) + __builtin_shufflevector(v, v, 4, 5, 6, 7);
  return (a[0] + a[2]) + (a[1] + a[3]);
}
template <class S>
[[gnu::always_inline]] inline S hsum(typename Vec<S>::type v) {
  if constexpr (sizeof(S) == 4)
    return hsum16(v);
  else
    return hsum8(v);
}

// The lane-wise partial sums of c[i] * x[i] for n a multiple of lanes (16 for float, 8 for
// double): pairs of vectors into two accumulators, an odd last vector into the first, then a0 + a1.
// Kernels that reduce several outputs together (kernels.cpp) sum the lanes themselves.
template <class S>
[[gnu::always_inline]] inline typename Vec<S>::type dot_lanes(const S* __restrict c, const S* __restrict x, int64_t n) {
  using V = typename Vec<S>::type;
  constexpr int L = Vec<S>::lanes;
  V a0 = {}, a1 = {};
  int64_t i = 0;
  for (; i + 2 * L <= n; i += 2 * L) {
    a0 += vload(c + i) * vload(x + i);
    a1 += vload(c + i + L) * vload(x + i + L);
  }
  if (i < n) a0 += vload(c + i) * vload(x + i);
  return a0 + a1;
}

// sum c[i] * x[i] for n a multiple of lanes.
template <class S>
[[gnu::always_inline]] inline S dot(const S* __restrict c, const S* __restrict x, int64_t n) {
  return hsum<S>(dot_lanes<S>(c, x, n));
}

// c = w0*r0 + w1*r1 + w2*r2 + w3*r3 (the cubic interpolation of four table rows).
template <class S>
[[gnu::always_inline]] inline void combine4(S* __restrict c, const S* r0, const S* r1, const S* r2, const S* r3, S w0, S w1, S w2, S w3,
                     int64_t n) {
  for (int64_t i = 0; i < n; ++i) c[i] = ((w0 * r0[i] + w1 * r1[i]) + w2 * r2[i]) + w3 * r3[i];
}

}  // namespace cnp::audio
