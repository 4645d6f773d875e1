// Lanes along one axis of same-shaped arrays, found with the library's one N-d traversal
// (for_each_run over the other axes), and run in fixed parts on the thread pool: each lane is
// independent, so the split cannot change any result.
#pragma once
#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "core/array.hpp"
#include "core/iter.hpp"
#include "core/parallel.hpp"
#include "core/types.hpp"

namespace cnp::sorting {

template <int N>
struct Lanes {
  std::vector<std::array<char*, N>> starts;  // first element of every lane, per operand
  int64_t n = 0;                             // lane length
  int64_t stride[N] = {};                    // byte step along the lane, per operand
};

template <int N>
Lanes<N> lanes_of(const std::array<const Array*, N>& ops, int32_t axis) {
  Lanes<N> L;
  const Array& a0 = *ops[0];
  L.n = a0.shape(axis);
  int64_t shape[kMaxDims];
  int64_t st[N][kMaxDims];
  const int64_t* sp[N];
  char* bases[N];
  int32_t nd = 0;
  for (int32_t i = 0; i < a0.ndim(); ++i) {
    if (i == axis) continue;
    shape[nd] = a0.shape(i);
    for (int k = 0; k < N; ++k) st[k][nd] = ops[k]->stride(i);
    ++nd;
  }
  for (int k = 0; k < N; ++k) {
    sp[k] = st[k];
    bases[k] = ops[k]->data();
    L.stride[k] = ops[k]->stride(axis);
  }
  // An empty array has no lane to visit, however long its other axes: (2**59, 0) sorted along
  // its last axis listed 2**59 empty lanes (found by the ABI sweep: a hang).
  if (a0.size() == 0) return L;
  for_each_run<N>(nd, shape, sp, bases, [&](char* const* p, const int64_t* s, int64_t count) {
    for (int64_t j = 0; j < count; ++j) {
      std::array<char*, N> a;
      for (int k = 0; k < N; ++k) a[k] = p[k] + j * s[k];
      L.starts.push_back(a);
    }
  });
  return L;
}

// body(lo, hi) for lane ranges covering [0, nlanes). A single lane runs on the caller so that the
// kernel itself can use the pool (parallel_run inside a part would run serially).
template <class Body>
void run_lanes(int64_t nlanes, int64_t lane_len, Body&& body) {
  if (nlanes <= 1 || lane_len == 0) {
    if (nlanes > 0) body(int64_t{0}, nlanes);
    return;
  }
  int64_t parts = std::clamp<int64_t>(nlanes * lane_len / 32768, 1, 64);
  parts = std::min(parts, nlanes);
  parallel_run(static_cast<int>(parts), [&](int p) { body(nlanes * p / parts, nlanes * (p + 1) / parts); });
}

// Strided lane <-> contiguous buffer (load_elem/store_elem: unaligned-safe).
template <class T>
void gather(const char* p, int64_t stride, int64_t n, T* out) {
  for (int64_t i = 0; i < n; ++i) out[i] = load_elem<T>(p + i * stride);
}
template <class T>
void scatter(const T* in, int64_t n, char* p, int64_t stride) {
  for (int64_t i = 0; i < n; ++i) store_elem<T>(p + i * stride, in[i]);
}

}  // namespace cnp::sorting
