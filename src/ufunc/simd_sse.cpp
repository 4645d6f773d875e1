// SSE loops (x86-64 baseline, no extra compile flags): 2 doubles / 4 floats per vector, calling
// SLEEF's *_u10sse4 kernels (table kTableSse4, for CPUs with SSE4.1) or *_u10sse2 (kTableSse2).
// The loop code itself uses SSE2 only; tails go through a small stack buffer.
#include <immintrin.h>
#include <sleef.h>

#include "ufunc/simd_kernel.hpp"

namespace cnp::ufunc::simd {
namespace {

struct D2 {
  using T = double;
  using V = __m128d;
  static constexpr int W = 2;
  static V load(const char* p) { return _mm_loadu_pd(reinterpret_cast<const double*>(p)); }
  static V load_n(const char* p, int r) {
    alignas(16) T b[W] = {};
    memcpy(b, p, r * sizeof(T));
    return _mm_load_pd(b);
  }
  static void store(char* p, V v) { _mm_storeu_pd(reinterpret_cast<double*>(p), v); }
  static void store_n(char* p, V v, int r) {
    alignas(16) T b[W];
    _mm_store_pd(b, v);
    memcpy(p, b, r * sizeof(T));
  }
  static void store_a(T* p, V v) { _mm_store_pd(p, v); }
  static void stream(char* p, V v) { _mm_stream_pd(reinterpret_cast<double*>(p), v); }
  static V set1(T v) { return _mm_set1_pd(v); }
  static V sqrt(V v) { return _mm_sqrt_pd(v); }
  static T sqrt1(T v) { return _mm_cvtsd_f64(_mm_sqrt_sd(_mm_setzero_pd(), _mm_set_sd(v))); }
  static V abs(V v) { return _mm_andnot_pd(_mm_set1_pd(-0.0), v); }
  static unsigned outside(V x, V lo, V hi, V tiny) {
    const V in = _mm_and_pd(_mm_cmpge_pd(x, lo), _mm_cmple_pd(x, hi));
    const V small = _mm_and_pd(_mm_cmplt_pd(abs(x), tiny), _mm_cmpneq_pd(x, _mm_setzero_pd()));
    return (~static_cast<unsigned>(_mm_movemask_pd(in)) & 0x3u) | static_cast<unsigned>(_mm_movemask_pd(small));
  }
};

struct F4 {
  using T = float;
  using V = __m128;
  static constexpr int W = 4;
  static V load(const char* p) { return _mm_loadu_ps(reinterpret_cast<const float*>(p)); }
  static V load_n(const char* p, int r) {
    alignas(16) T b[W] = {};
    memcpy(b, p, r * sizeof(T));
    return _mm_load_ps(b);
  }
  static void store(char* p, V v) { _mm_storeu_ps(reinterpret_cast<float*>(p), v); }
  static void store_n(char* p, V v, int r) {
    alignas(16) T b[W];
    _mm_store_ps(b, v);
    memcpy(p, b, r * sizeof(T));
  }
  static void store_a(T* p, V v) { _mm_store_ps(p, v); }
  static void stream(char* p, V v) { _mm_stream_ps(reinterpret_cast<float*>(p), v); }
  static V set1(T v) { return _mm_set1_ps(v); }
  static V sqrt(V v) { return _mm_sqrt_ps(v); }
  static T sqrt1(T v) { return _mm_cvtss_f32(_mm_sqrt_ss(_mm_set_ss(v))); }
  static V abs(V v) { return _mm_andnot_ps(_mm_set1_ps(-0.0f), v); }
  static unsigned outside(V x, V lo, V hi, V tiny) {
    const V in = _mm_and_ps(_mm_cmpge_ps(x, lo), _mm_cmple_ps(x, hi));
    const V small = _mm_and_ps(_mm_cmplt_ps(abs(x), tiny), _mm_cmpneq_ps(x, _mm_setzero_ps()));
    return (~static_cast<unsigned>(_mm_movemask_ps(in)) & 0xFu) | static_cast<unsigned>(_mm_movemask_ps(small));
  }
};

}  // namespace

#define CNP_SIMD_D4(name, sl) loop<D2, Fn::name, Sleef_##sl##d2_u10sse4>,
#define CNP_SIMD_F4(name, sl) loop<F4, Fn::name, Sleef_##sl##f4_u10sse4>,
extern const Table kTableSse4 = {
    {sqrt_loop<D2>, CNP_SIMD_TRANSCENDENTAL(CNP_SIMD_D4)},
    {sqrt_loop<F4>, CNP_SIMD_TRANSCENDENTAL(CNP_SIMD_F4)},
};

#define CNP_SIMD_D2(name, sl) loop<D2, Fn::name, Sleef_##sl##d2_u10sse2>,
#define CNP_SIMD_F2(name, sl) loop<F4, Fn::name, Sleef_##sl##f4_u10sse2>,
extern const Table kTableSse2 = {
    {sqrt_loop<D2>, CNP_SIMD_TRANSCENDENTAL(CNP_SIMD_D2)},
    {sqrt_loop<F4>, CNP_SIMD_TRANSCENDENTAL(CNP_SIMD_F2)},
};

}  // namespace cnp::ufunc::simd
