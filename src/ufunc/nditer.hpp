// The multi-operand iterator behind ufuncs (NumPy's nditer idea, reduced to what elementwise
// loops need): operands broadcast to one shape, axes ordered so memory is walked forward and
// innermost-fastest for all operands together, length-1 axes dropped, axes that every operand
// steps evenly across merged, and the flattened index range splittable for threads. The callback
// sees only 1-D strided runs.
#pragma once
#include <cstdint>

#include "core/array.hpp"

namespace cnp::ufunc {

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
  // ops broadcast to (nd, shape) and traversed in `perm` order (outermost first).
  void init(int nop, const Array* const* ops, int32_t nd, const int64_t* shape, const int32_t* perm);
  int64_t size() const { return size_; }
  int32_t ndim() const { return nd_; }

  // Calls fn(ptrs, inner_strides, n) for every run of the flattened elements [begin, end).
  template <class Fn>
  void for_range(int64_t begin, int64_t end, Fn&& fn) const {
    if (begin >= end) return;
    const int64_t inner = nd_ ? shape_[nd_ - 1] : 1;
    int64_t inner_strides[kIterMaxOps];
    for (int k = 0; k < nop_; ++k) inner_strides[k] = nd_ ? strides_[k][nd_ - 1] : 0;
    // Outer multi-index of `begin`.
    int64_t counter[kMaxDims] = {};
    int64_t outer = begin / inner, off = begin % inner;
    char* base[kIterMaxOps];
    for (int k = 0; k < nop_; ++k) base[k] = base_[k];
    for (int32_t d = nd_ - 2; d >= 0; --d) {
      counter[d] = outer % shape_[d];
      outer /= shape_[d];
      for (int k = 0; k < nop_; ++k) base[k] += counter[d] * strides_[k][d];
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

 private:
  int nop_ = 0;
  int32_t nd_ = 0;
  int64_t size_ = 0;
  int64_t shape_[kMaxDims] = {};
  int64_t strides_[kIterMaxOps][kMaxDims] = {};
  char* base_[kIterMaxOps] = {};
};

}  // namespace cnp::ufunc
