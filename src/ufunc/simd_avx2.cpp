// AVX2 + FMA loops: SLEEF's *_u10avx2 kernels, 4 doubles / 8 floats per vector, tails through
// vmaskmov (no access past the run). Compiled with -mavx2 -mfma (CMakeLists.txt) and only called
// when the CPU has both; nothing here has external linkage except the constant table.
#include <immintrin.h>
#include <sleef.h>

#include "ufunc/simd_kernel.hpp"

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
  static V set1(T v) { return _mm256_set1_pd(v); }
  static V sqrt(V v) { return _mm256_sqrt_pd(v); }
  static T sqrt1(T v) { return _mm_cvtsd_f64(_mm_sqrt_sd(_mm_setzero_pd(), _mm_set_sd(v))); }
  static V abs(V v) { return _mm256_andnot_pd(_mm256_set1_pd(-0.0), v); }
  static V zero_blend(V x, V y) { return _mm256_blendv_pd(y, x, _mm256_cmp_pd(x, _mm256_setzero_pd(), _CMP_EQ_OQ)); }
  static unsigned special(V x, V y, V lim) {
    const V xa = abs(x), ya = abs(y);
    const V big = _mm256_or_pd(_mm256_cmp_pd(xa, lim, _CMP_NLE_UQ),
                               _mm256_cmp_pd(ya, _mm256_set1_pd(__DBL_MAX__), _CMP_NLE_UQ));
    const V tiny = _mm256_and_pd(_mm256_cmp_pd(_mm256_min_pd(xa, ya), _mm256_set1_pd(__DBL_MIN__), _CMP_LT_OQ),
                                 _mm256_cmp_pd(x, _mm256_setzero_pd(), _CMP_NEQ_UQ));
    return static_cast<unsigned>(_mm256_movemask_pd(_mm256_or_pd(big, tiny)));
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
  static V set1(T v) { return _mm256_set1_ps(v); }
  static V sqrt(V v) { return _mm256_sqrt_ps(v); }
  static T sqrt1(T v) { return _mm_cvtss_f32(_mm_sqrt_ss(_mm_set_ss(v))); }
  static V abs(V v) { return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), v); }
  static V zero_blend(V x, V y) { return _mm256_blendv_ps(y, x, _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_EQ_OQ)); }
  static unsigned special(V x, V y, V lim) {
    const V xa = abs(x), ya = abs(y);
    const V big = _mm256_or_ps(_mm256_cmp_ps(xa, lim, _CMP_NLE_UQ),
                               _mm256_cmp_ps(ya, _mm256_set1_ps(__FLT_MAX__), _CMP_NLE_UQ));
    const V tiny = _mm256_and_ps(_mm256_cmp_ps(_mm256_min_ps(xa, ya), _mm256_set1_ps(__FLT_MIN__), _CMP_LT_OQ),
                                 _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_NEQ_UQ));
    return static_cast<unsigned>(_mm256_movemask_ps(_mm256_or_ps(big, tiny)));
  }
};

}  // namespace

#define CNP_SIMD_D(name, sl) loop<D4, Fn::name, Sleef_##sl##d4_u10avx2>,
#define CNP_SIMD_F(name, sl) loop<F8, Fn::name, Sleef_##sl##f8_u10avx2>,
extern const Table kTableAvx2 = {
    {sqrt_loop<D4>, CNP_SIMD_TRANSCENDENTAL(CNP_SIMD_D)},
    {sqrt_loop<F8>, CNP_SIMD_TRANSCENDENTAL(CNP_SIMD_F)},
};

}  // namespace cnp::ufunc::simd
