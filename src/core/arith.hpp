// The library's typed scalar arithmetic, one family shared by the ufunc functors
// (ufunc/kernel_ops.hpp, kernels_arith.cpp), the reductions (reduce.cpp's combine) and the
// creation routines (creation.cpp), each rounding exactly like NumPy's inner loops for its storage
// type:
//   - wrapping integer add/subtract/multiply/negate (wadd, wsub, wmul, wneg: through an unsigned
//     type at least as wide as int, so int8/int16 products never overflow a signed int);
//   - NumPy's complex division (cdiv, Smith's algorithm);
//   - Arith<T>: float16 computes in float and rounds every result back to half; complex
//     multiply uses NumPy's formula, division cdiv, power NumPy's nc_pow.
// What stays apart, and why (results would change): the ufunc's float min/max pick the second
// operand on a tie (so max(-0.0, +0.0) is +0.0) while a reduction keeps its accumulator (NumPy's
// reduce loop, `io1 >= in2 ? io1 : in2`); the ufunc's float16 add/multiply raise NumPy's overflow
// flag, the reductions' do not; the ufunc's complex multiply (cmul) adds the imaginary products
// in NumPy's binary-loop order and pins the real part to a scalar register.
#pragma once
#include <cmath>
#include <complex>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "core/types.hpp"

namespace cnp {

// ---- wrapping integers ----
// The unsigned type integer arithmetic wraps in: C's promotion makes int8/int16 arithmetic int,
// so their wrapping multiply must go through a 32-bit unsigned type to avoid signed overflow.
template <class T>
using wide_u = std::conditional_t<(sizeof(T) < 4), uint32_t, std::make_unsigned_t<T>>;

template <class T> inline T wadd(T a, T b) noexcept { return static_cast<T>(static_cast<wide_u<T>>(a) + static_cast<wide_u<T>>(b)); }
template <class T> inline T wsub(T a, T b) noexcept { return static_cast<T>(static_cast<wide_u<T>>(a) - static_cast<wide_u<T>>(b)); }
template <class T> inline T wmul(T a, T b) noexcept { return static_cast<T>(static_cast<wide_u<T>>(a) * static_cast<wide_u<T>>(b)); }
template <class T> inline T wneg(T a) noexcept { return static_cast<T>(wide_u<T>(0) - static_cast<wide_u<T>>(a)); }

// ---- complex ----

// An empty asm that pins a value in a register: it keeps the compiler from pairing the real and
// imaginary parts of a complex result into one vector computed with both + and - (and blended),
// whose discarded lanes can raise "invalid" (inf - inf) where NumPy raises nothing.
template <class R>
inline void keep_scalar(R& v) noexcept {
#if defined(__SSE2__)
  asm("" : "+x"(v));
#else
  (void)v;
#endif
}

// NumPy's complex division (Smith's method; a zero divisor divides the parts by |br| = 0). The
// comparison of |br| and |bi| is C's signalling one, as in NumPy.
template <class T>
inline T cdiv(T a, T b) noexcept {
  using R = typename T::value_type;
  const R ar = a.real(), ai = a.imag(), br = b.real(), bi = b.imag();
  const R abr = std::fabs(br), abi = std::fabs(bi);
  if (abr >= abi) {
    if (abr == 0 && abi == 0) return T(ar / abr, ai / abr);
    const R rat = bi / br;
    const R scl = R(1) / (br + bi * rat);
    R re = (ar + ai * rat) * scl;
    keep_scalar(re);
    return T(re, (ai - ar * rat) * scl);
  }
  const R rat = br / bi;
  const R scl = R(1) / (bi + br * rat);
  R re = (ar * rat + ai) * scl;
  keep_scalar(re);
  return T(re, (ai * rat - ar) * scl);
}

template <class T>
struct Arith {  // float and double
  using V = T;
  static V from_double(double d) { return static_cast<V>(d); }
  static V from_index(int64_t i) { return static_cast<V>(i); }
  static V load(T t) { return t; }
  static T store(V v) { return v; }
  static V add(V a, V b) { return a + b; }
  static V sub(V a, V b) { return a - b; }
  static V mul(V a, V b) { return a * b; }
  static V div(V a, V b) { return a / b; }
  static bool is_zero(V a) { return a == 0; }
  static V floor(V a) { return std::floor(a); }
  static V pow(V a, V b) { return std::pow(a, b); }
};

template <>
struct Arith<half_t> {
  using V = float;  // values already rounded to half precision
  static V r(float x) { return half_to_float(float_to_half(x)); }
  static V from_double(double d) { return half_to_float(double_to_half(d)); }
  static V from_index(int64_t i) { return r(static_cast<float>(i)); }
  static V load(half_t h) { return half_to_float(h.bits); }
  static half_t store(V v) { return half_t{float_to_half(v)}; }
  static V add(V a, V b) { return r(a + b); }
  static V sub(V a, V b) { return r(a - b); }
  static V mul(V a, V b) { return r(a * b); }
  static V div(V a, V b) { return r(a / b); }
  static bool is_zero(V a) { return a == 0; }
  static V floor(V a) { return r(std::floor(a)); }
  static V pow(V a, V b) { return r(std::pow(a, b)); }
};

template <class R>
struct Arith<std::complex<R>> {
  using V = std::complex<R>;
  static V from_double(double d) { return V(static_cast<R>(d), R(0)); }
  static V from_index(int64_t i) { return V(static_cast<R>(i), R(0)); }
  static V load(V v) { return v; }
  static V store(V v) { return v; }
  static V add(V a, V b) { return V(a.real() + b.real(), a.imag() + b.imag()); }
  static V sub(V a, V b) { return V(a.real() - b.real(), a.imag() - b.imag()); }
  static V mul(V a, V b) {
    return V(a.real() * b.real() - a.imag() * b.imag(), a.real() * b.imag() + a.imag() * b.real());
  }
  static V div(V a, V b) { return cdiv(a, b); }
  static bool is_zero(V a) { return a.real() == 0 && a.imag() == 0; }
  static V floor(V a) { return V(std::floor(a.real()), std::floor(a.imag())); }
  // NumPy's nc_pow: exact repeated multiplication for small integer exponents, else cpow.
  static V pow(V a, V b) {
    R br = b.real(), bi = b.imag();
    if (br == 0 && bi == 0) return V(1, 0);
    if (a.real() == 0 && a.imag() == 0) {
      if (br > 0 && bi == 0) return V(0, 0);
      return V(std::numeric_limits<R>::quiet_NaN(), std::numeric_limits<R>::quiet_NaN());
    }
    if (bi == 0 && br >= -1e18 && br <= 1e18) {
      int64_t n = static_cast<int64_t>(br);
      if (static_cast<R>(n) == br) {
        if (n == 1) return a;
        if (n == 2) return mul(a, a);
        if (n == 3) return mul(mul(a, a), a);
        if (n > -100 && n < 100) {
          V acc(1, 0), p = a;
          int64_t m = n < 0 ? -n : n, mask = 1;
          for (;;) {
            if (m & mask) acc = mul(acc, p);
            mask <<= 1;
            if (m < mask || mask <= 0) break;
            p = mul(p, p);
          }
          return br < 0 ? div(V(1, 0), acc) : acc;
        }
      }
    }
    return std::pow(a, b);
  }
};

}  // namespace cnp
