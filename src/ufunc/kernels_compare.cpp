// Typed 1-D loops of the comparison, logical and NaN/inf test ufuncs, in NumPy 1.24's loop order.
// Outputs are bool bytes (0/1); bool inputs count any nonzero byte as true.
//  - Real comparisons are quiet like NumPy's SIMD loops: a NaN compares false (not_equal: true)
//    and raises nothing. float32/float64 contiguous runs use SSE2 with the NaN lanes zeroed
//    before the (signalling) ordered compares; everything else uses quiet builtins.
//  - Complex comparisons are NumPy's lexicographic ones, and raise "invalid" where NumPy's C
//    comparisons of a NaN do.
//  - logical_* treat NaN as true (nonzero); isnan/isinf/isfinite read bits or quiet compares.
#include <array>
#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ufunc/kernel_ops.hpp"

namespace cnp::ufunc {

namespace {

using namespace kern;

template <class T> inline constexpr bool is_bool = std::is_same_v<T, bool_t>;
template <class T> inline constexpr bool is_half = std::is_same_v<T, half_t>;

enum class Cmp { lt, le, gt, ge, eq, ne };

// Quiet comparison of two real (or integer) values.
template <Cmp C, class T>
inline bool qcmp(T a, T b) noexcept {
  if constexpr (std::is_floating_point_v<T>) {
    if constexpr (C == Cmp::lt) return __builtin_isless(a, b);
    else if constexpr (C == Cmp::le) return __builtin_islessequal(a, b);
    else if constexpr (C == Cmp::gt) return __builtin_isgreater(a, b);
    else if constexpr (C == Cmp::ge) return __builtin_isgreaterequal(a, b);
    else if constexpr (C == Cmp::eq) return a == b;
    else return a != b;
  } else {
    if constexpr (C == Cmp::lt) return a < b;
    else if constexpr (C == Cmp::le) return a <= b;
    else if constexpr (C == Cmp::gt) return a > b;
    else if constexpr (C == Cmp::ge) return a >= b;
    else if constexpr (C == Cmp::eq) return a == b;
    else return a != b;
  }
}

template <Cmp C>
struct CmpOp {
  template <class T>
  bool_t operator()(T a, T b, int& fl) const noexcept {
    if constexpr (is_bool<T>) {
      return mkbool(qcmp<C>(static_cast<int>(a.v != 0), static_cast<int>(b.v != 0)));
    } else if constexpr (is_half<T>) {
      return mkbool(qcmp<C>(hf(a), hf(b)));
    } else if constexpr (is_complex_v<T>) {
      if constexpr (C == Cmp::lt) return mkbool(c_lt(a, b, fl));
      else if constexpr (C == Cmp::le) return mkbool(c_le(a, b, fl));
      else if constexpr (C == Cmp::gt) return mkbool(c_gt(a, b, fl));
      else if constexpr (C == Cmp::ge) return mkbool(c_ge(a, b, fl));
      else if constexpr (C == Cmp::eq) return mkbool(a.real() == b.real() && a.imag() == b.imag());
      else return mkbool(a.real() != b.real() || a.imag() != b.imag());
    } else {
      return mkbool(qcmp<C>(a, b));
    }
  }
};

#if defined(__SSE2__)
// 8 mask bits -> 8 bytes of 0/1.
constexpr std::array<uint64_t, 256> kBitBytes = [] {
  std::array<uint64_t, 256> t{};
  for (int m = 0; m < 256; ++m)
    for (int k = 0; k < 8; ++k)
      if (m & (1 << k)) t[m] |= uint64_t{1} << (8 * k);
  return t;
}();

// Ordered predicates are signalling in SSE2: compare the NaN lanes as 0 and mask them out.
template <Cmp C>
inline int vmask(__m128d a, __m128d b) noexcept {
  __m128d r;
  if constexpr (C == Cmp::eq) {
    r = _mm_cmpeq_pd(a, b);
  } else if constexpr (C == Cmp::ne) {
    r = _mm_cmpneq_pd(a, b);
  } else {
    const __m128d ord = _mm_cmpord_pd(a, b);
    a = _mm_and_pd(a, ord);
    b = _mm_and_pd(b, ord);
    if constexpr (C == Cmp::lt) r = _mm_cmplt_pd(a, b);
    else if constexpr (C == Cmp::le) r = _mm_cmple_pd(a, b);
    else if constexpr (C == Cmp::gt) r = _mm_cmplt_pd(b, a);
    else r = _mm_cmple_pd(b, a);
    r = _mm_and_pd(r, ord);
  }
  return _mm_movemask_pd(r);
}
template <Cmp C>
inline int vmask(__m128 a, __m128 b) noexcept {
  __m128 r;
  if constexpr (C == Cmp::eq) {
    r = _mm_cmpeq_ps(a, b);
  } else if constexpr (C == Cmp::ne) {
    r = _mm_cmpneq_ps(a, b);
  } else {
    const __m128 ord = _mm_cmpord_ps(a, b);
    a = _mm_and_ps(a, ord);
    b = _mm_and_ps(b, ord);
    if constexpr (C == Cmp::lt) r = _mm_cmplt_ps(a, b);
    else if constexpr (C == Cmp::le) r = _mm_cmple_ps(a, b);
    else if constexpr (C == Cmp::gt) r = _mm_cmplt_ps(b, a);
    else r = _mm_cmple_ps(b, a);
    r = _mm_and_ps(r, ord);
  }
  return _mm_movemask_ps(r);
}

template <class T> struct Vec;
template <> struct Vec<double> {
  using V = __m128d;
  static constexpr int kLanes = 2;
  static V load(const char* p) noexcept { return _mm_loadu_pd(reinterpret_cast<const double*>(p)); }
  static V splat(double x) noexcept { return _mm_set1_pd(x); }
};
template <> struct Vec<float> {
  using V = __m128;
  static constexpr int kLanes = 4;
  static V load(const char* p) noexcept { return _mm_loadu_ps(reinterpret_cast<const float*>(p)); }
  static V splat(float x) noexcept { return _mm_set1_ps(x); }
};

// Blocks of 8 elements; BA/BB: that operand is a broadcast scalar. Returns how many were done.
template <Cmp C, class T, bool BA, bool BB>
int64_t cmp_blocks(const char* a, const char* b, char* o, int64_t n) noexcept {
  using W = Vec<T>;
  constexpr int L = W::kLanes;
  constexpr int64_t sz = sizeof(T);
  const typename W::V sa = W::splat(ld<T>(a)), sb = W::splat(ld<T>(b));
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    int bits = 0;
    for (int k = 0; k < 8 / L; ++k) {
      const typename W::V va = BA ? sa : W::load(a + (i + k * L) * sz);
      const typename W::V vb = BB ? sb : W::load(b + (i + k * L) * sz);
      bits |= vmask<C>(va, vb) << (k * L);
    }
    std::memcpy(o + i, &kBitBytes[static_cast<unsigned>(bits)], 8);
  }
  return i;
}
#endif

// float32/float64 comparison loop: SSE2 blocks for contiguous and broadcast operands, quiet
// scalar code for the rest.
template <Cmp C, class T>
void real_cmp_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  const char* a = args[0];
  const char* b = args[1];
  char* o = args[2];
  int64_t i = 0;
#if defined(__SSE2__)
  constexpr int64_t sz = sizeof(T);
  if (s[2] == 1 && n >= 8) {
    if (s[0] == sz && s[1] == sz) i = cmp_blocks<C, T, false, false>(a, b, o, n);
    else if (s[0] == sz && s[1] == 0) i = cmp_blocks<C, T, false, true>(a, b, o, n);
    else if (s[0] == 0 && s[1] == sz) i = cmp_blocks<C, T, true, false>(a, b, o, n);
  }
#endif
  for (; i < n; ++i) st<bool_t>(o + i * s[2], mkbool(qcmp<C>(ld<T>(a + i * s[0]), ld<T>(b + i * s[1]))));
}

