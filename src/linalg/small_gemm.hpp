// Stacks of small matrix products (every dimension <= 16) without BLAS: a call to ?gemm costs
// more than an 8x8 product, and NumPy pays it once per matrix. See small_gemm.cpp.
#pragma once
#include <cstdint>

#include "core/array.hpp"

namespace cnp::linalg {

// c[bi] (n x m, C-contiguous, bi in [lo, hi)) = a[bi] (n x k) . b[bi] (k x m). Byte strides:
// ars/acs and brs/bcs for the matrix axes, sa/sb for the nlead broadcast leading axes (0 =
// broadcast) whose sizes are lead.
struct SmallBatch {
  const char* a;
  const char* b;
  char* c;
  int64_t n, m, k;
  int64_t ars, acs, brs, bcs;
  int32_t nlead;
  const int64_t* lead;
  const int64_t* sa;
  const int64_t* sb;
};

// Runs the vectorised kernel when one fits (float32/64, complex64/128 with b's rows contiguous
// and m one of the vector widths); false leaves the work to the caller's generic loop.
bool small_gemm_batch(int32_t typenum, const SmallBatch& s, int64_t lo, int64_t hi);

}  // namespace cnp::linalg
