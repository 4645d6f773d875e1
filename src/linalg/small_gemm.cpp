// Register-blocked kernels for stacks of small matrix products. A row of C that is exactly one
// vector wide (8 doubles, 16 floats, 4 complex128, ...) stays in a register while the k rows of
// B stream past: c_i += a[i, p] * b_p, four rows of C at a time (two for complex). The stack loop
// runs inside the cloned function (AVX-512, AVX2, baseline chosen once per call by
// target_clones), and walks the broadcast leading axes with an incremented index instead of a
// division per matrix. Plain multiply and add (no FMA: -ffp-contract=off), so every ISA gives
// the same bits; NumPy's per-matrix ?gemm rounds differently only in the last ulp.
#include "linalg/small_gemm.hpp"

#include <cstring>
#include <utility>

#include "core/types.hpp"
#include "core/target.hpp"

// The vector types are internal: every function taking or returning one is forced inline, because
// target_clones compiles the callers for ISAs whose by-value vector ABIs differ.
#pragma GCC diagnostic ignored "-Wpsabi"

namespace cnp::linalg {

namespace {

template <class R, int W>
struct Vec {
  typedef R type __attribute__((vector_size(W * sizeof(R))));
};

template <class V, class R>
[[gnu::always_inline]] inline V vload(const R* p) {
  V v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
template <class V, class R>
[[gnu::always_inline]] inline void vstore(R* p, V v) {
  std::memcpy(p, &v, sizeof v);
}

// Real: c (n x M) = a (n x k, element strides ars/acs) . b (k x M, rows brs apart, contiguous).
template <class R, int M>
[[gnu::always_inline]] inline void real_block(const R* a, int64_t ars, int64_t acs, const R* b, int64_t brs, R* c,
                                              int64_t ldc, int64_t n, int64_t k) {
  using V = typename Vec<R, M>::type;
  int64_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const R *a0 = a + i * ars, *a1 = a0 + ars, *a2 = a1 + ars, *a3 = a2 + ars;
    V c0 = {}, c1 = {}, c2 = {}, c3 = {};
    for (int64_t p = 0; p < k; ++p) {
      const V bv = vload<V>(b + p * brs);
      const int64_t o = p * acs;
      c0 += a0[o] * bv;
      c1 += a1[o] * bv;
      c2 += a2[o] * bv;
      c3 += a3[o] * bv;
    }
    vstore(c + i * ldc, c0);
    vstore(c + (i + 1) * ldc, c1);
    vstore(c + (i + 2) * ldc, c2);
    vstore(c + (i + 3) * ldc, c3);
  }
  for (; i < n; ++i) {
    const R* ai = a + i * ars;
    V c0 = {};
    for (int64_t p = 0; p < k; ++p) c0 += ai[p * acs] * vload<V>(b + p * brs);
    vstore(c + i * ldc, c0);
  }
}

// Vectors wider than 64 bytes (one AVX-512 register) are not kept in registers by GCC: wider
// rows are done in 64-byte column blocks.
template <class R>
inline constexpr int kBlock = int(64 / sizeof(R));

template <class R, int M>
[[gnu::always_inline]] inline void real_mat(const R* a, int64_t ars, int64_t acs, const R* b, int64_t brs, R* c,
                                            int64_t n, int64_t k) {
  if constexpr (M <= kBlock<R>) {
    real_block<R, M>(a, ars, acs, b, brs, c, M, n, k);
  } else {
    for (int j = 0; j < M; j += kBlock<R>) real_block<R, kBlock<R>>(a, ars, acs, b + j, brs, c + j, M, n, k);
  }
}

// Complex, as interleaved (re, im) reals: with P = sum_p re(a_ip) b_p and Q = sum_p im(a_ip) b_p,
// c_i = P + i Q, i.e. re = P.re - Q.im, im = P.im + Q.re: one pair swap per row at the end.
// p + swap_pairs(q) * sign. A free always_inline function, not a lambda: vectors passed by value
// must never cross an out-of-line call inside target_clones code (the clones' vector ABIs differ;
// an -O0 build keeps lambdas out of line).
// The pair swap is a constant permutation (lane j takes lane j ^ 1): __builtin_shufflevector with
// constant indices, which GCC (12+) and clang both accept and lower to one shuffle instruction.
template <class V, std::size_t... J>
[[gnu::always_inline]] inline V swap_pairs(V q, std::index_sequence<J...>) {
  return __builtin_shufflevector(q, q, int(J ^ 1)...);
}
template <int W, class V>
[[gnu::always_inline]] inline V finish_pair(V p, V q, V sign) {
  return p + swap_pairs(q, std::make_index_sequence<W>{}) * sign;
}

template <class R, int M>
[[gnu::always_inline]] inline void complex_block(const R* a, int64_t ars, int64_t acs, const R* b, int64_t brs, R* c,
                                                 int64_t ldc, int64_t n, int64_t k) {
  constexpr int W = 2 * M;
  using V = typename Vec<R, W>::type;
  V sign;
  for (int j = 0; j < W; ++j) sign[j] = (j & 1) ? R(1) : R(-1);
  int64_t i = 0;
  for (; i + 2 <= n; i += 2) {
    const R *a0 = a + 2 * i * ars, *a1 = a0 + 2 * ars;
    V p0 = {}, q0 = {}, p1 = {}, q1 = {};
    for (int64_t p = 0; p < k; ++p) {
      const V bv = vload<V>(b + 2 * p * brs);
      const int64_t o = 2 * p * acs;
      p0 += a0[o] * bv;
      q0 += a0[o + 1] * bv;
      p1 += a1[o] * bv;
      q1 += a1[o + 1] * bv;
    }
    vstore(c + 2 * i * ldc, finish_pair<W>(p0, q0, sign));
    vstore(c + 2 * (i + 1) * ldc, finish_pair<W>(p1, q1, sign));
  }
  for (; i < n; ++i) {
    const R* ai = a + 2 * i * ars;
    V p0 = {}, q0 = {};
    for (int64_t p = 0; p < k; ++p) {
      const V bv = vload<V>(b + 2 * p * brs);
      p0 += ai[2 * p * acs] * bv;
      q0 += ai[2 * p * acs + 1] * bv;
    }
    vstore(c + 2 * i * ldc, finish_pair<W>(p0, q0, sign));
  }
}

template <class R, int M>
[[gnu::always_inline]] inline void complex_mat(const R* a, int64_t ars, int64_t acs, const R* b, int64_t brs, R* c,
                                               int64_t n, int64_t k) {
  constexpr int B = kBlock<R> / 2;  // complex numbers per 64-byte block
  if constexpr (M <= B) {
    complex_block<R, M>(a, ars, acs, b, brs, c, M, n, k);
  } else {
    for (int j = 0; j < M; j += B) complex_block<R, B>(a, ars, acs, b + 2 * j, brs, c + 2 * j, M, n, k);
  }
}

// The stack [lo, hi): pointers advanced by an odometer over the leading axes.
template <class R, int M, bool Cplx>
[[gnu::always_inline]] inline void stack(const SmallBatch& s, int64_t lo, int64_t hi) {
  constexpr int64_t esz = Cplx ? 2 * sizeof(R) : sizeof(R);
  const int64_t ars = s.ars / esz, acs = s.acs / esz, brs = s.brs / esz;
  int64_t idx[kMaxDims];
  const char* pa = s.a;
  const char* pb = s.b;
  int64_t r = lo;
  for (int32_t d = s.nlead - 1; d >= 0; --d) {
    idx[d] = r % s.lead[d];
    r /= s.lead[d];
    pa += idx[d] * s.sa[d];
    pb += idx[d] * s.sb[d];
  }
  const int64_t csize = s.n * s.m * (Cplx ? 2 : 1);
  R* c = reinterpret_cast<R*>(s.c) + lo * csize;
  for (int64_t bi = lo; bi < hi; ++bi, c += csize) {
    const R* a = reinterpret_cast<const R*>(pa);
    const R* b = reinterpret_cast<const R*>(pb);
    if constexpr (Cplx) complex_mat<R, M>(a, ars, acs, b, brs, c, s.n, s.k);
    else real_mat<R, M>(a, ars, acs, b, brs, c, s.n, s.k);
    for (int32_t d = s.nlead - 1; d >= 0; --d) {
      pa += s.sa[d];
      pb += s.sb[d];
      if (++idx[d] < s.lead[d]) break;
      pa -= s.sa[d] * s.lead[d];
      pb -= s.sb[d] * s.lead[d];
      idx[d] = 0;
    }
  }
}

CNP_TARGET_CLONES void run_f64(const SmallBatch& s, int64_t lo, int64_t hi) {
  switch (s.m) {
    case 2: return stack<double, 2, false>(s, lo, hi);
    case 4: return stack<double, 4, false>(s, lo, hi);
    case 8: return stack<double, 8, false>(s, lo, hi);
    case 16: return stack<double, 16, false>(s, lo, hi);
  }
}
CNP_TARGET_CLONES void run_f32(const SmallBatch& s, int64_t lo, int64_t hi) {
  switch (s.m) {
    case 4: return stack<float, 4, false>(s, lo, hi);
    case 8: return stack<float, 8, false>(s, lo, hi);
    case 16: return stack<float, 16, false>(s, lo, hi);
  }
}
CNP_TARGET_CLONES void run_c128(const SmallBatch& s, int64_t lo, int64_t hi) {
  switch (s.m) {
    case 1: return stack<double, 1, true>(s, lo, hi);
    case 2: return stack<double, 2, true>(s, lo, hi);
    case 4: return stack<double, 4, true>(s, lo, hi);
    case 8: return stack<double, 8, true>(s, lo, hi);
  }
}
CNP_TARGET_CLONES void run_c64(const SmallBatch& s, int64_t lo, int64_t hi) {
  switch (s.m) {
    case 2: return stack<float, 2, true>(s, lo, hi);
    case 4: return stack<float, 4, true>(s, lo, hi);
    case 8: return stack<float, 8, true>(s, lo, hi);
    case 16: return stack<float, 16, true>(s, lo, hi);
  }
}

bool has_width(int32_t typenum, int64_t m) {
  switch (typenum) {
    case CNP_FLOAT64: return m == 2 || m == 4 || m == 8 || m == 16;
    case CNP_FLOAT32: return m == 4 || m == 8 || m == 16;
    case CNP_COMPLEX128: return m == 1 || m == 2 || m == 4 || m == 8;
    case CNP_COMPLEX64: return m == 2 || m == 4 || m == 8 || m == 16;
    default: return false;
  }
}

}  // namespace

bool small_gemm_batch(int32_t typenum, const SmallBatch& s, int64_t lo, int64_t hi) {
  if (!has_width(typenum, s.m)) return false;
  const int64_t isz = typenum == CNP_FLOAT32 ? 4 : typenum == CNP_COMPLEX128 ? 16 : 8;
  // b's rows must be contiguous; every stride a whole number of elements (element pointers).
  const uintptr_t align = typenum == CNP_FLOAT32 || typenum == CNP_COMPLEX64 ? 4 : 8;
  if (reinterpret_cast<uintptr_t>(s.a) % align || reinterpret_cast<uintptr_t>(s.b) % align) return false;
  if (s.bcs != isz || s.ars % isz || s.acs % isz || s.brs % isz) return false;
  for (int32_t d = 0; d < s.nlead; ++d)
    if (s.sa[d] % isz || s.sb[d] % isz) return false;
  switch (typenum) {
    case CNP_FLOAT64: run_f64(s, lo, hi); break;
    case CNP_FLOAT32: run_f32(s, lo, hi); break;
    case CNP_COMPLEX128: run_c128(s, lo, hi); break;
    default: run_c64(s, lo, hi); break;
  }
  return true;
}

}  // namespace cnp::linalg
