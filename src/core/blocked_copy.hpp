// Cache-blocked copies for transposed layouts (ascontiguousarray(a.T) and every cast/copy whose
// source and destination are contiguous along different axes).
#pragma once
#include "core/array.hpp"
#include "core/cast.hpp"

namespace cnp {

// dst[...] = loop(src[...]) in square tiles when dst's fastest axis is a slow axis of src (and
// the other way round); returns false (nothing done) when the layouts do not call for it.
bool blocked_copy(Array& dst, const Array& src, const int64_t* src_strides, CastLoop loop);

}  // namespace cnp
