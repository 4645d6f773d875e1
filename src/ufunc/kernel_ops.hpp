// Shared pieces of the arithmetic, comparison and bitwise loops (kernels_arith.cpp,
// kernels_compare.cpp, kernels_bitwise.cpp):
//  - loop drivers that take a lambda (contiguous, array-op-scalar and scalar-op-array fast paths
//    the compiler can vectorise, then the general strided loop) and collect the floating-point
//    conditions NumPy reports from integer code (FE_DIVBYZERO for x // 0 ...) in a local mask that
//    is raised once at the end of the run;
//  - QuietFp: a scope that drops the exception flags raised inside it, for loops whose
//    vectorised comparisons are signalling (cmpltpd raises "invalid" for a NaN) where NumPy's
//    loops raise nothing;
//  - float16 rounding with NumPy's overflow/underflow flags (wrapping integer arithmetic and
//    complex division are core/arith.hpp's).
#pragma once
#include <cfenv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

#if defined(__SSE__) || defined(__x86_64__)
#include <xmmintrin.h>
#define CNP_KERNEL_MXCSR 1
#endif

#include "core/arith.hpp"
#include "ufunc/loops.hpp"

namespace cnp::ufunc::kern {

// ---- floating-point flags ----

inline void raise_flags(int fl) noexcept {
  if (fl) std::feraiseexcept(fl);
}

// Restores the exception flags on scope exit to what they were on entry: whatever the code in the
// scope raised is forgotten. The SSE flags live in MXCSR (the x87 ones are untouched: nothing
// here uses x87).
class QuietFp {
 public:
#ifdef CNP_KERNEL_MXCSR
  QuietFp() noexcept : csr_(_mm_getcsr()) {}
  ~QuietFp() { _mm_setcsr((_mm_getcsr() & ~0x3Fu) | (csr_ & 0x3Fu)); }

 private:
  unsigned csr_;
#else
  QuietFp() noexcept { std::fegetexceptflag(&saved_, FE_ALL_EXCEPT); }
  ~QuietFp() { std::fesetexceptflag(&saved_, FE_ALL_EXCEPT); }

