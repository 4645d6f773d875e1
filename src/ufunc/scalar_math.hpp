// Scalar helpers behind the real floating-point math loops (kernels_math.cpp): float16 results
// with NumPy's conversion flags, logaddexp/logaddexp2, spacing, nextafter for float16, and the
// degree/radian constants. Everything else is the C library's function, whose FPU flags are the
// ones NumPy reports (its scalar loops call the same libm).
#pragma once
#include <cfenv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "core/types.hpp"

namespace cnp::ufunc::math {

inline uint32_t bits_of(float f) noexcept {
  uint32_t b;
  std::memcpy(&b, &f, 4);
  return b;
}
inline uint64_t bits_of(double d) noexcept {
  uint64_t b;
  std::memcpy(&b, &d, 8);
  return b;
}

// The FE_* flags NumPy's float -> float16 conversion raises for storing f as h: overflow when a
// finite value became infinite, underflow when a nonzero value below the smallest normal float16
// (2**-14) is not represented exactly. The tests are on bits, so NaN raises nothing.
inline int half_store_flags(float f, uint16_t h) noexcept {
  const uint32_t mag = bits_of(f) & 0x7fffffffu;
  if ((h & 0x7c00u) == 0x7c00u) return mag < 0x7f800000u ? FE_OVERFLOW | FE_INEXACT : 0;
  if (mag != 0 && mag < 0x38800000u && (bits_of(half_to_float(h)) & 0x7fffffffu) != mag) return FE_UNDERFLOW | FE_INEXACT;
  return 0;
}

// A float result stored as float16 with those flags.
inline half_t half_result(float f) noexcept {
  const uint16_t h = float_to_half(f);
  if (const int flags = half_store_flags(f, h)) std::feraiseexcept(flags);
  return half_t{h};
}

inline float half_value(half_t h) noexcept { return half_to_float(h.bits); }

// The NaN a domain error produces, signed like the x86 default NaN (sign bit set) as NumPy's
// log10, arcsin and arccos return it; glibc returns a positive NaN there. NaN inputs pass through.
template <class T>
inline T domain_nan(T x, T r) noexcept {
  return std::isnan(r) && !std::isnan(x) ? -std::fabs(r) : r;
}

// ln(2), 1/ln(2) (log2(e)): the double constants, rounded once for float.
template <class T> inline constexpr T kLn2 = static_cast<T>(0.693147180559945309417232121458176568);
template <class T> inline constexpr T kLog2e = static_cast<T>(1.442695040888963407359924681001892137);

// logaddexp(x, y) = log(exp(x) + exp(y)) without overflow: equal arguments (this includes two
// infinities of the same sign) give x + ln 2; otherwise the larger plus log1p(exp(-|x - y|)).
// A NaN argument gives NaN and raises "invalid", as NumPy's compiled comparison does.
template <class T>
inline T logaddexp(T x, T y) noexcept {
  if (x == y) return x + kLn2<T>;  // == is a quiet comparison: no flag for NaN
  const T d = x - y;
  if (std::isnan(d)) {
    std::feraiseexcept(FE_INVALID);
    return d;
  }
  return d > 0 ? x + std::log1p(std::exp(-d)) : y + std::log1p(std::exp(d));
}

// The base-2 analogue: x + 1 for equal arguments, else max + log2(1 + 2**-|x - y|).
template <class T>
inline T logaddexp2(T x, T y) noexcept {
  if (x == y) return x + T(1);
  const T d = x - y;
  if (std::isnan(d)) {
    std::feraiseexcept(FE_INVALID);
    return d;
  }
  return d > 0 ? x + kLog2e<T> * std::log1p(std::exp2(-d)) : y + kLog2e<T> * std::log1p(std::exp2(d));
}

// spacing(x): the distance from x to the next representable value away from zero, signed like x
// (NumPy). Zeros of either sign give the smallest positive subnormal; infinities give NaN and a
// NaN argument comes back as it is, without a flag. The C library's nextafter raises overflow at
// the top of the range and underflow for subnormal neighbours, as NumPy reports.
template <class T>
inline T spacing(T x) noexcept {
  if (std::isnan(x)) return x + x;
  if (std::isinf(x)) return std::numeric_limits<T>::quiet_NaN();
  if (x == 0) return std::numeric_limits<T>::denorm_min();
  const T away = std::nextafter(x, std::copysign(std::numeric_limits<T>::infinity(), x));
  return away - x;
}

// NumPy's float16 spacing is a non-negative step: for positive values the gap to the next larger
// half; for negative values the gap to the next half nearer zero (smaller for powers of two).
// Infinity and NaN give NaN and raise "invalid"; +65504 gives +inf and raises "overflow".
inline half_t half_spacing(half_t x) noexcept {
  const uint16_t h = x.bits;
  const uint16_t exp = h & 0x7c00u;
  if (exp == 0x7c00u) {
    std::feraiseexcept(FE_INVALID);
    return half_t{0x7e00u};
  }
  if (h == 0x7bffu) {
    std::feraiseexcept(FE_OVERFLOW | FE_INEXACT);
    return half_t{0x7c00u};
  }
  // The step is 2**(e - 10) for a binade with biased exponent field e (subnormals: 2**-24); a
  // negative power of two steps into the binade below.
  int e = exp >> 10;
  if ((h & 0x8000u) && (h & 0x03ffu) == 0) --e;
  if (e <= 1) return half_t{0x0001u};              // smallest subnormal
  if (e <= 10) return half_t{static_cast<uint16_t>(1u << (e - 1))};  // subnormal 2**(e - 25)
  return half_t{static_cast<uint16_t>((e - 10) << 10)};              // normal 2**(e - 25)
}

// NumPy's float16 nextafter: NaN in either argument gives the canonical NaN; equal values give
// x (so nextafter(-0, +0) is -0); from zero the smallest subnormal signed like y; otherwise one
// step of the bit pattern towards y. Only "overflow" is raised (finite x stepping to infinity).
inline half_t half_nextafter(half_t xh, half_t yh) noexcept {
  const uint16_t x = xh.bits, y = yh.bits;
  const bool xnan = (x & 0x7fffu) > 0x7c00u, ynan = (y & 0x7fffu) > 0x7c00u;
  if (xnan || ynan) return half_t{0x7e00u};
  if (x == y || ((x | y) & 0x7fffu) == 0) return xh;
  uint16_t r;
  if ((x & 0x7fffu) == 0) {
    r = static_cast<uint16_t>((y & 0x8000u) | 1u);
  } else {
    // Magnitude grows when y lies beyond x on the same side of zero.
    const bool xneg = (x & 0x8000u) != 0, yneg = (y & 0x8000u) != 0;
    const bool grow = xneg == yneg && (y & 0x7fffu) > (x & 0x7fffu);
    r = static_cast<uint16_t>(grow ? x + 1 : x - 1);
  }
  if ((r & 0x7fffu) == 0x7c00u && (x & 0x7c00u) != 0x7c00u) std::feraiseexcept(FE_OVERFLOW | FE_INEXACT);
  return half_t{r};
}

// Degrees <-> radians multiply by one constant: pi/180 rounded to the type for deg2rad; for
// rad2deg the double 180/pi, and in float 180 / (float)pi rounded in float (NumPy's constants).
template <class T> inline constexpr T kDegToRad = static_cast<T>(3.141592653589793238462643383279502884 / 180.0);
template <class T> inline constexpr T kRadToDeg = static_cast<T>(180.0 / 3.141592653589793238462643383279502884);
template <> inline constexpr float kRadToDeg<float> = 180.0f / static_cast<float>(3.141592653589793238462643383279502884);

}  // namespace cnp::ufunc::math
