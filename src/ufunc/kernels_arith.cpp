// Typed 1-D loops of the arithmetic ufuncs, in NumPy 1.24's loop order (see
// tests/data/ufunc_types_numpy124.txt), with NumPy's values and floating-point flags:
//  - integers wrap; x // 0, x % 0 and fmod(x, 0) give 0 and raise "divide by zero"; MIN // -1
//    gives MIN and raises "overflow"; floor_divide/remainder follow Python's signs;
//  - float16 computes in float and rounds every result back with NumPy's conversion flags;
//  - float floor_divide/remainder/divmod use NumPy's fmod-based divmod (the remainder takes the
//    divisor's sign, the quotient is snapped to an integer);
//  - complex divide is NumPy's formula, complex power is Arith's nc_pow.
// Some results depend on the CPU, because NumPy 1.24 picks its loops at run time (its CPU
// dispatch) and its loops for AVX-512 compute other bits or flags than the ones it runs elsewhere.
// These loops compute what NumPy computes on the same CPU: NumPy's AVX-512 behaviour when the
// active SIMD path (ufunc/simd_paths.hpp: the CPU's best, or CNUMPY_SIMD) is avx512, its
// AVX2/baseline loops' behaviour otherwise (docs/ufunc.md, "Results that depend on the CPU"):
//  - complex multiply: on AVX-512F CPUs NumPy's AVX-512F loop for contiguous operands that do
//    not overlap the output (the plain formula), else its scalar loop, which its compiler
//    contracted into fused multiply-adds for complex128 (the avx512f target is built with -mfma);
//    elsewhere the AVX2/SSE2/baseline targets of the same loop, built without -mfma: the plain
//    formula for every layout (reductions and accumulations included);
//  - complex absolute: on AVX-512F CPUs NumPy's AVX-512F hypot (no flags), elsewhere its scalar
//    loop, npy_hypot, i.e. the C library's hypot/hypotf with their flags;
//  - float32/float64 power: on AVX512_SKX CPUs the C library's pow with the flags of the SVML pow
//    NumPy runs there (its values can differ from SVML's in the last place); elsewhere NumPy
//    calls the C library's pow, and so does this loop, flags and NaN signs included.
#include <cmath>
#include <limits>
#include <utility>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "core/arith.hpp"
#include "ufunc/kernel_ops.hpp"
#include "ufunc/simd_paths.hpp"
#include "core/target.hpp"

namespace cnp::ufunc {

namespace {

using namespace kern;

template <class T> inline constexpr bool is_bool = std::is_same_v<T, bool_t>;
template <class T> inline constexpr bool is_half = std::is_same_v<T, half_t>;

// ---- which of NumPy 1.24's loops this CPU runs (see the comment at the top) ----
// NumPy takes its avx512f dispatch targets (complex multiply, complex absolute) when the CPU has
// AVX-512F, which is when simd_best_path() is avx512; CNUMPY_SIMD=avx2 (or lower) gives NumPy's
// results on a CPU without it. Read at every loop call (one relaxed atomic load), so the
// simd_set_active_path test hook switches these loops too.
inline bool numpy_avx512f() noexcept { return simd_active_path() == SimdPath::avx512; }
// NumPy's SVML loops (float power) are its avx512_skx target: AVX-512F with CD, BW, DQ and VL.
// An AVX-512F CPU without them (Xeon Phi) runs the C library's loop there.
inline bool numpy_avx512_skx() noexcept {
  static const bool skx = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512cd") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl");
  }();
  return skx && numpy_avx512f();
}

// ---- scalar helpers ----

// Python's floor division and modulo on integers; the divisor is nonzero and (MIN, -1) excluded.
template <class T>
inline T int_floordiv(T a, T b) noexcept {
  T q = static_cast<T>(a / b);
  if constexpr (std::is_signed_v<T>) {
    if (static_cast<T>(a % b) != 0 && ((a < 0) != (b < 0))) --q;
  }
  return q;
}
template <class T>
inline T int_mod(T a, T b) noexcept {
  T r = static_cast<T>(a % b);
  if constexpr (std::is_signed_v<T>) {
    if (r != 0 && ((r < 0) != (b < 0))) r = static_cast<T>(r + b);
  }
  return r;
}

// NumPy's divmod for floats: the remainder from fmod, moved to the divisor's sign; the quotient
// (a - mod) / b snapped to the nearest integer at or below it. b == 0 gives a / b and fmod's NaN.
template <class R>
inline R float_divmod(R a, R b, R& mod) noexcept {
  mod = std::fmod(a, b);
  if (b == 0) return a / b;
  R div = (a - mod) / b;
  if (mod != 0) {
    if (__builtin_isless(b, R(0)) != __builtin_isless(mod, R(0))) {
      mod += b;
      div -= R(1);
    }
  } else {
    mod = std::copysign(R(0), b);
  }
  R floordiv;
  if (div != 0) {
    floordiv = std::floor(div);
    if (__builtin_isgreater(div - floordiv, R(0.5))) floordiv += R(1);
  } else {
    floordiv = std::copysign(R(0), a / b);
  }
  return floordiv;
}
template <class R>
inline R float_floordiv(R a, R b) noexcept {
  if (b == 0) return a / b;  // and the division's own flags
  R mod;
  return float_divmod(a, b, mod);
}
template <class R>
inline R float_remainder(R a, R b) noexcept {
  if (b == 0) return std::fmod(a, b);
  R mod;
  float_divmod(a, b, mod);
  return mod;
}

