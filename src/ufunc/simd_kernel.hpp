// The loop template shared by the ISA files (simd_avx512.cpp, simd_avx2.cpp, simd_sse.cpp). Include
// only from those files, after <immintrin.h>: everything here has internal linkage (anonymous
// namespace), so each file gets its own copy compiled for its own instruction set.
//
// An ISA is a traits struct I with
//   T, V, W                      element type, vector type, lanes
//   V load(const char*), V load_n(const char*, int r)       (r < W lanes, the rest zero)
//   void store(char*, V), void store_n(char*, V, int r), void store_a(T*, V)  (aligned)
//   void store_lanes(char*, V, unsigned bits)   (the lanes in bits; only with a second-tier kernel)
//   void stream(char*, V)        non-temporal store, aligned to sizeof(V)
//   V set1(T), V sqrt(V), T sqrt1(T)
//   unsigned outside(V x, V lo, V hi, V tiny)
//       bit k set unless lo <= x[k] <= hi and (|x[k]| >= tiny or x[k] == ±0); NaN is outside
//
// A loop computes whole vectors with SLEEF (1.0 ULP; float64 sin/cos on the FMA ISAs: our own
// kernel first, simd_sincos.hpp) and recomputes with the C library the lanes whose x lies outside
// the function's domain (below): there the result could be non-finite, subnormal or zero, SLEEF
// could be less accurate, or the C library raises a flag. SLEEF's own floating-point flags are
// discarded: the loop saves MXCSR and at the end restores it with only the flags the C library
// raised on those lanes added (the C library raises them through SSE arithmetic, i.e. in MXCSR;
// fetestexcept reads MXCSR | x87). Inside the domains the C library raises nothing but inexact,
// which is not reproduced (NumPy never reports it). Runs shorter than a vector go straight to the
// C library; strided runs are gathered into a stack buffer, computed there and scattered back;
// contiguous runs of 4 MiB of output or more are written with non-temporal stores.
#pragma once
#include <immintrin.h>
#include <stdint.h>
#include <string.h>

#include <type_traits>  // integral_constant, is_same_v

#include "ufunc/simd_table.hpp"

