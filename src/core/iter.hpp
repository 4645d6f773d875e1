// The one N-d traversal of the library (NumPy's nditer idea, reduced to what 1-D strided kernels
// need). Operands share a shape (broadcast strides are 0); the caller gives the axis order
// (outermost first); axes of length 1 are dropped, optionally every axis that all operands step
// backwards along is flipped (memory walked forward), adjacent axes that every operand steps
// evenly across are merged, and the kernel sees only 1-D strided runs:
// fn(char* const* ptrs, const int64_t* strides, int64_t n). The flattened index range can be
// split (for_range) for the thread pool, and an axis narrowed (reduce's split of a kept axis).
//
// Its callers and the axis order each one keeps (the order decides summation order, so results):
//   for_each_run (casts, assign, fill, indexing, ufunc methods): the first operand's memory
//     order, largest |stride| outside, C order on ties; no flip;
//   ufunc execution (ufunc/execute.cpp): NumPy's best_axis_order over the operands (or C/F as
//     asked), flipped, split by flat ranges among threads;
//   reductions (reduce/reduce.cpp): best_axis_order over (out, in, where), no flip (the reduced
//     axes' order is the summation order), split along the longest kept axis.
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "core/array.hpp"

namespace cnp {

inline constexpr int kIterMaxOps = 8;

// NumPy's best axis ordering for `n` arrays broadcast to (nd, shape): perm[0] is the outermost
// axis, perm[nd-1] the innermost; an axis moves inward only when every array that strides along
// both axes agrees, so conflicts and ties keep C order.
void best_axis_order(int n, const Array* const* arrays, int32_t nd, const int64_t* shape, int32_t* perm);

// True when a and b (broadcast to nd/shape) touch the same bytes for the same element, so an
// elementwise loop may read one and write the other in place.
bool same_elementwise(const Array& a, const Array& b, int32_t nd, const int64_t* shape);

class NdIter {
 public:
  // nop operands with their strides over (nd, shape) and their base pointers, traversed in
  // `perm` order (outermost first). flip: walk backward axes forward (ufunc execution).
  void init(int nop, int32_t nd, const int64_t* shape, const int64_t* const* strides, char* const* bases,
            const int32_t* perm, bool flip);
  // Arrays broadcast to (nd, shape), flipped: the ufunc engine's form.
  void init(int nop, const Array* const* ops, int32_t nd, const int64_t* shape, const int32_t* perm);

  int64_t size() const { return size_; }
  int32_t ndim() const { return nd_; }  // after dropping and merging axes
  int64_t shape(int32_t d) const { return shape_[d]; }
  int64_t stride(int k, int32_t d) const { return strides_[k][d]; }
  char* base(int k) const { return base_[k]; }

  // Restricts (merged) axis d to [lo, hi).
  void narrow(int32_t d, int64_t lo, int64_t hi) {
    for (int k = 0; k < nop_; ++k) base_[k] += lo * strides_[k][d];
    size_ = size_ / shape_[d] * (hi - lo);
    shape_[d] = hi - lo;
  }

  // Calls fn(ptrs, inner_strides, n) for every run of the flattened elements [begin, end), in
  // order; whole inner runs when [begin, end) is the full range.
  template <class Fn>
  void for_range(int64_t begin, int64_t end, Fn&& fn) const {
    if (begin >= end) return;
    const int64_t inner = nd_ ? shape_[nd_ - 1] : 1;
    int64_t inner_strides[kIterMaxOps];
    for (int k = 0; k < nop_; ++k) inner_strides[k] = nd_ ? strides_[k][nd_ - 1] : 0;
    // Outer multi-index of `begin`.
    int64_t counter[kMaxDims] = {};
    int64_t off = 0;
    char* base[kIterMaxOps];
    for (int k = 0; k < nop_; ++k) base[k] = base_[k];
    if (begin > 0) {
      int64_t outer = begin / inner;
      off = begin % inner;
      for (int32_t d = nd_ - 2; d >= 0; --d) {
        counter[d] = outer % shape_[d];
        outer /= shape_[d];
        for (int k = 0; k < nop_; ++k) base[k] += counter[d] * strides_[k][d];
      }
    }
    int64_t pos = begin;
    char* ptrs[kIterMaxOps];
    while (pos < end) {
      int64_t n = inner - off;
      if (n > end - pos) n = end - pos;
      for (int k = 0; k < nop_; ++k) ptrs[k] = base[k] + off * inner_strides[k];
      fn(static_cast<char* const*>(ptrs), static_cast<const int64_t*>(inner_strides), n);
      pos += n;
      off = 0;
      for (int32_t d = nd_ - 2; d >= 0; --d) {
        for (int k = 0; k < nop_; ++k) base[k] += strides_[k][d];
        if (++counter[d] < shape_[d]) break;
        for (int k = 0; k < nop_; ++k) base[k] -= strides_[k][d] * shape_[d];
        counter[d] = 0;
      }
    }
  }

  template <class Fn>
  void for_each(Fn&& fn) const {
    for_range(0, size_, fn);
  }

 private:
  int nop_ = 0;
  int32_t nd_ = 0;
  int64_t size_ = 0;
  // Only the first nop_ operands and nd_ axes are set (no zeroing: the iterator is built on
  // every small cast and assignment).
  int64_t shape_[kMaxDims];
  int64_t strides_[kIterMaxOps][kMaxDims];
  char* base_[kIterMaxOps];
};

// Axis order of casts and assignments: the first operand's axes by |stride|, largest outside,
// stable (C order for ties).
void memory_order(int32_t ndim, const int64_t* strides, int32_t* perm);

// N operands over (ndim, shape) walked in the first operand's memory order, no flip.
template <int N, class Fn>
void for_each_run(int32_t ndim, const int64_t* shape, const int64_t* const* strides, char* const* bases, Fn&& fn) {
  static_assert(N <= kIterMaxOps);
  int32_t perm[kMaxDims];
  memory_order(ndim, strides[0], perm);
  NdIter it;
  it.init(N, ndim, shape, strides, bases, perm, /*flip=*/false);
  it.for_each(fn);
}

}  // namespace cnp