// sqrt of a value that is >= 1 or NaN: no errno case, so no call to the C library's sqrt.
#if defined(__SSE2__)
inline double cnp_sqrt(double x) noexcept { return _mm_cvtsd_f64(_mm_sqrt_sd(_mm_set_sd(x), _mm_set_sd(x))); }
inline float cnp_sqrt(float x) noexcept { return _mm_cvtss_f32(_mm_sqrt_ss(_mm_set_ss(x))); }
#else
inline double cnp_sqrt(double x) noexcept { return std::sqrt(x); }
inline float cnp_sqrt(float x) noexcept { return std::sqrt(x); }
#endif

// |z| as NumPy 1.24's AVX-512F loop computes it (on AVX-512F CPUs; cabs_libm_loop elsewhere): an infinite part gives inf, else a NaN part
// gives NaN, else larger * sqrt(1 + (smaller / larger)**2) with a fused multiply-add. Like that
// loop it always divides (and runs inside QuietFp); cabs_vec below is the vector version.
template <class R>
inline R complex_abs(R re, R im) noexcept {
  constexpr R inf = std::numeric_limits<R>::infinity(), nan = std::numeric_limits<R>::quiet_NaN();
  const R ax = std::fabs(re), ay = std::fabs(im);
  R x = ay == inf ? inf : ax;
  R y = ax == inf ? inf : ay;
  const bool re_nan = x != x, im_nan = y != y;
  x = im_nan ? nan : x;
  y = re_nan ? nan : y;
  const R larger = x > y ? x : y;  // maxpd/minpd: the second operand unless the first wins
  const R smaller = x < y ? x : y;
  const R q = smaller / larger;
  const R ratio = ((larger == 0) | (smaller == inf)) ? R(0) : q;
  return cnp_sqrt(std::fma(ratio, ratio, R(1))) * larger;
}

// float/double power: the C library's pow. On AVX512_SKX CPUs NumPy 1.24 runs SVML's pow
// instead, whose NaN sign and flags are reproduced where they differ: NaN ** y (y != 0) is that
// NaN, sign included (glibc flips it for odd integral y); 0 ** -inf raises "divide by zero";
// x ** inf raises "overflow" once x * x overflows; a float32 result that is subnormal raises
// "underflow" even when exact. (The values themselves can differ from SVML's in the last place.)
// Elsewhere NumPy calls the C library's pow (npy_pow), and so does this, flags included.
template <class R>
inline R real_pow(R a, R b, int& fl) noexcept {
  if (!numpy_avx512_skx()) return std::pow(a, b);
  if (std::isnan(a) && b != 0) return a;
  constexpr R inf = std::numeric_limits<R>::infinity();
  if (a == 0 && b == -inf) fl |= FE_DIVBYZERO;
  const R big = std::sqrt(std::numeric_limits<R>::max());
  if (b == inf && std::fabs(a) > big && std::fabs(a) != inf) fl |= FE_OVERFLOW;
  const R r = std::pow(a, b);
  if constexpr (std::is_same_v<R, float>) {
    if (r != 0 && __builtin_isless(std::fabs(r), std::numeric_limits<float>::min())) fl |= FE_UNDERFLOW;
  }
  return r;
}

// Integer power by squaring, wrapping; negative exponents are an error for signed types.
template <class T>
inline T int_power(T a, T b) {
  if constexpr (std::is_signed_v<T>) {
    if (b < 0) throw_value("Integers to negative integer powers are not allowed.");
  }
  using U = wide_u<T>;
  U base = static_cast<U>(static_cast<std::make_unsigned_t<T>>(a));
  auto e = static_cast<std::make_unsigned_t<T>>(b);
  U r = 1;
  while (e) {
    if (e & 1) r = static_cast<U>(r * base);
    e >>= 1;
    if (e) base = static_cast<U>(base * base);
  }
  return static_cast<T>(r);
}

// NumPy's complex product; the imaginary sum in its operand order (see AddOp).
template <class T>
inline T cmul(T a, T b) noexcept {
  const auto ar = a.real(), ai = a.imag(), br = b.real(), bi = b.imag();
  auto re = ar * br - ai * bi;
  keep_scalar(re);
  return T(re, ai * br + ar * bi);
}

// ---- functors: Out operator()(In..., int& fl) with fl collecting FE_* bits ----

// Commutative float operations are written b + a, the operand order NumPy's compiled loops mostly
// use: with two NaN operands x86 returns the first one's, so the order picks the result's NaN
// sign (the compiler may still swap them; only NaN + NaN is affected).
struct AddOp {
  template <class T>
  T operator()(T a, T b, int& fl) const noexcept {
    if constexpr (is_bool<T>) return mkbool((a.v | b.v) != 0);
    else if constexpr (is_int_v<T>) return wadd(a, b);
    else if constexpr (is_half<T>) return hr(hf(b) + hf(a), fl);
    else if constexpr (is_complex_v<T>) return Arith<T>::add(a, b);
    else return b + a;
  }
};
struct SubOp {
  template <class T>
  T operator()(T a, T b, int& fl) const noexcept {
    if constexpr (is_int_v<T>) return wsub(a, b);
    else if constexpr (is_half<T>) return hr(hf(a) - hf(b), fl);
    else if constexpr (is_complex_v<T>) return Arith<T>::sub(a, b);
    else return a - b;
  }
};
struct MulOp {
  template <class T>
  T operator()(T a, T b, int& fl) const noexcept {
    if constexpr (is_bool<T>) return mkbool(a.v != 0 && b.v != 0);
    else if constexpr (is_int_v<T>) return wmul(a, b);
    else if constexpr (is_half<T>) return hr(hf(b) * hf(a), fl);
    else if constexpr (is_complex_v<T>) return cmul(a, b);
    else return b * a;
  }
};