 private:
  std::fexcept_t saved_;
#endif
 public:
  QuietFp(const QuietFp&) = delete;
  QuietFp& operator=(const QuietFp&) = delete;
};

// ---- float16 ----

inline float hf(half_t h) noexcept { return half_to_float(h.bits); }

inline uint32_t fbits(float f) noexcept {
  uint32_t b;
  std::memcpy(&b, &f, 4);
  return b;
}

// A float result rounded to float16 with the flags NumPy's float -> half conversion raises:
// overflow when a finite value becomes infinite, underflow when a nonzero value below the smallest
// normal half (2**-14) is not represented exactly. Bit tests only: NaN raises nothing here.
inline half_t hr(float f, int& fl) noexcept {
  const uint16_t h = float_to_half(f);
  const uint32_t mag = fbits(f) & 0x7fffffffu;
  if ((h & 0x7c00u) == 0x7c00u) {
    if (mag < 0x7f800000u) fl |= FE_OVERFLOW;
  } else if (mag != 0 && mag < 0x38800000u && (fbits(half_to_float(h)) & 0x7fffffffu) != mag) {
    fl |= FE_UNDERFLOW;
  }
  return half_t{h};
}

// ---- integers ----

// Wrapping integer arithmetic (wadd, wsub, wmul, wneg) is core/arith.hpp's, shared with the
// reductions.

inline bool_t mkbool(bool b) noexcept { return bool_t{static_cast<uint8_t>(b)}; }

// ---- C's comparisons, flags included ----
// x < y in C (comisd) raises "invalid" when either operand is NaN; x == y (ucomisd) never does.
// These evaluate quietly and record the flag, so short-circuit expressions built from them raise
// exactly where NumPy's compiled C would, however the compiler schedules the loop.
template <class R> inline bool s_lt(R x, R y, int& fl) noexcept {
  if (__builtin_isunordered(x, y)) fl |= FE_INVALID;
  return __builtin_isless(x, y);
}
template <class R> inline bool s_le(R x, R y, int& fl) noexcept {
  if (__builtin_isunordered(x, y)) fl |= FE_INVALID;
  return __builtin_islessequal(x, y);
}
template <class R> inline bool s_gt(R x, R y, int& fl) noexcept { return s_lt(y, x, fl); }
template <class R> inline bool s_ge(R x, R y, int& fl) noexcept { return s_le(y, x, fl); }

// NumPy's lexicographic complex order (its CLT/CLE/CGT/CGE): the real parts decide unless a
// NaN imaginary part makes the pair unordered; equal real parts defer to the imaginary parts.
// Flags as NumPy's compiled comparison loops raise them: the NaN tests of the imaginary parts
// come first, so only a real-part comparison that is actually reached can raise "invalid".
template <class C, class Strict, class Tie>
inline bool c_order(C a, C b, Strict strict, Tie tie) noexcept {
  return (!std::isnan(a.imag()) && !std::isnan(b.imag()) && strict(a.real(), b.real())) ||
         (a.real() == b.real() && tie(a.imag(), b.imag()));
}
template <class C> inline bool c_lt(C a, C b, int& fl) noexcept {
  using R = typename C::value_type;
  return c_order(a, b, [&fl](R x, R y) { return s_lt(x, y, fl); }, [&fl](R x, R y) { return s_lt(x, y, fl); });
}
template <class C> inline bool c_le(C a, C b, int& fl) noexcept {
  using R = typename C::value_type;
  return c_order(a, b, [&fl](R x, R y) { return s_lt(x, y, fl); }, [&fl](R x, R y) { return s_le(x, y, fl); });
}
template <class C> inline bool c_gt(C a, C b, int& fl) noexcept {
  using R = typename C::value_type;
  return c_order(a, b, [&fl](R x, R y) { return s_gt(x, y, fl); }, [&fl](R x, R y) { return s_gt(x, y, fl); });
}
template <class C> inline bool c_ge(C a, C b, int& fl) noexcept {
  using R = typename C::value_type;
  return c_order(a, b, [&fl](R x, R y) { return s_gt(x, y, fl); }, [&fl](R x, R y) { return s_ge(x, y, fl); });
}
template <class C> inline bool c_isnan(C a) noexcept { return std::isnan(a.real()) || std::isnan(a.imag()); }

// ---- loop drivers ----
// f is called as f(x) / f(x, y) / f(x, y, z) on loaded values and returns the stored value.

template <class In, class Out, class F>
inline void run_unary(char* const* args, const int64_t* s, int64_t n, F&& f) {
  const char* x = args[0];
  char* y = args[1];
  constexpr int64_t si = sizeof(In), so = sizeof(Out);
  if (s[0] == si && s[1] == so) {
    for (int64_t i = 0; i < n; ++i) st<Out>(y + i * so, f(ld<In>(x + i * si)));
  } else {
    const int64_t sx = s[0], sy = s[1];  // locals: the stores could alias s[] as far as the compiler knows
    for (int64_t i = 0; i < n; ++i) st<Out>(y + i * sy, f(ld<In>(x + i * sx)));
  }
}

template <class In1, class In2, class Out, class F>
inline void run_binary(char* const* args, const int64_t* s, int64_t n, F&& f) {
  const char* a = args[0];
  const char* b = args[1];
  char* y = args[2];
  constexpr int64_t s1 = sizeof(In1), s2 = sizeof(In2), so = sizeof(Out);
  if (s[2] == so) {
    if (s[0] == s1 && s[1] == s2) {
      for (int64_t i = 0; i < n; ++i) st<Out>(y + i * so, f(ld<In1>(a + i * s1), ld<In2>(b + i * s2)));
      return;
    }
    if (s[0] == s1 && s[1] == 0) {
      const In2 bv = ld<In2>(b);
      for (int64_t i = 0; i < n; ++i) st<Out>(y + i * so, f(ld<In1>(a + i * s1), bv));
      return;
    }
    if (s[0] == 0 && s[1] == s2) {
      const In1 av = ld<In1>(a);
      for (int64_t i = 0; i < n; ++i) st<Out>(y + i * so, f(av, ld<In2>(b + i * s2)));
      return;
    }
  }
  const int64_t sa = s[0], sb = s[1], sy = s[2];
  for (int64_t i = 0; i < n; ++i) st<Out>(y + i * sy, f(ld<In1>(a + i * sa), ld<In2>(b + i * sb)));
}

template <class T, class F>
inline void run_ternary(char* const* args, const int64_t* s, int64_t n, F&& f) {
  constexpr int64_t sz = sizeof(T);
  if (s[0] == sz && s[1] == 0 && s[2] == 0 && s[3] == sz) {  // clip(array, scalar, scalar)
    const T lo = ld<T>(args[1]), hi = ld<T>(args[2]);
    for (int64_t i = 0; i < n; ++i) st<T>(args[3] + i * sz, f(ld<T>(args[0] + i * sz), lo, hi));
    return;
  }
  const int64_t s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3];
  for (int64_t i = 0; i < n; ++i)
    st<T>(args[3] + i * s3, f(ld<T>(args[0] + i * s0), ld<T>(args[1] + i * s1), ld<T>(args[2] + i * s2)));
}

// ---- loop functions from functors ----
// A functor Op has `Out operator()(In..., int& fl) const` that adds FE_* bits to fl (raised
// once after the run; most operations never touch it). The qf_ variants run the loop inside
// QuietFp first, dropping whatever the hardware raised.

template <class In, class Out, class Op>
void f_unary(char* const* args, const int64_t* s, int64_t n, const void*) {
  int fl = 0;
  run_unary<In, Out>(args, s, n, [&fl](In x) { return Op{}(x, fl); });
  raise_flags(fl);
}
template <class In, class Out, class Op>
void qf_unary(char* const* args, const int64_t* s, int64_t n, const void*) {
  int fl = 0;
  {
    QuietFp q;
    run_unary<In, Out>(args, s, n, [&fl](In x) { return Op{}(x, fl); });
  }
  raise_flags(fl);
}
template <class In1, class In2, class Out, class Op>
void f_binary(char* const* args, const int64_t* s, int64_t n, const void*) {
  int fl = 0;
  run_binary<In1, In2, Out>(args, s, n, [&fl](In1 x, In2 y) { return Op{}(x, y, fl); });
  raise_flags(fl);
}
// Quiet, then the functor's own flags (e.g. complex comparisons raise "invalid" exactly where
// NumPy's short-circuit C comparisons would).
template <class In1, class In2, class Out, class Op>
void qf_binary(char* const* args, const int64_t* s, int64_t n, const void*) {
  int fl = 0;
  {
    QuietFp q;
    run_binary<In1, In2, Out>(args, s, n, [&fl](In1 x, In2 y) { return Op{}(x, y, fl); });
  }
  raise_flags(fl);
}
template <class T, class Op>
void qf_ternary(char* const* args, const int64_t* s, int64_t n, const void*) {
  int fl = 0;
  {
    QuietFp q;
    run_ternary<T>(args, s, n, [&fl](T x, T y, T z) { return Op{}(x, y, z, fl); });
  }
  raise_flags(fl);
}

}  // namespace cnp::ufunc::kern