// ---- logical ----

template <class T>
inline bool nonzero(T a) noexcept {
  if constexpr (is_bool<T>) return a.v != 0;
  else if constexpr (is_half<T>) return (a.bits & 0x7fffu) != 0;
  else if constexpr (is_complex_v<T>) return a.real() != 0 || a.imag() != 0;
  else return a != 0;
}

struct AndOp {
  template <class T>
  bool_t operator()(T a, T b, int&) const noexcept { return mkbool(nonzero(a) & nonzero(b)); }
};
struct OrOp {
  template <class T>
  bool_t operator()(T a, T b, int&) const noexcept { return mkbool(nonzero(a) | nonzero(b)); }
};
struct XorOp {
  template <class T>
  bool_t operator()(T a, T b, int&) const noexcept { return mkbool(nonzero(a) != nonzero(b)); }
};
struct NotOp {
  template <class T>
  bool_t operator()(T a, int&) const noexcept { return mkbool(!nonzero(a)); }
};

// ---- isnan / isinf / isfinite: x != x is quiet; the others test the exponent bits (GCC turns
// a quiet `fabs(x) != inf` pair into a signalling ordered compare when it vectorises) ----

template <class R>
struct Bits {
  using U = std::conditional_t<sizeof(R) == 8, uint64_t, uint32_t>;
  static constexpr U kExp = sizeof(R) == 8 ? U(0x7ff0000000000000ull) : U(0x7f800000u);
  static constexpr U kMag = sizeof(R) == 8 ? U(0x7fffffffffffffffull) : U(0x7fffffffu);
  static U of(R x) noexcept {
    U u;
    std::memcpy(&u, &x, sizeof(R));
    return u;
  }
};
// On the bits, not x != x: a comparison (ucomisd) raises "invalid" for a signalling NaN, and
// NumPy's isnan is silent on one.
template <class R>
inline bool r_isnan(R x) noexcept { return (Bits<R>::of(x) & Bits<R>::kMag) > Bits<R>::kExp; }
template <class R>
inline bool r_isinf(R x) noexcept { return (Bits<R>::of(x) & Bits<R>::kMag) == Bits<R>::kExp; }
template <class R>
inline bool r_isfinite(R x) noexcept { return (Bits<R>::of(x) & Bits<R>::kExp) != Bits<R>::kExp; }

