// Typed 1-D loops of the floating-point math ufuncs, in NumPy 1.24's loop order (see
// tests/data/ufunc_types_numpy124.txt). Real functions call the C library (the functions NumPy's
// scalar loops call, so the FPU flags match); the float32/float64 loops of unary functions are
// the vectorised SLEEF loops (simd.hpp) where those exist. float16 computes in float like NumPy:
// blocks are converted (with F16C when the CPU has it), run through the float32 loop and rounded
// back with NumPy's conversion flags. Complex functions are in complex_math.hpp.
#include <algorithm>
#include <atomic>
#include <cfenv>
#include <cmath>
#include <limits>

#include "ufunc/complex_math.hpp"
#include "ufunc/kernels_math.hpp"
#include "core/target.hpp"
#include "ufunc/loops.hpp"
#include "ufunc/scalar_math.hpp"
#include "ufunc/simd.hpp"

#if defined(CNP_HAVE_TARGET_ISA)
#include <immintrin.h>
#define CNP_HAVE_F16C_PATH 1
#endif

namespace cnp::ufunc {

namespace {

// ---- operation functors: float and double (and complex where NumPy has complex loops) ----

#define CNP_REAL_OP(Name, expr)                                               \
  struct Name {                                                               \
    float operator()(float x) const noexcept { return expr; }                 \
    double operator()(double x) const noexcept { return expr; }               \
  };
#define CNP_REAL_COMPLEX_OP(Name, expr, cexpr)                                \
  struct Name {                                                               \
    float operator()(float x) const noexcept { return expr; }                 \
    double operator()(double x) const noexcept { return expr; }               \
    c64_t operator()(c64_t x) const noexcept { return cexpr; }                \
    c128_t operator()(c128_t x) const noexcept { return cexpr; }              \
  };

CNP_REAL_COMPLEX_OP(SqrtOp, std::sqrt(x), cmath::sqrt(x))
CNP_REAL_OP(CbrtOp, std::cbrt(x))
CNP_REAL_COMPLEX_OP(ExpOp, std::exp(x), cmath::exp(x))
CNP_REAL_COMPLEX_OP(Exp2Op, std::exp2(x), cmath::exp2(x))
CNP_REAL_COMPLEX_OP(Expm1Op, std::expm1(x), cmath::expm1(x))
CNP_REAL_COMPLEX_OP(LogOp, std::log(x), cmath::log(x))
CNP_REAL_COMPLEX_OP(Log2Op, std::log2(x), cmath::log2(x))
CNP_REAL_COMPLEX_OP(Log10Op, math::domain_nan(x, std::log10(x)), cmath::log10(x))
CNP_REAL_COMPLEX_OP(Log1pOp, std::log1p(x), cmath::log1p(x))
CNP_REAL_COMPLEX_OP(SinOp, std::sin(x), cmath::sin(x))
CNP_REAL_COMPLEX_OP(CosOp, std::cos(x), cmath::cos(x))
CNP_REAL_COMPLEX_OP(TanOp, std::tan(x), cmath::tan(x))
CNP_REAL_COMPLEX_OP(ArcsinOp, math::domain_nan(x, std::asin(x)), cmath::asin(x))
CNP_REAL_COMPLEX_OP(ArccosOp, math::domain_nan(x, std::acos(x)), cmath::acos(x))
CNP_REAL_COMPLEX_OP(ArctanOp, std::atan(x), cmath::atan(x))
CNP_REAL_COMPLEX_OP(SinhOp, std::sinh(x), cmath::sinh(x))
CNP_REAL_COMPLEX_OP(CoshOp, std::cosh(x), cmath::cosh(x))
CNP_REAL_COMPLEX_OP(TanhOp, std::tanh(x), cmath::tanh(x))
CNP_REAL_COMPLEX_OP(ArcsinhOp, std::asinh(x), cmath::asinh(x))
CNP_REAL_COMPLEX_OP(ArccoshOp, std::acosh(x), cmath::acosh(x))
CNP_REAL_COMPLEX_OP(ArctanhOp, std::atanh(x), cmath::atanh(x))
CNP_REAL_OP(Deg2radOp, x * math::kDegToRad<decltype(x)>)
CNP_REAL_OP(Rad2degOp, x * math::kRadToDeg<decltype(x)>)
CNP_REAL_OP(FloorOp, std::floor(x))
CNP_REAL_OP(CeilOp, std::ceil(x))
CNP_REAL_OP(TruncOp, std::trunc(x))
CNP_REAL_COMPLEX_OP(RintOp, std::rint(x), cmath::rint(x))
#undef CNP_REAL_OP
#undef CNP_REAL_COMPLEX_OP

// Ops whose domain errors give NumPy's negative NaN (math::domain_nan): the float16 loops
// restore that sign after a float32 loop that may not give it.
template <class Op> inline constexpr bool kDomainNaN = false;
template <> inline constexpr bool kDomainNaN<Log10Op> = true;
template <> inline constexpr bool kDomainNaN<ArcsinOp> = true;
template <> inline constexpr bool kDomainNaN<ArccosOp> = true;

#define CNP_REAL_BINARY_OP(Name, expr)                                        \
  struct Name {                                                               \
    float operator()(float x, float y) const noexcept { return expr; }        \
    double operator()(double x, double y) const noexcept { return expr; }     \
  };
CNP_REAL_BINARY_OP(LogaddexpOp, math::logaddexp(x, y))
CNP_REAL_BINARY_OP(Logaddexp2Op, math::logaddexp2(x, y))
CNP_REAL_BINARY_OP(Arctan2Op, std::atan2(x, y))
CNP_REAL_BINARY_OP(HypotOp, std::hypot(x, y))
CNP_REAL_BINARY_OP(CopysignOp, std::copysign(x, y))
CNP_REAL_BINARY_OP(NextafterOp, std::nextafter(x, y))
#undef CNP_REAL_BINARY_OP

// heaviside(x, h0): 0 for x < 0, h0 at x == 0 (either zero), 1 for x > 0, and for a NaN x the
// canonical quiet NaN (positive, whatever x's payload), as NumPy's npy_heaviside returns. The NaN
// test reads the bits: a compare would raise "invalid" on a signalling NaN, which NumPy does not.
struct HeavisideOp {
  template <class T>
  T operator()(T x, T h0) const noexcept {
    const auto bits = math::bits_of(x);
    const auto mag = bits & ~(decltype(bits){1} << (sizeof(T) * 8 - 1));  // without the sign
    if (mag > math::bits_of(std::numeric_limits<T>::infinity())) return std::numeric_limits<T>::quiet_NaN();
    if (mag == 0) return h0;
    return bits == mag ? T(1) : T(0);
  }
};
// float16 on the bits: the same answers as NumPy's float round trip (h0 comes back unchanged,
// signalling NaNs included, without the conversion's flags).
struct HalfHeavisideOp {
  half_t operator()(half_t x, half_t h0) const noexcept {
    const uint16_t mag = x.bits & 0x7fffu;
    if (mag > 0x7c00u) return half_t{0x7e00u};
    if (mag == 0) return h0;
    return half_t{static_cast<uint16_t>(x.bits == mag ? 0x3c00u : 0u)};
  }
};

struct SpacingOp {
  float operator()(float x) const noexcept { return math::spacing(x); }
  double operator()(double x) const noexcept { return math::spacing(x); }
  half_t operator()(half_t x) const noexcept { return math::half_spacing(x); }
};
struct HalfNextafterOp {
  half_t operator()(half_t x, half_t y) const noexcept { return math::half_nextafter(x, y); }
};
struct HalfCopysignOp {  // bitwise, like NumPy: NaN payloads are kept
  half_t operator()(half_t x, half_t y) const noexcept {
    return half_t{static_cast<uint16_t>((x.bits & 0x7fffu) | (y.bits & 0x8000u))};
  }
};
// Reads the sign bit directly (GCC 12 fails to compile a vectorised std::signbit on float).
struct SignbitOp {
  bool_t operator()(half_t x) const noexcept { return bool_t{static_cast<uint8_t>(x.bits >> 15)}; }
  bool_t operator()(float x) const noexcept { return bool_t{static_cast<uint8_t>(math::bits_of(x) >> 31)}; }
  bool_t operator()(double x) const noexcept { return bool_t{static_cast<uint8_t>(math::bits_of(x) >> 63)}; }
};

// ---- float16: blocks converted to float, computed in float, rounded back ----

constexpr int64_t kHalfBlock = 256;

std::atomic<bool> g_half_hardware{true};  // set_half_hardware_conversion (tests)

#ifdef CNP_HAVE_F16C_PATH
bool use_f16c() noexcept {
  static const bool cpu = [] {
    return CNP_CPU_HAS("avx") && CNP_CPU_HAS("f16c");
  }();
  return cpu && g_half_hardware.load(std::memory_order_relaxed);
}

// The F16C conversion instructions round to nearest even like float_to_half and keep quiet NaN
// payloads the same way. Their own flags are a subset of NumPy's (overflow alike, underflow only
// when inexact), so NumPy's are computed here from the values. They quiet signalling NaNs, which
// NumPy's conversion keeps (so that the function raises "invalid" on them): those rare lanes are
// converted again in software.
inline bool is_signalling_half(uint16_t h) noexcept { return (h & 0x7e00u) == 0x7c00u && (h & 0x03ffu) != 0; }

CNP_TARGET_ISA("avx,f16c") void load_halves_f16c(const char* src, int64_t s, float* dst, int64_t m) {
  int64_t i = 0;
  if (s == 2) {
    const __m128i exp_quiet = _mm_set1_epi16(0x7e00), snan_exp = _mm_set1_epi16(0x7c00);
    const __m128i man = _mm_set1_epi16(0x03ff), zero = _mm_setzero_si128();
    for (; i + 8 <= m; i += 8) {
      const __m128i h = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + 2 * i));
      _mm256_storeu_ps(dst + i, _mm256_cvtph_ps(h));
      const __m128i snan = _mm_andnot_si128(_mm_cmpeq_epi16(_mm_and_si128(h, man), zero),
                                            _mm_cmpeq_epi16(_mm_and_si128(h, exp_quiet), snan_exp));
      if (_mm_movemask_epi8(snan))
        for (int64_t k = i; k < i + 8; ++k) dst[k] = half_to_float(ld<uint16_t>(src + 2 * k));
    }
  }
  for (; i < m; ++i) {
    const uint16_t h = ld<uint16_t>(src + i * s);
    dst[i] = is_signalling_half(h) ? half_to_float(h) : _cvtsh_ss(h);
  }
}
CNP_TARGET_ISA("avx,f16c") void store_halves_f16c(const float* src, char* dst, int64_t s, int64_t m) {
  int flags = 0;
  int64_t i = 0;
  if (s == 2) {
    const __m256 abs_mask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7fffffff));
    const __m256 inf = _mm256_set1_ps(std::numeric_limits<float>::infinity());
    const __m256 tiny = _mm256_set1_ps(0x1p-14f), zero = _mm256_setzero_ps();
    int ov = 0, un = 0;
    for (; i + 8 <= m; i += 8) {
      const __m256 v = _mm256_loadu_ps(src + i);
      const __m128i h = _mm256_cvtps_ph(v, _MM_FROUND_TO_NEAREST_INT);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + 2 * i), h);
      const __m256 back = _mm256_cvtph_ps(h);
      const __m256 av = _mm256_and_ps(v, abs_mask), ab = _mm256_and_ps(back, abs_mask);
      // Quiet (_OQ) predicates: NaN raises nothing and matches nothing.
      ov |= _mm256_movemask_ps(_mm256_and_ps(_mm256_cmp_ps(av, inf, _CMP_LT_OQ), _mm256_cmp_ps(ab, inf, _CMP_EQ_OQ)));
      const __m256 is_tiny = _mm256_and_ps(_mm256_cmp_ps(av, tiny, _CMP_LT_OQ), _mm256_cmp_ps(av, zero, _CMP_GT_OQ));
      un |= _mm256_movemask_ps(_mm256_and_ps(is_tiny, _mm256_cmp_ps(back, v, _CMP_NEQ_OQ)));
    }
    if (ov) flags |= FE_OVERFLOW | FE_INEXACT;
    if (un) flags |= FE_UNDERFLOW | FE_INEXACT;
  }
  for (; i < m; ++i) {
    const uint16_t h = _cvtss_sh(src[i], _MM_FROUND_TO_NEAREST_INT);
    st(dst + i * s, h);
    flags |= math::half_store_flags(src[i], h);
  }
  if (flags) std::feraiseexcept(flags);
}
#endif

