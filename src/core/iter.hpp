// The one N-d traversal: operands share a shape (broadcast strides may be 0); axes of length 1
// are dropped, the axes are ordered so the first operand is walked in memory order, adjacent
// axes that are contiguous for every operand are merged, and the kernel sees only 1-D strided
// runs: fn(char* const* ptrs, const int64_t* strides, int64_t n).
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "core/array.hpp"

namespace cnp {

template <int N, class Fn>
void for_each_run(int32_t ndim, const int64_t* shape, const int64_t* const* strides, char* const* bases, Fn&& fn) {
  int64_t sh[kMaxDims];
  int64_t st[N][kMaxDims];
  int32_t nd = 0;
  for (int32_t i = 0; i < ndim; ++i) {
    if (shape[i] == 0) return;
    if (shape[i] == 1) continue;
    sh[nd] = shape[i];
    for (int k = 0; k < N; ++k) st[k][nd] = strides[k][i];
    ++nd;
  }
  // Order axes by the first operand's stride, largest outside (stable, so C order for ties).
  int32_t perm[kMaxDims];
  for (int32_t i = 0; i < nd; ++i) perm[i] = i;
  std::stable_sort(perm, perm + nd, [&](int32_t x, int32_t y) { return std::llabs(st[0][x]) > std::llabs(st[0][y]); });
  int64_t psh[kMaxDims];
  int64_t pst[N][kMaxDims];
  for (int32_t i = 0; i < nd; ++i) {
    psh[i] = sh[perm[i]];
    for (int k = 0; k < N; ++k) pst[k][i] = st[k][perm[i]];
  }
  // Merge an outer axis into the inner one when every operand steps evenly across both.
  int32_t m = 0;
  for (int32_t i = 0; i < nd; ++i) {
    if (m > 0) {
      bool mergeable = true;
      for (int k = 0; k < N; ++k) mergeable &= pst[k][m - 1] == pst[k][i] * psh[i];
      if (mergeable) {
        psh[m - 1] *= psh[i];
        for (int k = 0; k < N; ++k) pst[k][m - 1] = pst[k][i];
        continue;
      }
    }
    psh[m] = psh[i];
    for (int k = 0; k < N; ++k) pst[k][m] = pst[k][i];
    ++m;
  }
  char* ptrs[N];
  int64_t inner_strides[N];
  for (int k = 0; k < N; ++k) ptrs[k] = bases[k];
  if (m == 0) {
    for (int k = 0; k < N; ++k) inner_strides[k] = 0;
    fn(ptrs, inner_strides, int64_t{1});
    return;
  }
  int64_t inner = psh[m - 1];
  for (int k = 0; k < N; ++k) inner_strides[k] = pst[k][m - 1];
  int64_t counter[kMaxDims] = {};
  for (;;) {
    fn(ptrs, inner_strides, inner);
    int32_t d = m - 2;
    for (; d >= 0; --d) {
      for (int k = 0; k < N; ++k) ptrs[k] += pst[k][d];
      if (++counter[d] < psh[d]) break;
      for (int k = 0; k < N; ++k) ptrs[k] -= pst[k][d] * psh[d];
      counter[d] = 0;
    }
    if (d < 0) return;
  }
}

}  // namespace cnp
