// The C++ element types behind each builtin dtype, and a visitor that maps a type number onto them.
#pragma once
#include <cfenv>
#include <complex>
#include <cstdint>
#include <cstring>

#include "cnumpy/core.h"
#include "core/error.hpp"

namespace cnp {

// NumPy's bool is a byte that may hold any value in foreign memory; C++ bool may not (loading a 2
// is undefined), so elements are stored as this byte and compared against zero.
struct bool_t {
  uint8_t v;
};

// IEEE binary16 storage; arithmetic goes through float like NumPy's npy_half.
struct half_t {
  uint16_t bits;
};

float half_to_float(uint16_t h) noexcept;
uint16_t float_to_half(float f) noexcept;    // round to nearest even, like npy_float_to_half
uint16_t double_to_half(double d) noexcept;  // rounds once from double, like npy_double_to_half

using c64_t = std::complex<float>;
using c128_t = std::complex<double>;

template <class T>
struct Tag {
  using type = T;
};

// Calls f(Tag<T>{}) with the element type of a builtin type number.
template <class F>
decltype(auto) visit_type(int32_t typenum, F&& f) {
  switch (typenum) {
    case CNP_BOOL: return f(Tag<bool_t>{});
    case CNP_INT8: return f(Tag<int8_t>{});
    case CNP_UINT8: return f(Tag<uint8_t>{});
    case CNP_INT16: return f(Tag<int16_t>{});
    case CNP_UINT16: return f(Tag<uint16_t>{});
    case CNP_INT32: return f(Tag<int32_t>{});
    case CNP_UINT32: return f(Tag<uint32_t>{});
    case CNP_INT64: return f(Tag<int64_t>{});
    case CNP_UINT64: return f(Tag<uint64_t>{});
    case CNP_FLOAT16: return f(Tag<half_t>{});
    case CNP_FLOAT32: return f(Tag<float>{});
    case CNP_FLOAT64: return f(Tag<double>{});
    case CNP_COMPLEX64: return f(Tag<c64_t>{});
    case CNP_COMPLEX128: return f(Tag<c128_t>{});
    default: throw Error(CNP_ERR_NOT_IMPLEMENTED, "operation not supported for this dtype yet");
  }
}

template <class T> inline constexpr bool is_complex_v = false;
template <> inline constexpr bool is_complex_v<c64_t> = true;
template <> inline constexpr bool is_complex_v<c128_t> = true;
// Element access at unaligned addresses (foreign buffers may be unaligned; memcpy compiles to
// plain moves). Complex values go part by part: through one memcpy, GCC builds the std::complex
// on the stack and reloads it as one 16-byte value, a store-forwarding stall on every element
// (casts to complex128 ran at 4 ns per element, complex64 add at a third of NumPy's speed).
template <class T>
inline T load_elem(const char* p) noexcept {
  if constexpr (is_complex_v<T>) {
    typename T::value_type re, im;
    std::memcpy(&re, p, sizeof(re));
    std::memcpy(&im, p + sizeof(re), sizeof(im));
    return T(re, im);
  } else {
    T v;
    std::memcpy(&v, p, sizeof(T));
    return v;
  }
}
template <class T>
inline void store_elem(char* p, T v) noexcept {
  if constexpr (is_complex_v<T>) {
    typename T::value_type re = v.real(), im = v.imag();
    std::memcpy(p, &re, sizeof(re));
    std::memcpy(p + sizeof(re), &im, sizeof(im));
  } else {
    std::memcpy(p, &v, sizeof(T));
  }
}

template <class T> inline constexpr bool is_float_v = std::is_floating_point_v<T> || std::is_same_v<T, half_t>;
template <class T> inline constexpr bool is_int_v = std::is_integral_v<T>;

// ---- value conversion with NumPy's (C's, on x86-64) semantics, free of undefined behaviour ----

namespace detail {
// What cvttsd2si does: truncation, and the "integer indefinite" value for NaN and overflow.
// Out of range (or NaN), the instruction also raises FE_INVALID, which NumPy reports as
// "invalid value encountered in cast"; so do we.
inline int32_t cvt32(double v) noexcept {
  if (v > -2147483649.0 && v < 2147483648.0) return static_cast<int32_t>(v);
  std::feraiseexcept(FE_INVALID);
  return INT32_MIN;
}
inline int64_t cvt64(double v) noexcept {
  if (v >= -9223372036854775808.0 && v < 9223372036854775808.0) return static_cast<int64_t>(v);
  std::feraiseexcept(FE_INVALID);
  return INT64_MIN;
}
}  // namespace detail

// Float to integer exactly as NumPy 1.24's compiled cast loops on x86-64 produce it, including for
// NaN, infinities and out-of-range values (checked against NumPy in the tests).
template <class I>
I float_to_int(double v) noexcept {
  if constexpr (std::is_same_v<I, int64_t>) {
    return detail::cvt64(v);
  } else if constexpr (std::is_same_v<I, uint64_t>) {
    if (v >= 9223372036854775808.0) return static_cast<uint64_t>(detail::cvt64(v - 9223372036854775808.0)) ^ (1ull << 63);
    return static_cast<uint64_t>(detail::cvt64(v));
  } else if constexpr (std::is_same_v<I, uint32_t>) {
    if (v >= 2147483648.0) return static_cast<uint32_t>(detail::cvt32(v - 2147483648.0)) ^ 0x80000000u;
    return static_cast<uint32_t>(detail::cvt32(v));
  } else {
    return static_cast<I>(detail::cvt32(v));  // 8/16-bit: convert to int32, keep the low bits
  }
}

template <class T>
inline double to_double(T v) noexcept {
  if constexpr (std::is_same_v<T, bool_t>) return v.v ? 1.0 : 0.0;
  else if constexpr (std::is_same_v<T, half_t>) return half_to_float(v.bits);
  else if constexpr (is_complex_v<T>) return v.real();
  else return static_cast<double>(v);
}

template <class To, class From>
inline To convert(From v) noexcept {
  if constexpr (std::is_same_v<To, From>) {
    return v;
  } else if constexpr (std::is_same_v<To, bool_t>) {
    if constexpr (std::is_same_v<From, half_t>) return bool_t{static_cast<uint8_t>(half_to_float(v.bits) != 0.0f)};
    else if constexpr (is_complex_v<From>) return bool_t{static_cast<uint8_t>(v.real() != 0 || v.imag() != 0)};
    else return bool_t{static_cast<uint8_t>(v != 0)};
  } else if constexpr (std::is_same_v<From, bool_t>) {
    return convert<To>(static_cast<uint8_t>(v.v != 0));
  } else if constexpr (is_complex_v<From> && !is_complex_v<To>) {
    return convert<To>(v.real());  // discards the imaginary part (ComplexWarning at the caller)
  } else if constexpr (is_complex_v<To>) {
    using R = typename To::value_type;
    if constexpr (is_complex_v<From>) return To(static_cast<R>(v.real()), static_cast<R>(v.imag()));
    else return To(convert<R>(v), R(0));
  } else if constexpr (std::is_same_v<To, half_t>) {
    if constexpr (std::is_same_v<From, double>) return half_t{double_to_half(v)};
    else if constexpr (std::is_same_v<From, float>) return half_t{float_to_half(v)};
    else return half_t{float_to_half(static_cast<float>(v))};  // integers: NumPy goes through float
  } else if constexpr (std::is_same_v<From, half_t>) {
    // NumPy's float16 casts are scalar loops: to uint32 the compiler converts through int64.
    if constexpr (std::is_same_v<To, uint32_t>) return static_cast<uint32_t>(detail::cvt64(half_to_float(v.bits)));
    else return convert<To>(half_to_float(v.bits));
  } else if constexpr (is_int_v<To> && std::is_floating_point_v<From>) {
    return float_to_int<To>(static_cast<double>(v));
  } else {
    return static_cast<To>(v);  // int<->int wraps (C++20), int->float and float<->float round
  }
}

}  // namespace cnp