// The loops below that need a fused multiply-add come twice: compiled for the FMA instruction,
// picked when the CPU has it, and plain, where std::fma is the C library's (exact, slower).
// Both give the same bits.
// (CNP_TARGET_ISA, core/target.hpp: the FMA copy may give other bits than the clones' rule
// allows elsewhere, since NumPy's own compiler contracted these loops on FMA machines.)
#if defined(CNP_HAVE_TARGET_ISA)
#define CNP_FMA_TARGET CNP_TARGET_ISA("fma")
inline bool cpu_has_fma() noexcept { return CNP_CPU_HAS("fma"); }
#else
#define CNP_FMA_TARGET
inline bool cpu_has_fma() noexcept { return false; }
#endif

// NumPy's scalar complex128 multiply, which its compiler contracted into fused multiply-adds.
template <class T>
inline void cmul_fused(char* const* args, const int64_t* s, int64_t n) {
  const int64_t s0 = s[0], s1 = s[1], s2 = s[2];
  for (int64_t i = 0; i < n; ++i) {
    const T a = ld<T>(args[0] + i * s0), b = ld<T>(args[1] + i * s1);
    const auto ar = a.real(), ai = a.imag(), br = b.real(), bi = b.imag();
    st<T>(args[2] + i * s2, T(std::fma(ar, br, -(ai * bi)), std::fma(ar, bi, ai * br)));
  }
}
template <class T>
CNP_FMA_TARGET void cmul_fused_fma(char* const* args, const int64_t* s, int64_t n) {
  cmul_fused<T>(args, s, n);
}

// The plain complex product of n contiguous values (bits as cmul) in blocks of one 64-byte
// vector per part: two vectors of interleaved values are split into a vector of real parts and
// one of imaginary parts, multiplied, and interleaved again. Written with explicit vectors because
// GCC's SLP vectoriser turns the scalar form into vfmaddsub, which is fused (other bits) and
// computes lanes it then discards (an add/sub blend raises "invalid" for inf - inf in a discarded
// lane, where NumPy raises nothing). Returns how many were done; the caller finishes the rest.
// The four constant permutations of the blocks, as __builtin_shufflevector with constant
// indices (accepted by GCC 12+ and clang; GCC's __builtin_shuffle is not clang's): lane k of the
// result takes lane index(k) of the concatenation x:y.
template <class V, std::size_t... K>
[[gnu::always_inline]] inline V shuffle_even(V x, V y, std::index_sequence<K...>) {
  return __builtin_shufflevector(x, y, int(2 * K)...);
}
template <class V, std::size_t... K>
[[gnu::always_inline]] inline V shuffle_odd(V x, V y, std::index_sequence<K...>) {
  return __builtin_shufflevector(x, y, int(2 * K + 1)...);
}
// interleave the first halves of re and im ...
template <class V, std::size_t... K>
[[gnu::always_inline]] inline V interleave_lo(V x, V y, std::index_sequence<K...>) {
  return __builtin_shufflevector(x, y, int((K % 2 == 0 ? 0 : sizeof...(K)) + K / 2)...);
}
// ... and the second halves
template <class V, std::size_t... K>
[[gnu::always_inline]] inline V interleave_hi(V x, V y, std::index_sequence<K...>) {
  return __builtin_shufflevector(x, y, int((K % 2 == 0 ? 0 : sizeof...(K)) + sizeof...(K) / 2 + K / 2)...);
}

// Each block is loaded whole before it is stored, so y may equal a or b.
template <class R>
[[gnu::always_inline]] inline int64_t cmul_blocks(const char* a, const char* b, char* y, int64_t n) noexcept {
  constexpr int W = 64 / sizeof(R);  // complex values per block
  typedef R V __attribute__((vector_size(64)));
  constexpr auto lanes = std::make_index_sequence<W>{};
  int64_t i = 0;
  for (; i + W <= n; i += W) {
    V a0, a1, b0, b1;
    std::memcpy(&a0, a + i * 2 * sizeof(R), 64);
    std::memcpy(&a1, a + i * 2 * sizeof(R) + 64, 64);
    std::memcpy(&b0, b + i * 2 * sizeof(R), 64);
    std::memcpy(&b1, b + i * 2 * sizeof(R) + 64, 64);
    const V ar = shuffle_even(a0, a1, lanes), ai = shuffle_odd(a0, a1, lanes);
    const V br = shuffle_even(b0, b1, lanes), bi = shuffle_odd(b0, b1, lanes);
    const V re = ar * br - ai * bi, im = ai * br + ar * bi;
    const V y0 = interleave_lo(re, im, lanes), y1 = interleave_hi(re, im, lanes);
    std::memcpy(y + i * 2 * sizeof(R), &y0, 64);
    std::memcpy(y + i * 2 * sizeof(R) + 64, &y1, 64);
  }
  return i;
}
// Compiled for AVX-512, AVX2 and the baseline, picked at load time (the same products and
// differences in every clone, no FMA: identical bits).
CNP_TARGET_CLONES int64_t cmul_blocks_f(const char* a, const char* b,
                                                                                  char* y, int64_t n) noexcept {
  return cmul_blocks<float>(a, b, y, n);
}
CNP_TARGET_CLONES int64_t cmul_blocks_d(const char* a, const char* b,
                                                                                  char* y, int64_t n) noexcept {
  return cmul_blocks<double>(a, b, y, n);
}

// The blocks over contiguous operands, when each input is the output itself or lies apart from it
// (a block reads 128 bytes of each input before it writes); returns how many values were done.
template <class T>
int64_t cmul_contiguous(const char* a, const char* b, char* y, int64_t n) noexcept {
  auto fits = [y](const char* p) { return p == y || (p > y ? p - y : y - p) >= 128; };
  if (!fits(a) || !fits(b)) return 0;
  return std::is_same_v<T, c64_t> ? cmul_blocks_f(a, b, y, n) : cmul_blocks_d(a, b, y, n);
}