namespace cnp::ufunc::simd {
namespace {

constexpr unsigned kMxcsrFlags = 0x3f;  // IE DE ZE OE UE PE (same bits as FE_* on x86)
constexpr int64_t kChunk = 512;         // elements per gather/scatter block for strided runs

template <class T>
struct Lim;
template <>
struct Lim<double> {
  static constexpr double max = __DBL_MAX__, min = __DBL_MIN__, tiny = 0x1p-1000;
};
template <>
struct Lim<float> {
  static constexpr float max = __FLT_MAX__, min = __FLT_MIN__, tiny = 0x1p-120f;
};

// Where SLEEF's value is used: x in [lo, hi] and, unless x is ±0, |x| >= Lim<T>::tiny (so
// subnormal inputs go to the C library too). Every domain keeps f(x) finite and normal (or ±0
// from ±0), so the C library raises nothing there but inexact, and inside the range where
// SLEEF's u10 kernel meets its 1-ULP bound (SLEEF's documentation: sinh/cosh |x| <= 709 / 88.5,
// asinh/acosh |x| <= 1.34e154 / 1.84e19, log1p x <= 1e307 / 1e38; checked by tests/cpp/test_simd.cpp).
// The test looks at x only: a test on SLEEF's result waits for the kernel's long dependency
// chain and stalls the pipeline (exp float64 ran 2.5x slower that way on this Zen machine).
template <class T>
struct Domain {
  T lo, hi;
};

template <class T>
constexpr Domain<T> domain(Fn f) {
  constexpr bool d = sizeof(T) == 8;
  constexpr T mx = Lim<T>::max, mn = Lim<T>::min;
  constexpr T below1 = d ? T(1 - 0x1p-53) : T(1 - 0x1p-24);  // the largest value < 1
  constexpr T above1 = d ? T(1 + 0x1p-52) : T(1 + 0x1p-23);  // the smallest value > 1
  switch (f) {
    case Fn::exp: return d ? Domain<T>{T(-708.3), T(709.7)} : Domain<T>{T(-87.3), T(88.7)};
    case Fn::exp2: return d ? Domain<T>{T(-1022), T(1023.99)} : Domain<T>{T(-126), T(127.99)};
    case Fn::expm1: return {-mx, d ? T(709.7) : T(88.7)};
    case Fn::log: case Fn::log2: case Fn::log10: return {mn, mx};  // log(0) -inf, log(-x) NaN
    case Fn::log1p: return {-below1, d ? T(1e307) : T(1e38)};       // log1p(-1) -inf
    case Fn::arcsin: return {T(-1), T(1)};
    case Fn::arccos: return {T(-1), below1};                         // acos(1) == +0
    case Fn::arctanh: return {-below1, below1};                      // atanh(±1) ±inf
    case Fn::sinh: case Fn::cosh: return d ? Domain<T>{T(-709), T(709)} : Domain<T>{T(-88), T(88)};
    case Fn::arcsinh: return d ? Domain<T>{T(-1e154), T(1e154)} : Domain<T>{T(-1e19), T(1e19)};
    case Fn::arccosh: return {above1, d ? T(1e154) : T(1e19)};      // acosh(1) == +0
    // SLEEF documents its 1-ULP bound for double sin/cos/tan on |x| <= 1e14 only; beyond it we
    // measured up to 14 ULP (tan(5.3e255)), so the C library takes those lanes.
    case Fn::sin: case Fn::cos: case Fn::tan: return d ? Domain<T>{T(-1e14), T(1e14)} : Domain<T>{-mx, mx};
    default: return {-mx, mx};  // cbrt arctan tanh: every finite x
  }
}

// Where our own float64 kernels (simd_sincos.hpp) are used; beyond it SLEEF's, then the C library.
template <class T>
constexpr Domain<T> fast_domain(Fn f) {
  return f == Fn::sin || f == Fn::cos ? Domain<T>{T(-65536), T(65536)} : domain<T>(f);
}

// Whether a loop has a second-tier kernel G (a function pointer) or none (nullptr). A type test:
// comparing a function's address with nullptr is not a constant expression under -fsanitize.
template <auto G>
constexpr bool kTiered = !std::is_same_v<decltype(G), decltype(nullptr)>;

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

// Recomputes the lanes in `mask`: with the second-tier kernel G where x is in its domain (when
// there is one), else with the C library, collecting the flags the C library raises.
template <class I, Fn FN, auto G>
__attribute__((noinline, cold)) void fixup(const typename I::T* xs, unsigned mask, char* out, unsigned& flags) {
  using T = typename I::T;
  if constexpr (kTiered<G>) {
    constexpr Domain<T> dom = domain<T>(FN);
    const typename I::V x = I::load(reinterpret_cast<const char*>(xs));
    const unsigned rest = mask & I::outside(x, I::set1(dom.lo), I::set1(dom.hi), I::set1(Lim<T>::tiny));
    if (const unsigned mg = mask & ~rest) I::store_lanes(out, G(x), mg);
    mask = rest;
    if (!mask) return;
  }
  const auto fn = scalar_fn<T>(FN);
  const unsigned csr = _mm_getcsr();
  _mm_setcsr(csr & ~kMxcsrFlags);
  do {
    const int k = __builtin_ctz(mask);
    st<T>(out + k * sizeof(T), fn(xs[k]));
    mask &= mask - 1;
  } while (mask);
  flags |= _mm_getcsr() & kMxcsrFlags;
}

// Contiguous runs of at least this many output bytes are written with non-temporal stores: far
// larger than the caches, their results would only evict the input, and skipping the read for
// ownership of the output lines raises the bandwidth-bound throughput by about a third.
constexpr int64_t kStreamBytes = int64_t(4) << 20;

// A contiguous run (in may equal out). F: the kernel (SLEEF's are declared with a const-qualified
// return type, hence auto); G: nullptr, or the SLEEF kernel behind our own F (fast_domain).
// Stream: non-temporal stores; then n is a multiple of W and out is aligned to the vector size.
template <class I, Fn FN, auto F, auto G, bool Stream>
void run_part(const char* in, char* out, int64_t n, unsigned& flags) {
  using T = typename I::T;
  using V = typename I::V;
  constexpr int W = I::W;
  constexpr Domain<T> dom = kTiered<G> ? fast_domain<T>(FN) : domain<T>(FN);
  const V lo = I::set1(dom.lo), hi = I::set1(dom.hi), tiny = I::set1(Lim<T>::tiny);
  alignas(64) T xs[W];
  int64_t i = 0;
  for (; i + W <= n; i += W) {
    const V x = I::load(in + i * sizeof(T));
    const unsigned m = I::outside(x, lo, hi, tiny);
    if (__builtin_expect(m != 0, 0)) I::store_a(xs, x);  // the input may be overwritten (in == out)
    if constexpr (Stream) I::stream(out + i * sizeof(T), F(x));
    else I::store(out + i * sizeof(T), F(x));
    if (__builtin_expect(m != 0, 0)) fixup<I, FN, G>(xs, m, out + i * sizeof(T), flags);
  }
  const int r = static_cast<int>(n - i);
  if (!Stream && r > 0) {
    const V x = I::load_n(in + i * sizeof(T), r);
    const unsigned m = I::outside(x, lo, hi, tiny) & ((1u << r) - 1);
    I::store_a(xs, x);
    I::store_n(out + i * sizeof(T), F(x), r);
    if (m) fixup<I, FN, G>(xs, m, out + i * sizeof(T), flags);
  }
}

// Splits a long run into an unaligned head, a streamed body and a tail; P(in, out, n) with
// template argument Stream.
template <class I, class Part>
void split_run(const char* in, char* out, int64_t n, Part&& part) {
  using T = typename I::T;
  constexpr int64_t kVec = sizeof(typename I::V);
  const uintptr_t a = reinterpret_cast<uintptr_t>(out);
  if (n * static_cast<int64_t>(sizeof(T)) < kStreamBytes || a % sizeof(T) != 0) {
    part(std::integral_constant<bool, false>{}, in, out, n);
    return;
  }
  const int64_t head = static_cast<int64_t>((kVec - a % kVec) % kVec) / static_cast<int64_t>(sizeof(T));
  const int64_t body = (n - head) / I::W * I::W;
  part(std::integral_constant<bool, false>{}, in, out, head);
  part(std::integral_constant<bool, true>{}, in + head * sizeof(T), out + head * sizeof(T), body);
  _mm_sfence();  // the streamed stores are ordered before whatever signals completion
  part(std::integral_constant<bool, false>{}, in + (head + body) * sizeof(T), out + (head + body) * sizeof(T),
       n - head - body);
}

template <class I, Fn FN, auto F, auto G>
void run(const char* in, char* out, int64_t n, unsigned& flags) {
  split_run<I>(in, out, n, [&flags](auto stream, const char* pi, char* po, int64_t m) {
    run_part<I, FN, F, G, decltype(stream)::value>(pi, po, m, flags);
  });
}

// The ufunc loop: args[0] in, args[1] out, any byte strides.
template <class I, Fn FN, auto F, auto G = nullptr>
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
    run<I, FN, F, G>(in, out, n, flags);
  } else {
    alignas(64) T buf[kChunk];
    for (int64_t i0 = 0; i0 < n; i0 += kChunk) {
      const int64_t m = n - i0 < kChunk ? n - i0 : kChunk;
      const char* pi = in + i0 * s[0];
      char* po = out + i0 * s[1];
      for (int64_t j = 0; j < m; ++j) buf[j] = ld<T>(pi + j * s[0]);
      run<I, FN, F, G>(reinterpret_cast<const char*>(buf), reinterpret_cast<char*>(buf), m, flags);
      for (int64_t j = 0; j < m; ++j) st<T>(po + j * s[1], buf[j]);
    }
  }
  _mm_setcsr(csr | flags);
}

