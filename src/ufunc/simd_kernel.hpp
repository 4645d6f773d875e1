// The loop template shared by the ISA files (simd_avx512.cpp, simd_avx2.cpp, simd_sse.cpp). Include
// only from those files, after <immintrin.h>: everything here has internal linkage (anonymous
// namespace), so each file gets its own copy compiled for its own instruction set.
//
// An ISA is a traits struct I with
//   T, V, W                      element type, vector type, lanes
//   V load(const char*), V load_n(const char*, int r)       (r < W lanes, the rest zero)
//   void store(char*, V), void store_n(char*, V, int r), void store_a(T*, V)  (aligned)
//   V set1(T), V sqrt(V), T sqrt1(T)
//   V zero_blend(V x, V y)       y, with x in the lanes where x == ±0
//   unsigned special(V x, V y, V lim)   bit k set when lane k needs the C library (see below)
//
// A loop computes whole vectors with SLEEF (1.0 ULP), then recomputes with the C library the
// lanes where SLEEF's value or flags could differ from glibc's: non-finite input or output, |x|
// beyond the kernel's accurate range, and subnormal or zero output from a non-zero input (and
// subnormal input). SLEEF's own floating-point flags are discarded: the loop saves MXCSR, and at
// the end restores it with only the flags the C library raised on the special lanes added. (The
// C library raises them through SSE arithmetic, i.e. in MXCSR; fetestexcept reads MXCSR | x87.)
// Inexact is not reproduced for ordinary lanes; NumPy never reports it.
#pragma once
#include <immintrin.h>
#include <stdint.h>
#include <string.h>

#include "ufunc/simd_table.hpp"