// Complex multiply as NumPy 1.24 runs it on this CPU. With AVX-512F: its AVX-512F loop for
// contiguous operands that do not overlap the output (the plain formula), otherwise its scalar
// loop, fused for complex128 (its avx512f target is compiled with -mfma and GCC contracts
// a*b - c*d into fma(a, b, -(c*d)); the complex64 one kept the plain formula). Without AVX-512F
// NumPy runs the avx2 target (-mavx2, no -mfma), or sse2/baseline: the plain formula for every
// layout, which is what the reductions and accumulations of reduce.cpp get through this loop too.
// (Checked bit for bit against NumPy 1.24.2 on an AVX2+FMA CPU, contiguous, strided and in place.)
template <class T, bool Fma>
void cmul_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  constexpr int64_t sz = sizeof(T);
  auto apart = [](const char* p, const char* q) { return (p > q ? p - q : q - p) >= 64; };
  const bool contiguous = n == 1 || (s[0] == sz && s[1] == sz && s[2] == sz);
  const bool simd = contiguous && apart(args[2], args[0]) && apart(args[2], args[1]);
  if (std::is_same_v<T, c64_t> || simd || !numpy_avx512f()) {
    int fl = 0;
    const int64_t done = contiguous ? cmul_contiguous<T>(args[0], args[1], args[2], n) : 0;
    char* rest[3] = {args[0] + done * s[0], args[1] + done * s[1], args[2] + done * s[2]};
    run_binary<T, T, T>(rest, s, n - done, [&fl](T a, T b) { return MulOp{}(a, b, fl); });
  } else if (Fma) {
    cmul_fused_fma<T>(args, s, n);
  } else {
    cmul_fused<T>(args, s, n);
  }
}

// Complex absolute: no flags at all (NumPy clears them after this loop).
template <class T>
inline void cabs_run(char* const* args, const int64_t* s, int64_t n) {
  using R = typename T::value_type;
  QuietFp quiet;
  run_unary<T, R>(args, s, n, [](T z) { return complex_abs(z.real(), z.imag()); });
}
// Complex absolute without AVX-512F: NumPy 1.24's scalar loop (loops.c.src), npy_hypot, which
// is the C library's hypot (hypotf for complex64), with the flags it raises (hypotf overflows to
// inf with "overflow", subnormal results raise "underflow"); NumPy clears none of them there.
template <class T>
void cabs_libm_loop(char* const* args, const int64_t* s, int64_t n) {
  run_unary<T, typename T::value_type>(args, s, n, [](T z) { return std::hypot(z.real(), z.imag()); });
}
template <class T>
void cabs_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  if (!numpy_avx512f()) return cabs_libm_loop<T>(args, s, n);
  cabs_run<T>(args, s, n);
}

#if defined(CNP_HAVE_TARGET_ISA)
// The same computation on 128-bit vectors with the FMA instruction, for contiguous runs.
template <class R, class V>
CNP_FMA_TARGET inline V cabs_vec(V re, V im) {
  if constexpr (std::is_same_v<R, double>) {
    const V sign = _mm_set1_pd(-0.0), inf = _mm_set1_pd(std::numeric_limits<double>::infinity());
    const V nan = _mm_set1_pd(std::numeric_limits<double>::quiet_NaN()), one = _mm_set1_pd(1.0);
    const V ax = _mm_andnot_pd(sign, re), ay = _mm_andnot_pd(sign, im);
    V x = _mm_blendv_pd(ax, inf, _mm_cmp_pd(ay, inf, _CMP_EQ_OQ));
    V y = _mm_blendv_pd(ay, inf, _mm_cmp_pd(ax, inf, _CMP_EQ_OQ));
    const V re_nan = _mm_cmp_pd(x, x, _CMP_UNORD_Q), im_nan = _mm_cmp_pd(y, y, _CMP_UNORD_Q);
    x = _mm_blendv_pd(x, nan, im_nan);
    y = _mm_blendv_pd(y, nan, re_nan);
    const V larger = _mm_max_pd(x, y), smaller = _mm_min_pd(x, y);
    const V skip = _mm_or_pd(_mm_cmp_pd(larger, _mm_setzero_pd(), _CMP_EQ_OQ), _mm_cmp_pd(smaller, inf, _CMP_EQ_OQ));
    const V ratio = _mm_andnot_pd(skip, _mm_div_pd(smaller, larger));
    return _mm_mul_pd(_mm_sqrt_pd(_mm_fmadd_pd(ratio, ratio, one)), larger);
  } else {
    const V sign = _mm_set1_ps(-0.0f), inf = _mm_set1_ps(std::numeric_limits<float>::infinity());
    const V nan = _mm_set1_ps(std::numeric_limits<float>::quiet_NaN()), one = _mm_set1_ps(1.0f);
    const V ax = _mm_andnot_ps(sign, re), ay = _mm_andnot_ps(sign, im);
    V x = _mm_blendv_ps(ax, inf, _mm_cmp_ps(ay, inf, _CMP_EQ_OQ));
    V y = _mm_blendv_ps(ay, inf, _mm_cmp_ps(ax, inf, _CMP_EQ_OQ));
    const V re_nan = _mm_cmp_ps(x, x, _CMP_UNORD_Q), im_nan = _mm_cmp_ps(y, y, _CMP_UNORD_Q);
    x = _mm_blendv_ps(x, nan, im_nan);
    y = _mm_blendv_ps(y, nan, re_nan);
    const V larger = _mm_max_ps(x, y), smaller = _mm_min_ps(x, y);
    const V skip = _mm_or_ps(_mm_cmp_ps(larger, _mm_setzero_ps(), _CMP_EQ_OQ), _mm_cmp_ps(smaller, inf, _CMP_EQ_OQ));
    const V ratio = _mm_andnot_ps(skip, _mm_div_ps(smaller, larger));
    return _mm_mul_ps(_mm_sqrt_ps(_mm_fmadd_ps(ratio, ratio, one)), larger);
  }
}
template <class T>
CNP_FMA_TARGET void cabs_loop_fma(char* const* args, const int64_t* s, int64_t n, const void*) {
  if (!numpy_avx512f()) return cabs_libm_loop<T>(args, s, n);
  using R = typename T::value_type;
  int64_t i = 0;
  {
    QuietFp quiet;
    if (s[0] == sizeof(T) && s[1] == sizeof(R)) {
      const R* z = reinterpret_cast<const R*>(args[0]);
      R* o = reinterpret_cast<R*>(args[1]);
      if constexpr (std::is_same_v<R, double>) {
        for (; i + 2 <= n; i += 2) {
          const __m128d a = _mm_loadu_pd(z + 2 * i), b = _mm_loadu_pd(z + 2 * i + 2);
          _mm_storeu_pd(o + i, cabs_vec<double>(_mm_unpacklo_pd(a, b), _mm_unpackhi_pd(a, b)));
        }
      } else {
        for (; i + 4 <= n; i += 4) {
          const __m128 a = _mm_loadu_ps(z + 2 * i), b = _mm_loadu_ps(z + 2 * i + 4);
          _mm_storeu_ps(o + i, cabs_vec<float>(_mm_shuffle_ps(a, b, 0x88), _mm_shuffle_ps(a, b, 0xdd)));
        }
      }
    }
  }
  if (i < n) {
    char* rest[2] = {args[0] + i * s[0], args[1] + i * s[1]};
    cabs_run<T>(rest, s, n - i);
  }
}
#endif