struct IsnanOp {
  template <class T>
  bool_t operator()(T a, int&) const noexcept {
    if constexpr (is_half<T>) return mkbool((a.bits & 0x7fffu) > 0x7c00u);
    else if constexpr (is_complex_v<T>) return mkbool(r_isnan(a.real()) | r_isnan(a.imag()));
    else if constexpr (std::is_floating_point_v<T>) return mkbool(r_isnan(a));
    else return mkbool(false);
  }
};
struct IsinfOp {
  template <class T>
  bool_t operator()(T a, int&) const noexcept {
    if constexpr (is_half<T>) return mkbool((a.bits & 0x7fffu) == 0x7c00u);
    else if constexpr (is_complex_v<T>) return mkbool(r_isinf(a.real()) | r_isinf(a.imag()));
    else if constexpr (std::is_floating_point_v<T>) return mkbool(r_isinf(a));
    else return mkbool(false);
  }
};
struct IsfiniteOp {
  template <class T>
  bool_t operator()(T a, int&) const noexcept {
    if constexpr (is_half<T>) return mkbool((a.bits & 0x7c00u) != 0x7c00u);
    else if constexpr (is_complex_v<T>) return mkbool(r_isfinite(a.real()) & r_isfinite(a.imag()));
    else if constexpr (std::is_floating_point_v<T>) return mkbool(r_isfinite(a));
    else return mkbool(true);
  }
};

// ---- table builders ----

#define CNP_ALL bool_t, int8_t, uint8_t, int16_t, uint16_t, int32_t, uint32_t, int64_t, uint64_t, \
                half_t, float, double, c64_t, c128_t

template <class T, Cmp C>
Loop cmp_loop() {
  LoopFn fn;
  if constexpr (std::is_floating_point_v<T>) fn = &real_cmp_loop<C, T>;
  else if constexpr (is_complex_v<T>) fn = &qf_binary<T, T, bool_t, CmpOp<C>>;
  else fn = &f_binary<T, T, bool_t, CmpOp<C>>;
  return Loop{{type_num<T>, type_num<T>, CNP_BOOL, -1}, fn, nullptr};
}
template <Cmp C, class... Ts>
void cmps(std::vector<Loop>& v) {
  (v.push_back(cmp_loop<Ts, C>()), ...);
}
template <class Op, class... Ts>
void to_bool2(std::vector<Loop>& v) {
  (v.push_back(Loop{{type_num<Ts>, type_num<Ts>, CNP_BOOL, -1}, &f_binary<Ts, Ts, bool_t, Op>, nullptr}), ...);
}
template <class Op, class... Ts>
void to_bool1(std::vector<Loop>& v) {
  (v.push_back(Loop{{type_num<Ts>, CNP_BOOL, -1, -1}, &f_unary<Ts, bool_t, Op>, nullptr}), ...);
}

}  // namespace

void init_compare(Table& t) {
  auto uf = [&t](Id id) -> std::vector<Loop>& {
    Ufunc& u = t[static_cast<int>(id)];
    u.cost = 1;
    u.loops.clear();
    return u.loops;
  };
  cmps<Cmp::eq, CNP_ALL>(uf(Id::equal));
  cmps<Cmp::ne, CNP_ALL>(uf(Id::not_equal));
  cmps<Cmp::lt, CNP_ALL>(uf(Id::less));
  cmps<Cmp::le, CNP_ALL>(uf(Id::less_equal));
  cmps<Cmp::gt, CNP_ALL>(uf(Id::greater));
  cmps<Cmp::ge, CNP_ALL>(uf(Id::greater_equal));
  to_bool2<AndOp, CNP_ALL>(uf(Id::logical_and));
  to_bool2<OrOp, CNP_ALL>(uf(Id::logical_or));
  to_bool2<XorOp, CNP_ALL>(uf(Id::logical_xor));
  to_bool1<NotOp, CNP_ALL>(uf(Id::logical_not));
  to_bool1<IsnanOp, CNP_ALL>(uf(Id::isnan));
  to_bool1<IsinfOp, CNP_ALL>(uf(Id::isinf));
  to_bool1<IsfiniteOp, CNP_ALL>(uf(Id::isfinite));
}

}  // namespace cnp::ufunc
