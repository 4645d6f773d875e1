// Our own float64 sin and cos for |x| <= 2^16 (the common case), for the FMA ISAs (AVX-512, AVX2).
// SLEEF's u10 kernels reach about a third of NumPy's SVML speed on arguments beyond 15; this one
// is several times faster at a maximum error of about 1.5 ULP (measured by tests/cpp/test_simd.cpp
// against glibc). Larger finite arguments go to SLEEF's u10 kernel, the rest to the C library
// (loop template in simd_kernel.hpp).
//
// Include from the ISA files only (internal linkage, like simd_kernel.hpp).
//
// Method: n = nearest integer to x*2/pi (the 1.5*2^52 rounding trick, which also leaves n in the
// low bits), r = x - n*pi/2 = rh + rl with pi/2 in three parts by FMA (the first step is exact
// for |x| <= 2^16, the rounding error of the second is recovered into rl), then sin or cos of r
// in [-pi/4, pi/4] by Taylor polynomials through r^17 / r^16 (truncation below 2^-62 relative)
// with rl and the rounding error of 1 - r^2/2 folded in before one final rounding, picked and
// signed by n mod 4. Nearly always the correctly rounded value (max 1 ULP from glibc).
// Needs from the ISA traits: set1, add, sub, mul, fma(a,b,c) = a*b+c, fnma(a,b,c) = c-a*b, and
//   V pick_odd(V t, V even, V odd)   odd where the integer in t's low bits is odd
//   V flip_if_bit1(V t, V v)         -v where bit 1 of that integer is set
//   V add_low(V t, int k)            t with k added to that integer (t's bits as int64)
//   V keep_zero(V x, V y)            x where x == ±0, else y
#pragma once

namespace cnp::ufunc::simd {
namespace {

template <class I, bool Cos>
inline typename I::V sincos_core(typename I::V x) {
  using V = typename I::V;
  constexpr double kShift = 0x1.8p52;
  constexpr double k2OverPi = 0x1.45f306dc9c883p-1;
  constexpr double kPio2a = 0x1.921fb54442d18p0;   // pi/2 in three parts: a + b + c
  constexpr double kPio2b = 0x1.1a62633145c07p-54;
  constexpr double kPio2c = -0x1.f1976b7ed8fbcp-110;
  const V t = I::fma(x, I::set1(k2OverPi), I::set1(kShift));
  const V n = I::sub(t, I::set1(kShift));
  // r = rh + rl: the first step is exact, the second rounds once and its error is recovered.
  const V a = I::fnma(n, I::set1(kPio2a), x);
  const V rh = I::fnma(n, I::set1(kPio2b), a);
  const V rl = I::fnma(n, I::set1(kPio2c), I::fnma(n, I::set1(kPio2b), I::sub(a, rh)));
  const V r = rh;
  const V r2 = I::mul(r, r);
  // sin r = r + r^3 (-1/3! + r^2/5! - ... + r^14/17!)
  V ps = I::set1(0x1.952c77030ad4ap-49);                 // 1/17!
  ps = I::fma(ps, r2, I::set1(-0x1.ae7f3e733b81fp-41));  // -1/15!
  ps = I::fma(ps, r2, I::set1(0x1.6124613a86d09p-33));   // 1/13!
  ps = I::fma(ps, r2, I::set1(-0x1.ae64567f544e4p-26));  // -1/11!
  ps = I::fma(ps, r2, I::set1(0x1.71de3a556c734p-19));   // 1/9!
  ps = I::fma(ps, r2, I::set1(-0x1.a01a01a01a01ap-13));  // -1/7!
  ps = I::fma(ps, r2, I::set1(0x1.1111111111111p-7));    // 1/5!
  ps = I::fma(ps, r2, I::set1(-0x1.5555555555555p-3));   // -1/3!
  // 1 - r^2/2 = h + hl exactly enough (h rounded once, hl its error)
  const V hr = I::mul(r, I::set1(0.5));
  const V h = I::fnma(hr, r, I::set1(1.0));
  const V hl = I::fnma(hr, r, I::sub(I::set1(1.0), h));
  // sin(rh + rl) ~ rh + (rh^3 P + rl (1 - rh^2/2)), one final rounding
  const V s = I::add(r, I::fma(I::mul(r, r2), ps, I::mul(rl, h)));
  // cos r = (1 - r^2/2) + r^4 (1/4! - r^2/6! + ... + r^12/16!)
  V pc = I::set1(0x1.ae7f3e733b81fp-45);                 // 1/16!
  pc = I::fma(pc, r2, I::set1(-0x1.93974a8c07c9dp-37));  // -1/14!
  pc = I::fma(pc, r2, I::set1(0x1.1eed8eff8d898p-29));   // 1/12!
  pc = I::fma(pc, r2, I::set1(-0x1.27e4fb7789f5cp-22));  // -1/10!
  pc = I::fma(pc, r2, I::set1(0x1.a01a01a01a01ap-16));   // 1/8!
  pc = I::fma(pc, r2, I::set1(-0x1.6c16c16c16c17p-10));  // -1/6!
  pc = I::fma(pc, r2, I::set1(0x1.5555555555555p-5));    // 1/4!
  // cos(rh + rl) ~ h + (r^4 Q + hl - rl rh), one final rounding
  const V c = I::add(h, I::fma(I::mul(r2, r2), pc, I::fnma(rl, r, hl)));
  if constexpr (Cos) {
    const V q = I::add_low(t, 1);  // cos x = sin(x + pi/2)
    return I::flip_if_bit1(q, I::pick_odd(q, s, c));
  } else {
    return I::keep_zero(x, I::flip_if_bit1(t, I::pick_odd(t, s, c)));
  }
}

}  // namespace
}  // namespace cnp::ufunc::simd