struct DivOp {
  template <class T>
  T operator()(T a, T b, int& fl) const noexcept {
    if constexpr (is_half<T>) return hr(hf(a) / hf(b), fl);
    else if constexpr (is_complex_v<T>) return cdiv(a, b);
    else return a / b;
  }
};
struct FloorDivOp {
  template <class T>
  T operator()(T a, T b, int& fl) const noexcept {
    if constexpr (is_int_v<T>) {
      if (b == 0) {
        fl |= FE_DIVBYZERO;
        return 0;
      }
      if constexpr (std::is_signed_v<T>) {
        if (b == -1 && a == std::numeric_limits<T>::min()) {
          fl |= FE_OVERFLOW;
          return a;
        }
      }
      return int_floordiv(a, b);
    } else if constexpr (is_half<T>) {
      return hr(float_floordiv(hf(a), hf(b)), fl);
    } else {
      return float_floordiv(a, b);
    }
  }
};
struct RemainderOp {
  template <class T>
  T operator()(T a, T b, int& fl) const noexcept {
    if constexpr (is_int_v<T>) {
      if (b == 0) {
        fl |= FE_DIVBYZERO;
        return 0;
      }
      if constexpr (std::is_signed_v<T>) {
        if (b == -1) return 0;
      }
      return int_mod(a, b);
    } else if constexpr (is_half<T>) {
      return hr(float_remainder(hf(a), hf(b)), fl);
    } else {
      return float_remainder(a, b);
    }
  }
};
struct FmodOp {
  template <class T>
  T operator()(T a, T b, int& fl) const noexcept {
    if constexpr (is_int_v<T>) {
      if (b == 0) {
        fl |= FE_DIVBYZERO;
        return 0;
      }
      if constexpr (std::is_signed_v<T>) {
        if (b == -1) return 0;
      }
      return static_cast<T>(a % b);
    } else if constexpr (is_half<T>) {
      return hr(std::fmod(hf(a), hf(b)), fl);
    } else {
      return std::fmod(a, b);
    }
  }
};
struct PowerOp {
  template <class T>
  T operator()(T a, T b, int& fl) const {
    if constexpr (is_int_v<T>) return int_power(a, b);
    else if constexpr (is_half<T>) return hr(std::pow(hf(a), hf(b)), fl);
    else if constexpr (is_complex_v<T>) {
      // 0 ** b is NaN unless b is real and positive (or zero): NumPy flags it as invalid.
      using R = typename T::value_type;
      const R br = b.real(), bi = b.imag();
      if (!(br == 0 && bi == 0)) {
        if (a.real() == 0 && a.imag() == 0) {
          if (!(__builtin_isgreater(br, R(0)) && bi == 0)) fl |= FE_INVALID;
        } else if (bi == 0 && !(br >= R(-0x1p63) && br < R(0x1p63))) {
          fl |= FE_INVALID;  // NumPy converts the real exponent to an integer to test it
        }
      }
      return Arith<T>::pow(a, b);
    } else {
      return real_pow(a, b, fl);
    }
  }
};

// float_power runs NumPy's plain scalar loop: the C library's pow as it is.
struct FloatPowerOp {
  template <class T>
  T operator()(T a, T b, int& fl) const {
    if constexpr (is_complex_v<T>) return PowerOp{}(a, b, fl);
    else return std::pow(a, b);
  }
};

template <class T>
void divmod_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  int fl = 0;
  for (int64_t i = 0; i < n; ++i) {
    const T a = ld<T>(args[0] + i * s[0]), b = ld<T>(args[1] + i * s[1]);
    T q, r;
    if constexpr (is_int_v<T>) {
      if (b == 0) {
        fl |= FE_DIVBYZERO;
        q = r = 0;
      } else if (std::is_signed_v<T> && b == static_cast<T>(-1) && a == std::numeric_limits<T>::min()) {
        fl |= FE_OVERFLOW;
        q = a;
        r = 0;
      } else {
        q = int_floordiv(a, b);
        r = int_mod(a, b);
      }
    } else if constexpr (is_half<T>) {
      float m;
      const float d = float_divmod(hf(a), hf(b), m);
      q = hr(d, fl);
      r = hr(m, fl);
    } else {
      q = float_divmod(a, b, r);
    }
    st<T>(args[2] + i * s[2], q);
    st<T>(args[3] + i * s[3], r);
  }
  raise_flags(fl);
}