namespace cnp::ufunc::simd {
namespace {

constexpr unsigned kMxcsrFlags = 0x3f;  // IE DE ZE OE UE PE (same bits as FE_* on x86)
constexpr int64_t kChunk = 512;         // elements per gather/scatter block for strided runs

template <class T>
struct Lim;
template <>
struct Lim<double> {
  static constexpr double max = __DBL_MAX__, min = __DBL_MIN__;
};
template <>
struct Lim<float> {
  static constexpr float max = __FLT_MAX__, min = __FLT_MIN__;
};

// |x| up to which SLEEF's u10 kernel meets its 1-ULP bound (SLEEF's documentation, checked by
// tests/cpp/test_simd.cpp); beyond it the lane goes to the C library.
template <class T>
constexpr T accurate_limit(Fn f) {
  constexpr bool d = sizeof(T) == 8;
  switch (f) {
    case Fn::sinh:
    case Fn::cosh: return d ? T(709) : T(88);
    case Fn::arcsinh:
    case Fn::arccosh: return d ? T(1.0e154) : T(1.0e19);
    default: return Lim<T>::max;
  }
}

// f(±0) == ±0: the loop copies x into y where x is zero, so the sign of zero is the C library's.
constexpr bool keeps_zero(Fn f) {
  switch (f) {
    case Fn::cbrt: case Fn::expm1: case Fn::log1p: case Fn::sin: case Fn::tan: case Fn::arcsin:
    case Fn::arctan: case Fn::sinh: case Fn::tanh: case Fn::arcsinh: case Fn::arctanh: return true;
    default: return false;
  }
}

template <class T>
inline auto scalar_fn(Fn f) {
  if constexpr (sizeof(T) == 8) return kScalarFns.f64[static_cast<int>(f)];
  else return kScalarFns.f32[static_cast<int>(f)];
}

template <class T>
inline T ld(const char* p) {
  T v;
  memcpy(&v, p, sizeof(T));
  return v;
}
template <class T>
inline void st(char* p, T v) {
  memcpy(p, &v, sizeof(T));
}

// Recomputes the lanes in `mask` with the C library and collects the flags it raises.
template <class I>
__attribute__((noinline, cold)) void fixup(Fn f, typename I::V x, unsigned mask, char* out, unsigned& flags) {
  using T = typename I::T;
  alignas(64) T xs[I::W];
  I::store_a(xs, x);
  const auto fn = scalar_fn<T>(f);
  const unsigned csr = _mm_getcsr();
  _mm_setcsr(csr & ~kMxcsrFlags);
  do {
    const int k = __builtin_ctz(mask);
    st<T>(out + k * sizeof(T), fn(xs[k]));
    mask &= mask - 1;
  } while (mask);
  flags |= _mm_getcsr() & kMxcsrFlags;
}

// A contiguous run (in may equal out).
template <class I, Fn FN, auto F>  // F: the SLEEF kernel (declared with a const-qualified return type)
void run(const char* in, char* out, int64_t n, unsigned& flags) {
  using T = typename I::T;
  using V = typename I::V;
  constexpr int W = I::W;
  const V lim = I::set1(accurate_limit<T>(FN));
  int64_t i = 0;
  for (; i + W <= n; i += W) {
    const V x = I::load(in + i * sizeof(T));
    V y = F(x);
    if constexpr (keeps_zero(FN)) y = I::zero_blend(x, y);
    const unsigned m = I::special(x, y, lim);
    I::store(out + i * sizeof(T), y);
    if (__builtin_expect(m != 0, 0)) fixup<I>(FN, x, m, out + i * sizeof(T), flags);
  }
  const int r = static_cast<int>(n - i);
  if (r > 0) {
    const V x = I::load_n(in + i * sizeof(T), r);
    V y = F(x);
    if constexpr (keeps_zero(FN)) y = I::zero_blend(x, y);
    const unsigned m = I::special(x, y, lim) & ((1u << r) - 1);
    I::store_n(out + i * sizeof(T), y, r);
    if (m) fixup<I>(FN, x, m, out + i * sizeof(T), flags);
  }
}

// The ufunc loop: args[0] in, args[1] out, any byte strides.
template <class I, Fn FN, auto F>  // F: the SLEEF kernel (declared with a const-qualified return type)
void loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  using T = typename I::T;
  const char* in = args[0];
  char* out = args[1];
  if (n < I::W) {  // too short to vectorise: the C library, which also raises the flags itself
    const auto fn = scalar_fn<T>(FN);
    for (int64_t i = 0; i < n; ++i) st<T>(out + i * s[1], fn(ld<T>(in + i * s[0])));
    return;
  }
  const unsigned csr = _mm_getcsr();
  unsigned flags = 0;
  if (s[0] == sizeof(T) && s[1] == sizeof(T)) {
    run<I, FN, F>(in, out, n, flags);
  } else {
    alignas(64) T buf[kChunk];
    for (int64_t i0 = 0; i0 < n; i0 += kChunk) {
      const int64_t m = n - i0 < kChunk ? n - i0 : kChunk;
      const char* pi = in + i0 * s[0];
      char* po = out + i0 * s[1];
      for (int64_t j = 0; j < m; ++j) buf[j] = ld<T>(pi + j * s[0]);
      run<I, FN, F>(reinterpret_cast<const char*>(buf), reinterpret_cast<char*>(buf), m, flags);
      for (int64_t j = 0; j < m; ++j) st<T>(po + j * s[1], buf[j]);
    }
  }
  _mm_setcsr(csr | flags);
}

// sqrt is the hardware instruction, exactly what glibc's sqrt is: no flag bookkeeping needed.
template <class I>
void sqrt_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  using T = typename I::T;
  constexpr int W = I::W;
  const char* in = args[0];
  char* out = args[1];
  if (s[0] == sizeof(T) && s[1] == sizeof(T)) {
    int64_t i = 0;
    for (; i + W <= n; i += W) I::store(out + i * sizeof(T), I::sqrt(I::load(in + i * sizeof(T))));
    const int r = static_cast<int>(n - i);
    if (r > 0) I::store_n(out + i * sizeof(T), I::sqrt(I::load_n(in + i * sizeof(T), r)), r);
  } else {
    for (int64_t i = 0; i < n; ++i) st<T>(out + i * s[1], I::sqrt1(ld<T>(in + i * s[0])));
  }
}

}  // namespace
}  // namespace cnp::ufunc::simd
