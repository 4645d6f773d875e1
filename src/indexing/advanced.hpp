// NumPy's advanced indexing: integer and boolean index arrays mixed with basic items.
#pragma once
#include "cnumpy/indexing.h"
#include "core/array.hpp"

namespace cnp {

// True when any item is an index array (the result is then a copy, not a view).
bool has_array_item(int32_t nitems, const cnp_index* items);
// a[items] for any index: a view for basic items, a new array with index arrays.
Array index_get(const Array& a, int32_t nitems, const cnp_index* items);
// a[items] = value (value broadcast to the indexed shape, cast unsafely).
void index_set(Array& a, int32_t nitems, const cnp_index* items, const Array& value);
// numpy.nonzero as an (ndim, count) int64 array (0-d input counts as shape (1,)).
Array nonzero(const Array& a);
// The number of nonzero elements of a bool array (any layout).
int64_t count_true(const Array& mask);

}  // namespace cnp