struct NegOp {
  template <class T>
  T operator()(T a, int&) const noexcept {
    if constexpr (is_int_v<T>) return wneg(a);
    else if constexpr (is_half<T>) return half_t{static_cast<uint16_t>(a.bits ^ 0x8000u)};
    else if constexpr (is_complex_v<T>) return T(-a.real(), -a.imag());
    else return -a;
  }
};
struct PosOp {
  template <class T>
  T operator()(T a, int&) const noexcept { return a; }
};
struct AbsOp {
  template <class T>
  auto operator()(T a, int&) const noexcept {
    if constexpr (is_bool<T>) return mkbool(a.v != 0);
    else if constexpr (std::is_signed_v<T> && is_int_v<T>) return a < 0 ? wneg(a) : a;
    else if constexpr (is_int_v<T>) return a;
    else if constexpr (is_half<T>) return half_t{static_cast<uint16_t>(a.bits & 0x7fffu)};
    else if constexpr (is_complex_v<T>) return complex_abs(a.real(), a.imag());
    else return std::fabs(a);
  }
};
struct SignOp {
  template <class T>
  T operator()(T a, int& fl) const noexcept {
    if constexpr (std::is_signed_v<T> && is_int_v<T>) {
      return static_cast<T>((a > 0) - (a < 0));
    } else if constexpr (is_int_v<T>) {
      return static_cast<T>(a > 0);
    } else if constexpr (is_half<T>) {
      const float x = hf(a);
      if (std::isnan(x)) return a;
      return half_t{static_cast<uint16_t>(x > 0 ? 0x3c00u : x < 0 ? 0xbc00u : 0u)};
    } else if constexpr (is_complex_v<T>) {
      // NumPy's order against 0, with its flags: the real part is compared first (signalling),
      // then the imaginary part when the real part is 0.
      using R = typename T::value_type;
      const R r = a.real(), i = a.imag();
      if ((s_gt(r, R(0), fl) && !std::isnan(i)) || (r == 0 && s_gt(i, R(0), fl))) return T(1, 0);
      if ((s_lt(r, R(0), fl) && !std::isnan(i)) || (r == 0 && s_lt(i, R(0), fl))) return T(-1, 0);
      if (r == 0 && i == 0) return T(0, 0);
      return T(std::numeric_limits<R>::quiet_NaN(), 0);
    } else {
      return std::isnan(a) ? a : a > 0 ? T(1) : a < 0 ? T(-1) : T(0);
    }
  }
};
struct ReciprocalOp {
  template <class T>
  T operator()(T a, int& fl) const noexcept {
    if constexpr (is_int_v<T>) {
      // NumPy computes 1.0 / x and converts: 1/0 is inf, which converts like a cast (and raises
      // "invalid" besides "divide by zero"); otherwise only +-1 survive the truncation.
      if (a == 0) {
        fl |= FE_DIVBYZERO | FE_INVALID;
        return float_to_int<T>(std::numeric_limits<double>::infinity());
      }
      if (a == 1) return 1;
      if constexpr (std::is_signed_v<T>) {
        if (a == -1) return -1;
      }
      return 0;
    } else if constexpr (is_half<T>) {
      return hr(1.0f / hf(a), fl);
    } else if constexpr (is_complex_v<T>) {
      using R = typename T::value_type;
      const R r = a.real(), i = a.imag();
      if (s_le(std::fabs(i), std::fabs(r), fl)) {
        const R q = i / r;
        const R d = r + i * q;
        return T(R(1) / d, -q / d);
      }
      const R q = r / i;
      const R d = r * q + i;
      return T(q / d, R(-1) / d);
    } else {
      return T(1) / a;
    }
  }
};
struct SquareOp {
  template <class T>
  T operator()(T a, int& fl) const noexcept {
    if constexpr (is_int_v<T>) return wmul(a, a);
    else if constexpr (is_half<T>) return hr(hf(a) * hf(a), fl);
    else if constexpr (is_complex_v<T>) return cmul(a, a);
    else return a * a;
  }
};

// Complex square: cmul(a, a), the plain formula NumPy's square loops use; contiguous runs
// through the vector blocks above.
template <class T>
void csquare_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  constexpr int64_t sz = sizeof(T);
  const int64_t done = s[0] == sz && s[1] == sz ? cmul_contiguous<T>(args[0], args[0], args[1], n) : 0;
  int fl = 0;
  char* rest[2] = {args[0] + done * s[0], args[1] + done * s[1]};
  run_unary<T, T>(rest, s, n - done, [&fl](T a) { return SquareOp{}(a, fl); });
}

struct ConjOp {
  template <class T>
  T operator()(T a, int&) const noexcept {
    if constexpr (is_complex_v<T>) return T(a.real(), -a.imag());
    else return a;
  }
};

// ---- maximum, minimum, fmax, fmin, clip ----
// Floats: maximum/minimum return a NaN first operand, else the first only when strictly
// greater/less (so maximum(-0.0, 0.0) is 0.0); fmax/fmin return the first when the second is NaN.
// float16 compares with >= / <= (its ties keep the first operand). Complex uses NumPy's
// lexicographic order. All quiet, like NumPy's loops (run inside QuietFp).

