// Scalar arithmetic that rounds exactly like NumPy's inner loops for each storage type: float16
// computes in float and rounds every result back to half; complex multiply and divide use
// NumPy's formulas (Smith's algorithm for division), not the C library's.
#pragma once
#include <cmath>
#include <complex>
#include <cstdint>

#include "core/types.hpp"

namespace cnp {

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
  static V div(V a, V b) {
    R ar = a.real(), ai = a.imag(), br = b.real(), bi = b.imag();
    R abr = std::fabs(br), abi = std::fabs(bi);
    if (abr >= abi) {
      if (abr == 0 && abi == 0) return V(ar / abr, ai / abr);
      R rat = bi / br;
      R scl = R(1) / (br + bi * rat);
      return V((ar + ai * rat) * scl, (ai - ar * rat) * scl);
    }
    R rat = br / bi;
    R scl = R(1) / (bi + br * rat);
    return V((ar * rat + ai) * scl, (ai * rat - ar) * scl);
  }
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
