// Vectorised float32/float64 loops for the transcendental ufuncs (SLEEF, chosen at run time for the
// CPU: AVX-512F, AVX2+FMA or SSE4/SSE2), with NumPy's floating-point error flags. Owned by
// simd_*.cpp; kernels_math.cpp asks for them when it builds its loop table.
#pragma once
#include <cstdint>

#include "ufunc/ufunc.hpp"

namespace cnp::ufunc {

// The vectorised loop for ufunc `id` on `typenum` (CNP_FLOAT32 or CNP_FLOAT64, same type in and
// out), or nullptr when there is none. The loop accepts any strides (it falls back to scalar code
// for non-contiguous runs) and raises the same FPU flags as the C library would.
LoopFn simd_loop(Id id, int32_t typenum);

}  // namespace cnp::ufunc
