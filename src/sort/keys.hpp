// NumPy's sort order (npysort's LT: NaNs last, -0.0 == 0.0, complex by real then imaginary part
// with NaNs last) expressed as unsigned integer keys, so that every kernel compares plain
// integers: vqsort and radix passes need that, and a total order on keys makes sorted output
// unique (so splitting a sort across threads cannot change the result).
//
// Two flavours of key for a float:
//  - bit keys (value sorts): order-preserving and invertible; -0.0 sorts just before +0.0 (an
//    order NumPy allows since the two compare equal); NaNs are moved out before keying.
//  - canonical keys (argsort, searchsorted, unique, isin): -0.0 and +0.0 share a key and every
//    NaN maps to the largest key, so equal-in-NumPy means equal key.
// Complex numbers have no such key; they go through complex_less (NumPy's CLT) instead.
#pragma once
#include <cmath>
#include <cstdint>
#include <type_traits>

#include "core/types.hpp"

namespace cnp::sorting {

// The unsigned type holding T's key: bool and 8-bit ints -> uint8_t, ..., double -> uint64_t.
template <class T> struct KeyType { using type = std::make_unsigned_t<T>; };
template <> struct KeyType<bool_t> { using type = uint8_t; };
template <> struct KeyType<half_t> { using type = uint16_t; };
template <> struct KeyType<float> { using type = uint32_t; };
template <> struct KeyType<double> { using type = uint64_t; };
template <class T> using key_t = typename KeyType<T>::type;

template <class T> inline constexpr bool is_fp_v = std::is_floating_point_v<T> || std::is_same_v<T, half_t>;

template <class T>
inline key_t<T> raw_bits(T v) noexcept {
  key_t<T> u;
  std::memcpy(&u, &v, sizeof(u));
  return u;
}

template <class T>
inline bool is_nan(T v) noexcept {
  if constexpr (is_complex_v<T>) return std::isnan(v.real()) || std::isnan(v.imag());
  else if constexpr (std::is_same_v<T, half_t>) return (v.bits & 0x7C00u) == 0x7C00u && (v.bits & 0x3FFu);
  else if constexpr (std::is_floating_point_v<T>) return std::isnan(v);
  else return false;
}

// Bit key of a non-NaN value (any value for integers). bool compares its raw byte, as NumPy's
// BOOL_LT does.
template <class T>
inline key_t<T> bit_key(T v) noexcept {
  using U = key_t<T>;
  constexpr U sign = U(U(1) << (8 * sizeof(U) - 1));
  U u = raw_bits(v);
  if constexpr (is_fp_v<T>) return (u & sign) ? U(~u) : U(u | sign);
  else if constexpr (std::is_signed_v<T>) return U(u ^ sign);
  else return u;
}

template <class T>
inline T from_bit_key(key_t<T> k) noexcept {
  using U = key_t<T>;
  constexpr U sign = U(U(1) << (8 * sizeof(U) - 1));
  U u;
  if constexpr (is_fp_v<T>) u = (k & sign) ? U(k ^ sign) : U(~k);
  else if constexpr (std::is_signed_v<T>) u = U(k ^ sign);
  else u = k;
  T v;
  std::memcpy(&v, &u, sizeof(u));
  return v;
}

// Canonical key: values NumPy's sort treats as equal get equal keys.
template <class T>
inline key_t<T> canon_key(T v) noexcept {
  using U = key_t<T>;
  if constexpr (is_fp_v<T>) {
    if (is_nan(v)) return U(~U(0));
    constexpr U sign = U(U(1) << (8 * sizeof(U) - 1));
    if (raw_bits(v) == sign) return sign;  // -0.0 keys as +0.0
  }
  return bit_key(v);
}

// NumPy's CLT: real part first, then imaginary; a NaN in either part sorts after all non-NaN
// values in that position (order: R+Rj, R+nanj, nan+Rj, nan+nanj).
template <class C>
inline bool complex_less(const C& a, const C& b) noexcept {
  auto ar = a.real(), ai = a.imag(), br = b.real(), bi = b.imag();
  if (ar < br) return ai == ai || bi != bi;
  if (ar > br) return bi != bi && ai == ai;
  if (ar == br || (ar != ar && br != br)) return ai < bi || (bi != bi && ai == ai);
  return br != br;
}

}  // namespace cnp::sorting
