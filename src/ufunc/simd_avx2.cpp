// AVX2 + FMA loops: SLEEF's *_u10avx2 kernels (float64 sin/cos: simd_sincos.hpp first), 4 doubles
// / 8 floats per vector, tails through vmaskmov (no access past the run). Compiled with -mavx2
// -mfma (CMakeLists.txt) and only called when the CPU has both; nothing here has external linkage
// except the constant table.
#include <immintrin.h>
#include <sleef.h>

#include "ufunc/simd_kernel.hpp"
#include "ufunc/simd_sincos.hpp"

namespace cnp::ufunc::simd {
namespace {

// Lanes [0, r) of a vmaskmov mask: load W words from kMask* + W - r.
alignas(64) constexpr int64_t kMaskD[8] = {-1, -1, -1, -1, 0, 0, 0, 0};
alignas(64) constexpr int32_t kMaskF[16] = {-1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0};

struct D4 {
  using T = double;
  using V = __m256d;
  static constexpr int W = 4;
  static __m256i mask(int r) { return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(kMaskD + W - r)); }
  static V load(const char* p) { return _mm256_loadu_pd(reinterpret_cast<const double*>(p)); }
  static V load_n(const char* p, int r) { return _mm256_maskload_pd(reinterpret_cast<const double*>(p), mask(r)); }
  static void store(char* p, V v) { _mm256_storeu_pd(reinterpret_cast<double*>(p), v); }
  static void store_n(char* p, V v, int r) { _mm256_maskstore_pd(reinterpret_cast<double*>(p), mask(r), v); }
  static void store_a(T* p, V v) { _mm256_store_pd(p, v); }
  static void stream(char* p, V v) { _mm256_stream_pd(reinterpret_cast<double*>(p), v); }
  static void store_lanes(char* p, V v, unsigned m) {
    const __m256i lane = _mm256_setr_epi64x(1, 2, 4, 8);
    const __m256i sel = _mm256_cmpeq_epi64(_mm256_and_si256(_mm256_set1_epi64x(m), lane), lane);
    _mm256_maskstore_pd(reinterpret_cast<double*>(p), sel, v);
  }
  static V set1(T v) { return _mm256_set1_pd(v); }
  static V mul(V a, V b) { return _mm256_mul_pd(a, b); }
  static V add(V a, V b) { return _mm256_add_pd(a, b); }
  static V sub(V a, V b) { return _mm256_sub_pd(a, b); }
  static V fma(V a, V b, V c) { return _mm256_fmadd_pd(a, b, c); }
  static V fnma(V a, V b, V c) { return _mm256_fnmadd_pd(a, b, c); }
  static __m256i bits(V v) { return _mm256_castpd_si256(v); }
  static V pick_odd(V t, V even, V odd) { return _mm256_blendv_pd(even, odd, _mm256_castsi256_pd(_mm256_slli_epi64(bits(t), 63))); }
  static V flip_if_bit1(V t, V v) {
    const __m256i sign = _mm256_and_si256(_mm256_slli_epi64(bits(t), 62), _mm256_set1_epi64x(INT64_MIN));
    return _mm256_castsi256_pd(_mm256_xor_si256(bits(v), sign));
  }
  static V add_low(V t, int k) { return _mm256_castsi256_pd(_mm256_add_epi64(bits(t), _mm256_set1_epi64x(k))); }
  static V keep_zero(V x, V y) { return _mm256_blendv_pd(y, x, _mm256_cmp_pd(x, _mm256_setzero_pd(), _CMP_EQ_OQ)); }
  static V sqrt(V v) { return _mm256_sqrt_pd(v); }
  static T sqrt1(T v) { return _mm_cvtsd_f64(_mm_sqrt_sd(_mm_setzero_pd(), _mm_set_sd(v))); }
  static V abs(V v) { return _mm256_andnot_pd(_mm256_set1_pd(-0.0), v); }
  static unsigned outside(V x, V lo, V hi, V tiny) {
    const V in = _mm256_and_pd(_mm256_cmp_pd(x, lo, _CMP_GE_OQ), _mm256_cmp_pd(x, hi, _CMP_LE_OQ));
    const V small = _mm256_and_pd(_mm256_cmp_pd(abs(x), tiny, _CMP_LT_OQ), _mm256_cmp_pd(x, _mm256_setzero_pd(), _CMP_NEQ_UQ));
    return (~static_cast<unsigned>(_mm256_movemask_pd(in)) & 0xFu) | static_cast<unsigned>(_mm256_movemask_pd(small));
  }
};

struct F8 {
  using T = float;
  using V = __m256;
  static constexpr int W = 8;
  static __m256i mask(int r) { return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(kMaskF + W - r)); }
  static V load(const char* p) { return _mm256_loadu_ps(reinterpret_cast<const float*>(p)); }
  static V load_n(const char* p, int r) { return _mm256_maskload_ps(reinterpret_cast<const float*>(p), mask(r)); }
  static void store(char* p, V v) { _mm256_storeu_ps(reinterpret_cast<float*>(p), v); }
  static void store_n(char* p, V v, int r) { _mm256_maskstore_ps(reinterpret_cast<float*>(p), mask(r), v); }
  static void store_a(T* p, V v) { _mm256_store_ps(p, v); }
  static void stream(char* p, V v) { _mm256_stream_ps(reinterpret_cast<float*>(p), v); }
  static V set1(T v) { return _mm256_set1_ps(v); }
  static V sqrt(V v) { return _mm256_sqrt_ps(v); }
  static T sqrt1(T v) { return _mm_cvtss_f32(_mm_sqrt_ss(_mm_set_ss(v))); }
  static V abs(V v) { return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), v); }
  static unsigned outside(V x, V lo, V hi, V tiny) {
    const V in = _mm256_and_ps(_mm256_cmp_ps(x, lo, _CMP_GE_OQ), _mm256_cmp_ps(x, hi, _CMP_LE_OQ));
    const V small = _mm256_and_ps(_mm256_cmp_ps(abs(x), tiny, _CMP_LT_OQ), _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_NEQ_UQ));
    return (~static_cast<unsigned>(_mm256_movemask_ps(in)) & 0xFFu) | static_cast<unsigned>(_mm256_movemask_ps(small));
  }
};

}  // namespace

// float64 sin and cos: our own kernel up to 2^16, SLEEF's beyond (simd_sincos.hpp).
template <Fn FN, auto S>
constexpr Loop1 d4() {
  if constexpr (FN == Fn::sin) return loop<D4, FN, &sincos_core<D4, false>, S>;
  else if constexpr (FN == Fn::cos) return loop<D4, FN, &sincos_core<D4, true>, S>;
  else return loop<D4, FN, S>;
}

#define CNP_SIMD_D(name, sl) d4<Fn::name, Sleef_##sl##d4_u10avx2>(),
#define CNP_SIMD_F(name, sl) loop<F8, Fn::name, Sleef_##sl##f8_u10avx2>,
extern const Table kTableAvx2 = {
    {sqrt_loop<D4>, CNP_SIMD_TRANSCENDENTAL(CNP_SIMD_D)},
    {sqrt_loop<F8>, CNP_SIMD_TRANSCENDENTAL(CNP_SIMD_F)},
};

}  // namespace cnp::ufunc::simd
