// The SIMD path chosen for this CPU, its override and the test hooks (generic code only).
//   CNUMPY_SIMD=avx512|avx2|sse4|sse2|scalar  (read once; a path the CPU lacks falls back to the
//   best one it has; "scalar" makes simd_loop return nullptr, i.e. the plain C library loops).
#pragma once
#include <cstdint>

#include "ufunc/simd.hpp"

namespace cnp::ufunc {

enum class SimdPath : int8_t { scalar = 0, sse2, sse4, avx2, avx512 };

const char* simd_path_name(SimdPath p) noexcept;
SimdPath simd_best_path() noexcept;                 // what the CPU (and OS) supports
bool simd_path_supported(SimdPath p) noexcept;      // p <= simd_best_path()
SimdPath simd_active_path() noexcept;               // what simd_loop uses (env override applied)
void simd_set_active_path(SimdPath p) noexcept;     // test hook; clamped to the supported paths
// The loop of one path (nullptr when the path is scalar, unsupported, or has no such loop).
LoopFn simd_loop_for(SimdPath p, Id id, int32_t typenum) noexcept;

}  // namespace cnp::ufunc