void load_halves(const char* src, int64_t s, float* dst, int64_t m) {
#ifdef CNP_HAVE_F16C_PATH
  if (use_f16c()) return load_halves_f16c(src, s, dst, m);
#endif
  for (int64_t i = 0; i < m; ++i) dst[i] = half_to_float(ld<uint16_t>(src + i * s));
}
void store_halves(const float* src, char* dst, int64_t s, int64_t m) {
#ifdef CNP_HAVE_F16C_PATH
  if (use_f16c()) return store_halves_f16c(src, dst, s, m);
#endif
  int flags = 0;
  for (int64_t i = 0; i < m; ++i) {
    const uint16_t h = float_to_half(src[i]);
    st(dst + i * s, h);
    flags |= math::half_store_flags(src[i], h);
  }
  if (flags) std::feraiseexcept(flags);
}

// One float16 element through the float function (the fallback for an output of stride 0).
template <class Op>
struct ViaFloat {
  half_t operator()(half_t x) const noexcept { return math::half_result(Op{}(math::half_value(x))); }
  half_t operator()(half_t x, half_t y) const noexcept {
    return math::half_result(Op{}(math::half_value(x), math::half_value(y)));
  }
};

// e->e: blocks of float16 converted to float, the float32 loop of the same ufunc (passed as the
// loop's data: vectorised when the float32 loop is) run on them, and the results rounded back.
template <class Op>
void half_unary_loop(char* const* args, const int64_t* s, int64_t n, const void* data) {
  if (s[1] == 0) return unary_loop<half_t, half_t, ViaFloat<Op>>(args, s, n, nullptr);
  const LoopFn f32 = reinterpret_cast<LoopFn>(const_cast<void*>(data));
  alignas(64) float in[kHalfBlock], out[kHalfBlock];
  char* fargs[2] = {reinterpret_cast<char*>(in), reinterpret_cast<char*>(out)};
  const int64_t fstrides[2] = {sizeof(float), sizeof(float)};
  for (int64_t i = 0; i < n; i += kHalfBlock) {
    const int64_t m = std::min(kHalfBlock, n - i);
    load_halves(args[0] + i * s[0], s[0], in, m);
    f32(fargs, fstrides, m, nullptr);
    if constexpr (kDomainNaN<Op>)
      for (int64_t j = 0; j < m; ++j) out[j] = math::domain_nan(in[j], out[j]);
    store_halves(out, args[1] + i * s[1], s[1], m);
  }
}

