// Complex elementary functions for the complex64/complex128 math loops. NumPy 1.24 on glibc
// calls the C library's complex functions (csqrt, cexp, clog, csin, ..., catanh) for most of
// them, so these do too, through GCC's builtins on std::complex's native representation; the
// functions NumPy composes itself (exp2, expm1, log2, log10, log1p, rint) follow its formulas
// using the real C library functions, in the component precision.
#pragma once
#include <cmath>
#include <complex>

#include "core/types.hpp"

namespace cnp::ufunc::cmath {

#define CNP_COMPLEX_LIBC(name)                                                                    \
  inline c64_t name(c64_t z) noexcept { return c64_t(__builtin_c##name##f(z.__rep())); }         \
  inline c128_t name(c128_t z) noexcept { return c128_t(__builtin_c##name(z.__rep())); }
CNP_COMPLEX_LIBC(sqrt)
CNP_COMPLEX_LIBC(exp)
CNP_COMPLEX_LIBC(log)
CNP_COMPLEX_LIBC(sin)
CNP_COMPLEX_LIBC(cos)
CNP_COMPLEX_LIBC(tan)
CNP_COMPLEX_LIBC(asin)
CNP_COMPLEX_LIBC(acos)
CNP_COMPLEX_LIBC(atan)
CNP_COMPLEX_LIBC(sinh)
CNP_COMPLEX_LIBC(cosh)
CNP_COMPLEX_LIBC(tanh)
CNP_COMPLEX_LIBC(asinh)
CNP_COMPLEX_LIBC(acosh)
CNP_COMPLEX_LIBC(atanh)
#undef CNP_COMPLEX_LIBC

template <class R> inline constexpr R kLn2 = static_cast<R>(0.693147180559945309417232121458176568);
template <class R> inline constexpr R kLog2e = static_cast<R>(1.442695040888963407359924681001892137);
template <class R> inline constexpr R kLog10e = static_cast<R>(0.434294481903251827651128918916605082);

// 2**z = exp(z ln 2), scaling each component by ln 2 (no complex product, so no inf * 0 terms).
template <class R>
inline std::complex<R> exp2(std::complex<R> z) noexcept {
  return exp(std::complex<R>(z.real() * kLn2<R>, z.imag() * kLn2<R>));
}

// exp(z) - 1 accurate for small |z|: the real part as expm1(x) cos(y) - 2 sin(y/2)**2 (that is
// expm1(x) cos(y) + cos(y) - 1), the imaginary part exp(x) sin(y).
template <class R>
inline std::complex<R> expm1(std::complex<R> z) noexcept {
  const R x = z.real(), y = z.imag();
  const R s = std::sin(y / R(2));
  return {std::expm1(x) * std::cos(y) - R(2) * s * s, std::exp(x) * std::sin(y)};
}

// log(1 + z) as log|1 + z| + i arg(1 + z).
template <class R>
inline std::complex<R> log1p(std::complex<R> z) noexcept {
  const R xp1 = z.real() + R(1);
  return {std::log(std::hypot(xp1, z.imag())), std::atan2(z.imag(), xp1)};
}

// log2 and log10 scale both components of the natural logarithm.
template <class R>
inline std::complex<R> log2(std::complex<R> z) noexcept {
  const std::complex<R> l = log(z);
  return {l.real() * kLog2e<R>, l.imag() * kLog2e<R>};
}
template <class R>
inline std::complex<R> log10(std::complex<R> z) noexcept {
  const std::complex<R> l = log(z);
  return {l.real() * kLog10e<R>, l.imag() * kLog10e<R>};
}

// Rounds each component to the nearest integer, halves to even.
template <class R>
inline std::complex<R> rint(std::complex<R> z) noexcept {
  return {std::rint(z.real()), std::rint(z.imag())};
}

}  // namespace cnp::ufunc::cmath
