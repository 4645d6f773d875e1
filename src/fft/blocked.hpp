// Cache-blocked complex passes for multi-dimensional transforms too large to FFTW_MEASURE.
//
// Above ~2**20 points FFTW_MEASURE no longer finishes within its time limit, and the ESTIMATE plan
// it then falls back to walks the non-contiguous axes at a large stride (2048x2048 complex: ~4x
// slower than NumPy). These passes transform one axis at a time, in place, on a library-owned
// C-contiguous array: lines along the last axis in blocks of rows, any other axis by copying a
// block of 16 neighbouring lines into a small cache-resident buffer, transforming it there with
// an ESTIMATE plan (which is good on such contiguous in-cache data) and copying it back. Blocks
// run on the library's thread pool (cnp_set_num_threads), each with its own buffer.
#pragma once
#include "core/array.hpp"

namespace cnp::fft {

// Multi-dimensional c2c problems with more points than this take the blocked passes instead of one
// measured plan; c2c batches along a strided axis already above kBlockedBatchPoints.
constexpr double kBlockedPoints = double(1 << 20);
constexpr double kBlockedBatchPoints = double(1 << 15);

// Unnormalised in-place c2c along `axis` of `buf` (C-contiguous, complex64 or complex128,
// writeable, owned by the caller).
void c2c_pass_blocked(Array& buf, int axis, bool inverse);

}  // namespace cnp::fft
