// numpy.take: the indices normalised by mode, then NumPy's a[:, ..., indices] on the axis.
#include <cstring>

#include "core/cast.hpp"
#include "core/error.hpp"
#include "core/views.hpp"
#include "indexing/advanced.hpp"
#include "manip/manip.hpp"

namespace cnp {

Array take(const Array& a0, const Array& indices, const int64_t* axis, int32_t mode) {
  if (mode < CNP_MODE_RAISE || mode > CNP_MODE_CLIP) throw_value("clipmode must be one of 'clip', 'raise', or 'wrap'");
  check_cast(indices.dtype(), builtin_dtype(CNP_INT64), CNP_CASTING_SAFE);
  Array a = axis ? a0 : ravel(a0, CNP_ORDER_C);
  const int32_t ax = axis ? static_cast<int32_t>(normalize_axis(*axis, a.ndim())) : 0;
  const int64_t n = a.shape(ax);
  if (n == 0 && indices.size() > 0) throw_index("cannot do a non-empty take from an empty axes.");
  Array idx = indices;
  if (mode != CNP_MODE_RAISE && indices.size() > 0) {
    idx = cast_copy(indices, builtin_dtype(CNP_INT64), CNP_ORDER_C);
    int64_t* v = reinterpret_cast<int64_t*>(idx.data());
    for (int64_t i = 0, m = idx.size(); i < m; ++i) {
      if (mode == CNP_MODE_WRAP) {
        v[i] %= n;
        if (v[i] < 0) v[i] += n;
      } else {
        v[i] = v[i] < 0 ? 0 : (v[i] >= n ? n - 1 : v[i]);
      }
    }
  }
  cnp_array box{kArrayMagic, {1}, idx};
  cnp_index items[kMaxDims + 1];
  for (int32_t d = 0; d < ax; ++d) items[d] = cnp_index{CNP_INDEX_SLICE, 0, 0, 0, 1, nullptr};
  items[ax] = cnp_index{CNP_INDEX_ARRAY, 0, 0, 0, 0, &box};
  return index_get(a, ax + 1, items);
}

}  // namespace cnp
