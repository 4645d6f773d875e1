// AVX-512F loops: SLEEF's *_u10avx512f kernels (float64 sin/cos: simd_sincos.hpp first), 8
// doubles / 16 floats per vector, masked tails. Compiled with -mavx512f -mfma (CMakeLists.txt)
// and only called when the CPU has both; nothing here has external linkage except the constant
// table (see simd_table.hpp).
#include <immintrin.h>
#include <sleef.h>

#include "ufunc/simd_kernel.hpp"
#include "ufunc/simd_sincos.hpp"

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
  static void stream(char* p, V v) { _mm512_stream_pd(reinterpret_cast<double*>(p), v); }
  static void store_lanes(char* p, V v, unsigned m) { _mm512_mask_storeu_pd(p, static_cast<__mmask8>(m), v); }
  static V set1(T v) { return _mm512_set1_pd(v); }
  static V mul(V a, V b) { return _mm512_mul_pd(a, b); }
  static V add(V a, V b) { return _mm512_add_pd(a, b); }
  static V sub(V a, V b) { return _mm512_sub_pd(a, b); }
  static V fma(V a, V b, V c) { return _mm512_fmadd_pd(a, b, c); }
  static V fnma(V a, V b, V c) { return _mm512_fnmadd_pd(a, b, c); }
  static __m512i bits(V v) { return _mm512_castpd_si512(v); }
  static V pick_odd(V t, V even, V odd) {
    return _mm512_mask_blend_pd(_mm512_test_epi64_mask(bits(t), _mm512_set1_epi64(1)), even, odd);
  }
  static V flip_if_bit1(V t, V v) {
    const __m512i sign = _mm512_and_si512(_mm512_slli_epi64(bits(t), 62), _mm512_set1_epi64(INT64_MIN));
    return _mm512_castsi512_pd(_mm512_xor_si512(bits(v), sign));
  }
  static V add_low(V t, int k) { return _mm512_castsi512_pd(_mm512_add_epi64(bits(t), _mm512_set1_epi64(k))); }
  static V keep_zero(V x, V y) { return _mm512_mask_blend_pd(_mm512_cmp_pd_mask(x, _mm512_setzero_pd(), _CMP_EQ_OQ), y, x); }
  static V sqrt(V v) { return _mm512_sqrt_pd(v); }
  static T sqrt1(T v) { return _mm_cvtsd_f64(_mm_sqrt_sd(_mm_setzero_pd(), _mm_set_sd(v))); }
  static unsigned outside(V x, V lo, V hi, V tiny) {
    const __mmask8 in = _mm512_mask_cmp_pd_mask(_mm512_cmp_pd_mask(x, lo, _CMP_GE_OQ), x, hi, _CMP_LE_OQ);
    const __mmask8 nonzero = _mm512_cmp_pd_mask(x, _mm512_setzero_pd(), _CMP_NEQ_UQ);
    const __mmask8 small = _mm512_mask_cmp_pd_mask(nonzero, _mm512_abs_pd(x), tiny, _CMP_LT_OQ);
    return static_cast<__mmask8>(~in | small);
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
  static void stream(char* p, V v) { _mm512_stream_ps(reinterpret_cast<float*>(p), v); }
  static V set1(T v) { return _mm512_set1_ps(v); }
  static V sqrt(V v) { return _mm512_sqrt_ps(v); }
  static T sqrt1(T v) { return _mm_cvtss_f32(_mm_sqrt_ss(_mm_set_ss(v))); }
  static unsigned outside(V x, V lo, V hi, V tiny) {
    const __mmask16 in = _mm512_mask_cmp_ps_mask(_mm512_cmp_ps_mask(x, lo, _CMP_GE_OQ), x, hi, _CMP_LE_OQ);
    const __mmask16 nonzero = _mm512_cmp_ps_mask(x, _mm512_setzero_ps(), _CMP_NEQ_UQ);
    const __mmask16 small = _mm512_mask_cmp_ps_mask(nonzero, _mm512_abs_ps(x), tiny, _CMP_LT_OQ);
    return static_cast<__mmask16>(~in | small);
  }
};

}  // namespace

// float64 sin and cos: our own kernel up to 2^16, SLEEF's beyond (simd_sincos.hpp).
template <Fn FN, auto S>
constexpr Loop1 d8() {
  if constexpr (FN == Fn::sin) return loop<D8, FN, &sincos_core<D8, false>, S>;
  else if constexpr (FN == Fn::cos) return loop<D8, FN, &sincos_core<D8, true>, S>;
  else return loop<D8, FN, S>;
}

#define CNP_SIMD_D(name, sl) d8<Fn::name, Sleef_##sl##d8_u10avx512f>(),
#define CNP_SIMD_F(name, sl) loop<F16, Fn::name, Sleef_##sl##f16_u10avx512f>,
extern const Table kTableAvx512 = {
    {sqrt_loop<D8>, CNP_SIMD_TRANSCENDENTAL(CNP_SIMD_D)},
    {sqrt_loop<F16>, CNP_SIMD_TRANSCENDENTAL(CNP_SIMD_F)},
};

}  // namespace cnp::ufunc::simd