// sqrt is the hardware instruction, exactly what glibc's sqrt is: no flag bookkeeping needed.
template <class I, bool Stream>
void sqrt_part(const char* in, char* out, int64_t n) {
  using T = typename I::T;
  constexpr int W = I::W;
  int64_t i = 0;
  for (; i + W <= n; i += W) {
    if constexpr (Stream) I::stream(out + i * sizeof(T), I::sqrt(I::load(in + i * sizeof(T))));
    else I::store(out + i * sizeof(T), I::sqrt(I::load(in + i * sizeof(T))));
  }
  const int r = static_cast<int>(n - i);
  if (!Stream && r > 0) I::store_n(out + i * sizeof(T), I::sqrt(I::load_n(in + i * sizeof(T), r)), r);
}

template <class I>
void sqrt_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  using T = typename I::T;
  const char* in = args[0];
  char* out = args[1];
  if (s[0] == sizeof(T) && s[1] == sizeof(T)) {
    split_run<I>(in, out, n, [](auto stream, const char* pi, char* po, int64_t m) {
      sqrt_part<I, decltype(stream)::value>(pi, po, m);
    });
  } else {
    for (int64_t i = 0; i < n; ++i) st<T>(out + i * s[1], I::sqrt1(ld<T>(in + i * s[0])));
  }
}

}  // namespace
}  // namespace cnp::ufunc::simd