// ee->e through float the same way. An output of stride 0 (a reduction writing one element)
// runs element by element, in order.
template <class Op>
void half_binary_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  if (s[2] == 0) return binary_loop<half_t, half_t, half_t, ViaFloat<Op>>(args, s, n, nullptr);
  alignas(64) float a[kHalfBlock], b[kHalfBlock], out[kHalfBlock];
  const Op op{};
  for (int64_t i = 0; i < n; i += kHalfBlock) {
    const int64_t m = std::min(kHalfBlock, n - i);
    load_halves(args[0] + i * s[0], s[0], a, m);
    load_halves(args[1] + i * s[1], s[1], b, m);
    for (int64_t j = 0; j < m; ++j) out[j] = op(a[j], b[j]);
    store_halves(out, args[2] + i * s[2], s[2], m);
  }
}

// ---- table builders ----

// Where the float32/float64 loops of a unary function come from: its id, and whether the
// vectorised loops may replace the C library ones.
struct Source {
  Id id;
  bool simd;
};

template <class T, class Op>
Loop real_unary(Source src) {
  Loop l = unary<T, T, Op>();
  if (src.simd)
    if (LoopFn v = simd_loop(src.id, type_num<T>)) l.fn = v;
  return l;
}

// e->e f->f d->d, with the vectorised float/double loops when there are any; the float16 loop
// computes with the float32 one.
template <class Op>
void add_real(Ufunc& u, Source src) {
  const Loop f32 = real_unary<float, Op>(src);
  u.loops.push_back(Loop{{CNP_FLOAT16, CNP_FLOAT16, -1, -1}, &half_unary_loop<Op>,
                         reinterpret_cast<const void*>(f32.fn)});
  u.loops.push_back(f32);
  u.loops.push_back(real_unary<double, Op>(src));
}
// ... then F->F D->D.
template <class Op>
void add_real_complex(Ufunc& u, Source src) {
  add_real<Op>(u, src);
  u.loops.push_back(unary<c64_t, c64_t, Op>());
  u.loops.push_back(unary<c128_t, c128_t, Op>());
}
// ee->e ff->f dd->d.
template <class Op>
void add_real_binary(Ufunc& u) {
  u.loops.push_back(Loop{{CNP_FLOAT16, CNP_FLOAT16, CNP_FLOAT16, -1}, &half_binary_loop<Op>, nullptr});
  u.loops.push_back(binary<float, float, float, Op>());
  u.loops.push_back(binary<double, double, double, Op>());
}
// ... with float16 done on the bits (nextafter, copysign).
template <class Op, class HalfOp>
void add_bits_binary(Ufunc& u) {
  u.loops.push_back(binary<half_t, half_t, half_t, HalfOp>());
  u.loops.push_back(binary<float, float, float, Op>());
  u.loops.push_back(binary<double, double, double, Op>());
}