template <bool Max, bool IgnoreNan>
struct MinMaxOp {
  template <class T>
  T operator()(T a, T b, int&) const noexcept {
    if constexpr (is_bool<T>) {
      return mkbool(Max ? (a.v != 0 || b.v != 0) : (a.v != 0 && b.v != 0));
    } else if constexpr (is_int_v<T>) {
      return Max ? (a > b ? a : b) : (a < b ? a : b);
    } else if constexpr (is_half<T>) {
      const float x = hf(a), y = hf(b);
      const bool keep = std::isnan(IgnoreNan ? y : x) || (Max ? x >= y : x <= y);
      return keep ? a : b;
    } else if constexpr (is_complex_v<T>) {
      int quiet = 0;  // NumPy raises nothing here either
      const bool keep = c_isnan(IgnoreNan ? b : a) || (Max ? c_ge(a, b, quiet) : c_le(a, b, quiet));
      return keep ? a : b;
    } else {
      // Branch-free (both comparisons evaluated; QuietFp drops their flags) so it vectorises.
      const T c = IgnoreNan ? b : a;
      const bool keep = (c != c) | (Max ? a > b : a < b);
      return keep ? a : b;
    }
  }
};

// float32/float64: SSE2 for contiguous and broadcast runs (GCC does not vectorise the double
// select on SSE2), the functor for the rest.
#if defined(__SSE2__)
template <bool Max, bool IgnoreNan>
struct MinMaxVec {
  static __m128d run(__m128d a, __m128d b) noexcept {
    const __m128d c = IgnoreNan ? b : a;
    const __m128d keep = _mm_or_pd(_mm_cmpunord_pd(c, c), Max ? _mm_cmpgt_pd(a, b) : _mm_cmplt_pd(a, b));
    return _mm_or_pd(_mm_and_pd(keep, a), _mm_andnot_pd(keep, b));
  }
  static __m128 run(__m128 a, __m128 b) noexcept {
    const __m128 c = IgnoreNan ? b : a;
    const __m128 keep = _mm_or_ps(_mm_cmpunord_ps(c, c), Max ? _mm_cmpgt_ps(a, b) : _mm_cmplt_ps(a, b));
    return _mm_or_ps(_mm_and_ps(keep, a), _mm_andnot_ps(keep, b));
  }
  static __m128d load(const double* p) noexcept { return _mm_loadu_pd(p); }
  static __m128 load(const float* p) noexcept { return _mm_loadu_ps(p); }
  static __m128d splat(double x) noexcept { return _mm_set1_pd(x); }
  static __m128 splat(float x) noexcept { return _mm_set1_ps(x); }
  static void store(double* p, __m128d v) noexcept { _mm_storeu_pd(p, v); }
  static void store(float* p, __m128 v) noexcept { _mm_storeu_ps(p, v); }
};
#endif

template <bool Max, bool IgnoreNan, class T>
void minmax_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  QuietFp quiet;
  const MinMaxOp<Max, IgnoreNan> op{};
  int unused = 0;
  int64_t i = 0;
#if defined(__SSE2__)
  using V = MinMaxVec<Max, IgnoreNan>;
  constexpr int64_t sz = sizeof(T), lanes = 16 / sz;
  const bool ca = s[0] == sz, cb = s[1] == sz;
  if (s[2] == sz && (ca || s[0] == 0) && (cb || s[1] == 0) && n >= lanes) {
    const auto* a = reinterpret_cast<const T*>(args[0]);
    const auto* b = reinterpret_cast<const T*>(args[1]);
    auto* y = reinterpret_cast<T*>(args[2]);
    const auto sa = V::splat(ld<T>(args[0])), sb = V::splat(ld<T>(args[1]));
    for (; i + lanes <= n; i += lanes)
      V::store(y + i, V::run(ca ? V::load(a + i) : sa, cb ? V::load(b + i) : sb));
  }
#endif
  const int64_t s0 = s[0], s1 = s[1], s2 = s[2];
  for (; i < n; ++i) st<T>(args[2] + i * s2, op(ld<T>(args[0] + i * s0), ld<T>(args[1] + i * s1), unused));
}

// clip(x, lo, hi) = min(max(x, lo), hi) with NumPy's clip comparisons: a NaN x (or a NaN
// intermediate) wins, otherwise a NaN bound is taken. No flags (NumPy clears them after clip).
struct ClipOp {
  template <class T>
  static T cmax(T a, T b) noexcept {
    if constexpr (is_bool<T>) return (a.v != 0) >= (b.v != 0) ? a : b;
    else if constexpr (is_int_v<T>) return a > b ? a : b;
    else if constexpr (is_half<T>) return (std::isnan(hf(a)) || hf(a) >= hf(b)) ? a : b;
    else if constexpr (is_complex_v<T>) {
      const bool gt = a.real() == b.real() ? a.imag() > b.imag() : a.real() > b.real();
      return (c_isnan(a) || gt) ? a : b;
    } else {
      return std::isnan(a) ? a : (a > b ? a : b);
    }
  }
  template <class T>
  static T cmin(T a, T b) noexcept {
    if constexpr (is_bool<T>) return (a.v != 0) <= (b.v != 0) ? a : b;
    else if constexpr (is_int_v<T>) return a < b ? a : b;
    else if constexpr (is_half<T>) return (std::isnan(hf(a)) || hf(a) <= hf(b)) ? a : b;
    else if constexpr (is_complex_v<T>) {
      const bool lt = a.real() == b.real() ? a.imag() < b.imag() : a.real() < b.real();
      return (c_isnan(a) || lt) ? a : b;
    } else {
      return std::isnan(a) ? a : (a < b ? a : b);
    }
  }
  template <class T>
  T operator()(T x, T lo, T hi, int&) const noexcept {
    T r = cmin(cmax(x, lo), hi);
    if constexpr (is_bool<T>) r = mkbool(r.v != 0);
    return r;
  }
};

// ---- table builders ----

#define CNP_INTS int8_t, uint8_t, int16_t, uint16_t, int32_t, uint32_t, int64_t, uint64_t
#define CNP_REALS half_t, float, double
#define CNP_CPLX c64_t, c128_t

