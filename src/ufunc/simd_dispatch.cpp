// Run-time choice of the SIMD loops (simd_avx512.cpp, simd_avx2.cpp, simd_sse.cpp) for this CPU,
// the CNUMPY_SIMD override, the test hooks, and the C library functions the loops fall back to.
// Generic code: compiled without ISA flags, it only reads the ISA files' constant tables.
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "ufunc/simd.hpp"
#include "ufunc/simd_paths.hpp"
#include "ufunc/simd_table.hpp"

namespace cnp::ufunc {

namespace simd {
namespace {
// The C library through out-of-line wrappers: the address of a function that is also a builtin
// and an overload set is awkward to take, and a call keeps the C library's flags and errno.
#define CNP_SIMD_SCALAR(name, c)                      \
  double c##_d(double x) { return std::c(x); }        \
  float c##_f(float x) { return std::c(x); }
CNP_SIMD_FUNCS(CNP_SIMD_SCALAR)
#undef CNP_SIMD_SCALAR
}  // namespace

#define CNP_SIMD_SCALAR_D(name, c) &c##_d,
#define CNP_SIMD_SCALAR_F(name, c) &c##_f,
extern const ScalarFns kScalarFns = {
    {CNP_SIMD_FUNCS(CNP_SIMD_SCALAR_D)},
    {CNP_SIMD_FUNCS(CNP_SIMD_SCALAR_F)},
};
#undef CNP_SIMD_SCALAR_D
#undef CNP_SIMD_SCALAR_F
}  // namespace simd

namespace {

constexpr const char* kPathNames[] = {"scalar", "sse2", "sse4", "avx2", "avx512"};

SimdPath detect() noexcept {
  __builtin_cpu_init();
  // __builtin_cpu_supports also checks that the OS saves the wider registers (XCR0).
  const bool fma = __builtin_cpu_supports("fma");  // simd_avx512.cpp is built with -mfma too
  if (__builtin_cpu_supports("avx512f") && fma) return SimdPath::avx512;
  if (__builtin_cpu_supports("avx2") && fma) return SimdPath::avx2;
  if (__builtin_cpu_supports("sse4.1")) return SimdPath::sse4;
  return SimdPath::sse2;
}

SimdPath clamp(SimdPath p) noexcept { return p > simd_best_path() ? simd_best_path() : p; }

SimdPath from_env() noexcept {
  const char* e = std::getenv("CNUMPY_SIMD");
  if (e && *e) {
    for (int i = 0; i <= static_cast<int>(SimdPath::avx512); ++i)
      if (std::strcmp(e, kPathNames[i]) == 0) return clamp(static_cast<SimdPath>(i));
    if (std::strcmp(e, "none") == 0 || std::strcmp(e, "0") == 0) return SimdPath::scalar;
  }
  return simd_best_path();
}

std::atomic<int> g_active{-1};  // -1: not yet read from the environment

const simd::Table* table_of(SimdPath p) noexcept {
  switch (p) {
    case SimdPath::avx512: return &simd::kTableAvx512;
    case SimdPath::avx2: return &simd::kTableAvx2;
    case SimdPath::sse4: return &simd::kTableSse4;
    case SimdPath::sse2: return &simd::kTableSse2;
    default: return nullptr;
  }
}

int fn_index(Id id) noexcept {
  switch (id) {
#define CNP_SIMD_CASE(name, c) \
  case Id::name: return static_cast<int>(simd::Fn::name);
    CNP_SIMD_FUNCS(CNP_SIMD_CASE)
#undef CNP_SIMD_CASE
    default: return -1;
  }
}

}  // namespace

const char* simd_path_name(SimdPath p) noexcept {
  const int i = static_cast<int>(p);
  return i >= 0 && i <= static_cast<int>(SimdPath::avx512) ? kPathNames[i] : "?";
}

SimdPath simd_best_path() noexcept {
  static const SimdPath best = detect();
  return best;
}

bool simd_path_supported(SimdPath p) noexcept { return p <= simd_best_path(); }

SimdPath simd_active_path() noexcept {
  int v = g_active.load(std::memory_order_relaxed);
  if (v < 0) {
    int expected = -1;
    const int fresh = static_cast<int>(from_env());
    g_active.compare_exchange_strong(expected, fresh, std::memory_order_relaxed);
    v = g_active.load(std::memory_order_relaxed);
  }
  return static_cast<SimdPath>(v);
}

void simd_set_active_path(SimdPath p) noexcept {
  g_active.store(static_cast<int>(clamp(p)), std::memory_order_relaxed);
}

LoopFn simd_loop_for(SimdPath p, Id id, int32_t typenum) noexcept {
  if (!simd_path_supported(p)) return nullptr;
  const simd::Table* t = table_of(p);
  const int k = fn_index(id);
  if (!t || k < 0) return nullptr;
  if (typenum == CNP_FLOAT64) return t->f64[k];
  if (typenum == CNP_FLOAT32) return t->f32[k];
  return nullptr;
}

LoopFn simd_loop(Id id, int32_t typenum) { return simd_loop_for(simd_active_path(), id, typenum); }

}  // namespace cnp::ufunc
