#include <algorithm>
#include <cstdlib>

#include "core/array.hpp"
#include "core/error.hpp"

namespace cnp {

void axes_by_stride(const Array& a, int32_t* perm) {
  for (int32_t i = 0; i < a.ndim(); ++i) perm[i] = i;
  std::stable_sort(perm, perm + a.ndim(),
                   [&](int32_t x, int32_t y) { return std::llabs(a.stride(x)) > std::llabs(a.stride(y)); });
}

Array allocate_like(const Array& proto, const Dtype* dtype, int32_t order, int32_t ndim, const int64_t* shape, bool zeroed) {
  if (order < CNP_ORDER_C || order > CNP_ORDER_K) throw_value("order must be one of 'C', 'F', 'A', or 'K'");
  bool keep_shape = ndim == -1;  // -1, and only -1; other negatives fail checked_size
  if (keep_shape) {
    ndim = proto.ndim();
    shape = proto.shape();
  }
  bool same_rank = ndim == proto.ndim();
  if (order == CNP_ORDER_A) order = (proto.f_contiguous() && !proto.c_contiguous()) ? CNP_ORDER_F : CNP_ORDER_C;
  if (order == CNP_ORDER_K) {
    if (!same_rank || proto.c_contiguous()) order = CNP_ORDER_C;
    else if (proto.f_contiguous()) order = CNP_ORDER_F;
  }
  if (order != CNP_ORDER_K || checked_size(ndim, shape, dtype->itemsize) == 0)
    return Array::allocate(dtype, ndim, shape, order == CNP_ORDER_F ? CNP_ORDER_F : CNP_ORDER_C, zeroed);
  // K with an arbitrary layout: C order over the axes sorted by |stride| (largest first).
  int32_t perm[kMaxDims];
  axes_by_stride(proto, perm);  // same rank as proto here
  return allocate_in_axis_order(dtype, ndim, shape, perm, zeroed);
}

void axes_by_strides_of(const Array* const* arrays, int32_t narrays, int32_t ndim, int32_t* perm) {
  for (int32_t i = 0; i < ndim; ++i) perm[i] = i;
  // Stable insertion sort; a pair of axes is compared only in arrays where neither has length
  // 1, and the first such array that puts them in C order decides for C order.
  for (int32_t i0 = 1; i0 < ndim; ++i0) {
    int32_t ipos = i0;
    const int32_t ax0 = perm[i0];
    for (int32_t i1 = i0 - 1; i1 >= 0; --i1) {
      const int32_t ax1 = perm[i1];
      bool ambiguous = true, swap = false;
      for (int32_t k = 0; k < narrays; ++k) {
        const Array& a = *arrays[k];
        if (a.shape(ax0) == 1 || a.shape(ax1) == 1) continue;
        if (std::llabs(a.stride(ax0)) <= std::llabs(a.stride(ax1))) swap = false;
        else if (ambiguous) swap = true;
        ambiguous = false;
      }
      if (ambiguous) continue;
      if (!swap) break;
      ipos = i1;
    }
    for (int32_t i1 = i0; i1 > ipos; --i1) perm[i1] = perm[i1 - 1];
    perm[ipos] = ax0;
  }
}

Array allocate_in_axis_order(const Dtype* dtype, int32_t ndim, const int64_t* shape, const int32_t* perm, bool zeroed) {
  int64_t pshape[kMaxDims];
  for (int32_t i = 0; i < ndim; ++i) pshape[i] = shape[perm[i]];
  Array base = Array::allocate(dtype, ndim, pshape, CNP_ORDER_C, zeroed);
  int64_t strides[kMaxDims];
  for (int32_t i = 0; i < ndim; ++i) strides[perm[i]] = base.stride(i);
  Array out = base.view(ndim, shape, strides, base.data());
  out.set_owndata(true);
  return out;
}

}  // namespace cnp
