// AVX-512F loops: SLEEF's *_u10avx512f kernels, 8 doubles / 16 floats per vector, masked tails.
// Compiled with -mavx512f (CMakeLists.txt) and only called when the CPU has AVX-512F; nothing
// here has external linkage except the constant table (see simd_table.hpp).
#include <immintrin.h>
#include <sleef.h>

#include "ufunc/simd_kernel.hpp"

namespace cnp::ufunc::simd {
namespace {

struct D8 {
  using T = double;
  using V = __m512d;
  static constexpr int W = 8;
  static V load(const char* p) { return _mm512_loadu_pd(p); }
  static V load_n(const char* p, int r) { return _mm512_maskz_loadu_pd(static_cast<__mmask8>((1u << r) - 1), p); }
  static void store(char* p, V v) { _mm512_storeu_pd(p, v); }
  static void store_n(char* p, V v, int r) { _mm512_mask_storeu_pd(p, static_cast<__mmask8>((1u << r) - 1), v); }
  static void store_a(T* p, V v) { _mm512_store_pd(p, v); }
  static V set1(T v) { return _mm512_set1_pd(v); }
  static V sqrt(V v) { return _mm512_sqrt_pd(v); }
  static T sqrt1(T v) { return _mm_cvtsd_f64(_mm_sqrt_sd(_mm_setzero_pd(), _mm_set_sd(v))); }
  static V zero_blend(V x, V y) {
    return _mm512_mask_mov_pd(y, _mm512_cmp_pd_mask(x, _mm512_setzero_pd(), _CMP_EQ_OQ), x);
  }
  static unsigned special(V x, V y, V lim) {
    const V xa = _mm512_abs_pd(x), ya = _mm512_abs_pd(y);
    const __mmask8 nonzero = _mm512_cmp_pd_mask(x, _mm512_setzero_pd(), _CMP_NEQ_UQ);
    const __mmask8 m = _mm512_cmp_pd_mask(xa, lim, _CMP_NLE_UQ) |
                       _mm512_cmp_pd_mask(ya, _mm512_set1_pd(__DBL_MAX__), _CMP_NLE_UQ) |
                       _mm512_mask_cmp_pd_mask(nonzero, _mm512_maskz_min_pd(0xFF, xa, ya), _mm512_set1_pd(__DBL_MIN__), _CMP_LT_OQ);
    return m;
  }
};

struct F16 {
  using T = float;
  using V = __m512;
  static constexpr int W = 16;
  static V load(const char* p) { return _mm512_loadu_ps(p); }
  static V load_n(const char* p, int r) { return _mm512_maskz_loadu_ps(static_cast<__mmask16>((1u << r) - 1), p); }
  static void store(char* p, V v) { _mm512_storeu_ps(p, v); }
  static void store_n(char* p, V v, int r) { _mm512_mask_storeu_ps(p, static_cast<__mmask16>((1u << r) - 1), v); }
  static void store_a(T* p, V v) { _mm512_store_ps(p, v); }
  static V set1(T v) { return _mm512_set1_ps(v); }
  static V sqrt(V v) { return _mm512_sqrt_ps(v); }
  static T sqrt1(T v) { return _mm_cvtss_f32(_mm_sqrt_ss(_mm_set_ss(v))); }
  static V zero_blend(V x, V y) {
    return _mm512_mask_mov_ps(y, _mm512_cmp_ps_mask(x, _mm512_setzero_ps(), _CMP_EQ_OQ), x);
  }
  static unsigned special(V x, V y, V lim) {
    const V xa = _mm512_abs_ps(x), ya = _mm512_abs_ps(y);
    const __mmask16 nonzero = _mm512_cmp_ps_mask(x, _mm512_setzero_ps(), _CMP_NEQ_UQ);
    const __mmask16 m = _mm512_cmp_ps_mask(xa, lim, _CMP_NLE_UQ) |
                        _mm512_cmp_ps_mask(ya, _mm512_set1_ps(__FLT_MAX__), _CMP_NLE_UQ) |
                        _mm512_mask_cmp_ps_mask(nonzero, _mm512_maskz_min_ps(0xFFFF, xa, ya), _mm512_set1_ps(__FLT_MIN__), _CMP_LT_OQ);
    return m;
  }
};

}  // namespace

#define CNP_SIMD_D(name, sl) loop<D8, Fn::name, Sleef_##sl##d8_u10avx512f>,
#define CNP_SIMD_F(name, sl) loop<F16, Fn::name, Sleef_##sl##f16_u10avx512f>,
extern const Table kTableAvx512 = {
    {sqrt_loop<D8>, CNP_SIMD_TRANSCENDENTAL(CNP_SIMD_D)},
    {sqrt_loop<F16>, CNP_SIMD_TRANSCENDENTAL(CNP_SIMD_F)},
};

}  // namespace cnp::ufunc::simd