template <class Op, class... Ts>
void bin(std::vector<Loop>& v) {
  (v.push_back(Loop{{type_num<Ts>, type_num<Ts>, type_num<Ts>, -1}, &f_binary<Ts, Ts, Ts, Op>, nullptr}), ...);
}
template <class Op, class... Ts>
void qbin(std::vector<Loop>& v) {
  (v.push_back(Loop{{type_num<Ts>, type_num<Ts>, type_num<Ts>, -1}, &qf_binary<Ts, Ts, Ts, Op>, nullptr}), ...);
}
template <class Op, class... Ts>
void un(std::vector<Loop>& v) {
  (v.push_back(Loop{{type_num<Ts>, type_num<Ts>, -1, -1}, &f_unary<Ts, Ts, Op>, nullptr}), ...);
}
template <class Op, class... Ts>
void qun(std::vector<Loop>& v) {
  (v.push_back(Loop{{type_num<Ts>, type_num<Ts>, -1, -1}, &qf_unary<Ts, Ts, Op>, nullptr}), ...);
}
template <class... Ts>
void divmods(std::vector<Loop>& v) {
  (v.push_back(Loop{{type_num<Ts>, type_num<Ts>, type_num<Ts>, type_num<Ts>}, &divmod_loop<Ts>, nullptr}), ...);
}
template <class... Ts>
void clips(std::vector<Loop>& v) {
  (v.push_back(Loop{{type_num<Ts>, type_num<Ts>, type_num<Ts>, type_num<Ts>}, &qf_ternary<Ts, ClipOp>, nullptr}), ...);
}

template <bool Max, bool IgnoreNan>
void minmaxes(std::vector<Loop>& v) {
  using Op = MinMaxOp<Max, IgnoreNan>;
  qbin<Op, bool_t, CNP_INTS, half_t>(v);
  v.push_back(Loop{{CNP_FLOAT32, CNP_FLOAT32, CNP_FLOAT32, -1}, &minmax_loop<Max, IgnoreNan, float>, nullptr});
  v.push_back(Loop{{CNP_FLOAT64, CNP_FLOAT64, CNP_FLOAT64, -1}, &minmax_loop<Max, IgnoreNan, double>, nullptr});
  qbin<Op, CNP_CPLX>(v);
}

}  // namespace

void init_arith(Table& t) {
  const bool fma = cpu_has_fma();
  auto uf = [&t](Id id, int16_t cost) -> std::vector<Loop>& {
    Ufunc& u = t[static_cast<int>(id)];
    u.cost = cost;
    u.loops.clear();
    return u.loops;
  };

  bin<AddOp, bool_t, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::add, 1));
  bin<SubOp, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::subtract, 1));
  {
    auto& v = uf(Id::multiply, 1);
    bin<MulOp, bool_t, CNP_INTS, CNP_REALS>(v);
    v.push_back(Loop{{CNP_COMPLEX64, CNP_COMPLEX64, CNP_COMPLEX64, -1}, &cmul_loop<c64_t, false>, nullptr});
    v.push_back(Loop{{CNP_COMPLEX128, CNP_COMPLEX128, CNP_COMPLEX128, -1},
                     fma ? &cmul_loop<c128_t, true> : &cmul_loop<c128_t, false>, nullptr});
  }
  bin<DivOp, CNP_REALS, CNP_CPLX>(uf(Id::divide, 2));
  bin<FloorDivOp, CNP_INTS, CNP_REALS>(uf(Id::floor_divide, 4));
  bin<RemainderOp, CNP_INTS, CNP_REALS>(uf(Id::remainder, 4));
  bin<FmodOp, CNP_INTS, CNP_REALS>(uf(Id::fmod, 4));
  divmods<CNP_INTS, CNP_REALS>(uf(Id::divmod, 4));
  bin<PowerOp, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::power, 8));
  bin<FloatPowerOp, double, c128_t>(uf(Id::float_power, 8));

  un<NegOp, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::negative, 1));
  un<PosOp, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::positive, 1));
  {
    auto& v = uf(Id::absolute, 1);
    un<AbsOp, bool_t, CNP_INTS, CNP_REALS>(v);
    LoopFn abs64 = &cabs_loop<c64_t>, abs128 = &cabs_loop<c128_t>;
#if defined(CNP_HAVE_TARGET_ISA)
    if (fma) {
      abs64 = &cabs_loop_fma<c64_t>;
      abs128 = &cabs_loop_fma<c128_t>;
    }
#endif
    v.push_back(Loop{{CNP_COMPLEX64, CNP_FLOAT32, -1, -1}, abs64, nullptr});
    v.push_back(Loop{{CNP_COMPLEX128, CNP_FLOAT64, -1, -1}, abs128, nullptr});
  }
  un<AbsOp, CNP_REALS>(uf(Id::fabs, 1));
  // sign compares NaN quietly like NumPy's (complex raises its comparisons' own flags).
  qun<SignOp, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::sign, 1));
  un<ReciprocalOp, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::reciprocal, 2));
  {
    auto& v = uf(Id::square, 1);
    un<SquareOp, CNP_INTS, CNP_REALS>(v);
    v.push_back(Loop{{CNP_COMPLEX64, CNP_COMPLEX64, -1, -1}, &csquare_loop<c64_t>, nullptr});
    v.push_back(Loop{{CNP_COMPLEX128, CNP_COMPLEX128, -1, -1}, &csquare_loop<c128_t>, nullptr});
  }
  un<ConjOp, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::conjugate, 1));

  clips<bool_t, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::clip, 1));
  minmaxes<true, false>(uf(Id::maximum, 1));
  minmaxes<false, false>(uf(Id::minimum, 1));
  minmaxes<true, true>(uf(Id::fmax, 1));
  minmaxes<false, true>(uf(Id::fmin, 1));
}

}  // namespace cnp::ufunc
