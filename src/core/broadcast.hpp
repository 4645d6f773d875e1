// NumPy's broadcasting rules, in one place: the common shape of n arrays (with the two wordings
// NumPy uses for a mismatch) and the strides of one array stretched to a shape. Traversal is
// core/iter.hpp's; broadcast views (broadcast_to) are core/creation.hpp's.
#pragma once
#include <cstdint>

#include "core/array.hpp"

namespace cnp {

// numpy.broadcast / broadcast_arrays name the mismatching arguments ("shape mismatch: objects
// cannot be broadcast to a single shape.  Mismatch is at arg 1 with shape (4,) and arg 0 with
// shape (3,)."); a ufunc lists every operand's shape ("operands could not be broadcast together
// with shapes (2,3) (4,) ").
enum class BroadcastError { Broadcast, Ufunc };

// The broadcast shape of n arrays, written to shape (kMaxDims entries); returns its ndim.
int32_t broadcast_shape(int n, const Array* const* arrays, int64_t* shape,
                        BroadcastError style = BroadcastError::Broadcast);

// Strides of `a` broadcast to `ndim`/`shape` (0 on stretched axes); false if not broadcastable.
// Extra leading axes of length 1 are dropped, as NumPy does when assigning (1, 3) into (3,).
bool broadcast_strides(const Array& a, int32_t ndim, const int64_t* shape, int64_t* out);

}  // namespace cnp