// Rough per-element cost (see Ufunc::cost): libm transcendental calls ~8, cheap rounding ~1.
constexpr int16_t kCheap = 1, kSqrt = 4, kTranscendental = 8, kTwoCalls = 16;

void fill_math(Table& t, bool simd) {
  auto uf = [&t](Id id, int16_t cost) -> Ufunc& {
    Ufunc& u = t[static_cast<int>(id)];
    u.cost = cost;
    return u;
  };

  add_real_complex<SqrtOp>(uf(Id::sqrt, kSqrt), {Id::sqrt, simd});
  add_real<CbrtOp>(uf(Id::cbrt, kTranscendental), {Id::cbrt, simd});
  add_real_complex<ExpOp>(uf(Id::exp, kTranscendental), {Id::exp, simd});
  add_real_complex<Exp2Op>(uf(Id::exp2, kTranscendental), {Id::exp2, simd});
  add_real_complex<Expm1Op>(uf(Id::expm1, kTranscendental), {Id::expm1, simd});
  add_real_complex<LogOp>(uf(Id::log, kTranscendental), {Id::log, simd});
  add_real_complex<Log2Op>(uf(Id::log2, kTranscendental), {Id::log2, simd});
  add_real_complex<Log10Op>(uf(Id::log10, kTranscendental), {Id::log10, simd});
  add_real_complex<Log1pOp>(uf(Id::log1p, kTranscendental), {Id::log1p, simd});
  add_real_binary<LogaddexpOp>(uf(Id::logaddexp, kTwoCalls));
  add_real_binary<Logaddexp2Op>(uf(Id::logaddexp2, kTwoCalls));

  add_real_complex<SinOp>(uf(Id::sin, kTranscendental), {Id::sin, simd});
  add_real_complex<CosOp>(uf(Id::cos, kTranscendental), {Id::cos, simd});
  add_real_complex<TanOp>(uf(Id::tan, kTranscendental), {Id::tan, simd});
  add_real_complex<ArcsinOp>(uf(Id::arcsin, kTranscendental), {Id::arcsin, simd});
  add_real_complex<ArccosOp>(uf(Id::arccos, kTranscendental), {Id::arccos, simd});
  add_real_complex<ArctanOp>(uf(Id::arctan, kTranscendental), {Id::arctan, simd});
  add_real_binary<Arctan2Op>(uf(Id::arctan2, kTranscendental));
  add_real_binary<HypotOp>(uf(Id::hypot, kTranscendental));
  add_real_complex<SinhOp>(uf(Id::sinh, kTranscendental), {Id::sinh, simd});
  add_real_complex<CoshOp>(uf(Id::cosh, kTranscendental), {Id::cosh, simd});
  add_real_complex<TanhOp>(uf(Id::tanh, kTranscendental), {Id::tanh, simd});
  add_real_complex<ArcsinhOp>(uf(Id::arcsinh, kTranscendental), {Id::arcsinh, simd});
  add_real_complex<ArccoshOp>(uf(Id::arccosh, kTranscendental), {Id::arccosh, simd});
  add_real_complex<ArctanhOp>(uf(Id::arctanh, kTranscendental), {Id::arctanh, simd});

  add_real<Deg2radOp>(uf(Id::deg2rad, kCheap), {Id::deg2rad, simd});
  add_real<Rad2degOp>(uf(Id::rad2deg, kCheap), {Id::rad2deg, simd});
  add_real<Rad2degOp>(uf(Id::degrees, kCheap), {Id::degrees, simd});
  add_real<Deg2radOp>(uf(Id::radians, kCheap), {Id::radians, simd});

  add_real<FloorOp>(uf(Id::floor, kCheap), {Id::floor, simd});
  add_real<CeilOp>(uf(Id::ceil, kCheap), {Id::ceil, simd});
  add_real<TruncOp>(uf(Id::trunc, kCheap), {Id::trunc, simd});
  add_real_complex<RintOp>(uf(Id::rint, kCheap), {Id::rint, simd});

  {
    Ufunc& u = uf(Id::spacing, kCheap);
    u.loops.push_back(unary<half_t, half_t, SpacingOp>());
    u.loops.push_back(real_unary<float, SpacingOp>({Id::spacing, simd}));
    u.loops.push_back(real_unary<double, SpacingOp>({Id::spacing, simd}));
  }
  add_bits_binary<NextafterOp, HalfNextafterOp>(uf(Id::nextafter, kCheap));
  add_bits_binary<CopysignOp, HalfCopysignOp>(uf(Id::copysign, kCheap));
  append_unary_to<SignbitOp, bool_t, half_t, float, double>(uf(Id::signbit, kCheap).loops);
  add_bits_binary<HeavisideOp, HalfHeavisideOp>(uf(Id::heaviside, kCheap));
}

}  // namespace

void init_math(Table& t) { fill_math(t, true); }

bool set_half_hardware_conversion(bool on) noexcept { return g_half_hardware.exchange(on); }

const Table& math_scalar_table() {
  static const Table& table = []() -> const Table& {
    static Table t;
    fill_math(t, false);
    return t;
  }();
  return table;
}

}  // namespace cnp::ufunc
