#include "core/broadcast.hpp"

#include <algorithm>
#include <string>

#include "core/error.hpp"

namespace cnp {

int32_t broadcast_shape(int n, const Array* const* arrays, int64_t* shape, BroadcastError style) {
  int32_t nd = 0;
  for (int i = 0; i < n; ++i) nd = std::max(nd, arrays[i]->ndim());
  int owner[kMaxDims];  // the argument that set each axis's length (for NumPy's message)
  for (int32_t d = 0; d < nd; ++d) {
    shape[d] = 1;
    owner[d] = 0;
  }
  for (int i = 0; i < n; ++i) {
    const Array& a = *arrays[i];
    for (int32_t d = 0; d < a.ndim(); ++d) {
      const int32_t at = nd - a.ndim() + d;
      const int64_t v = a.shape(d);
      if (v == shape[at] || v == 1) continue;
      if (shape[at] == 1) {
        shape[at] = v;
        owner[at] = i;
        continue;
      }
      if (style == BroadcastError::Ufunc) {
        std::string msg = "operands could not be broadcast together with shapes ";
        for (int j = 0; j < n; ++j) msg += numpy_shape_string(arrays[j]->ndim(), arrays[j]->shape()) + " ";
        throw_value(msg);
      }
      const Array& o = *arrays[owner[at]];
      throw_value("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is at arg " +
                  std::to_string(i) + " with shape " + shape_str(a.ndim(), a.shape()) + " and arg " +
                  std::to_string(owner[at]) + " with shape " + shape_str(o.ndim(), o.shape()) + ".");
    }
  }
  return nd;
}

bool broadcast_strides(const Array& a, int32_t ndim, const int64_t* shape, int64_t* out) {
  int32_t skip = 0;
  while (a.ndim() - skip > ndim && a.shape(skip) == 1) ++skip;
  if (a.ndim() - skip > ndim) return false;
  int32_t lead = ndim - (a.ndim() - skip);
  for (int32_t i = 0; i < ndim; ++i) {
    if (i < lead) {
      out[i] = 0;
      continue;
    }
    int64_t n = a.shape(i - lead + skip);
    if (n == shape[i]) out[i] = a.stride(i - lead + skip);
    else if (n == 1) out[i] = 0;
    else return false;
  }
  return true;
}

}  // namespace cnp
