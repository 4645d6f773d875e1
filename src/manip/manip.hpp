// Array manipulation primitives behind numpy.take/concatenate/repeat/broadcast_to/diagonal.
#pragma once
#include <vector>

#include "cnumpy/manip.h"
#include "core/array.hpp"

namespace cnp {

// axis nullptr: NumPy's axis=None (flattened input).
Array take(const Array& a, const Array& indices, const int64_t* axis, int32_t mode);
Array concatenate(const std::vector<const Array*>& arrays, const int64_t* axis, Array* out, const Dtype* dtype,
                  int32_t casting);
Array stack(const std::vector<const Array*>& arrays, int64_t axis, Array* out, const Dtype* dtype, int32_t casting);
Array vstack(const std::vector<const Array*>& arrays, const Dtype* dtype, int32_t casting);
Array hstack(const std::vector<const Array*>& arrays, const Dtype* dtype, int32_t casting);
Array repeat(const Array& a, const Array& repeats, const int64_t* axis);
Array broadcast_view(const Array& a, int32_t ndim, const int64_t* shape);
Array diagonal(const Array& a, int64_t offset, int64_t axis1, int64_t axis2);
Array as_strided(const Array& a, int32_t ndim, const int64_t* shape, const int64_t* strides, bool writeable);

}  // namespace cnp
