// Shape changes and basic indexing: views whenever the strides allow, as NumPy does.
#pragma once
#include <string>
#include "cnumpy/indexing.h"
#include "core/array.hpp"

namespace cnp {

Array reshape(const Array& a, int32_t ndim, const int64_t* shape, int32_t order);
Array ravel(const Array& a, int32_t order);
Array flatten(const Array& a, int32_t order);
Array transpose(const Array& a, const int64_t* axes, int32_t naxes);
Array index(const Array& a, int32_t nitems, const cnp_index* items);
// Address of a[index...] for a full integer index (negative allowed), with NumPy's IndexErrors.
char* element_ptr(const Array& a, int32_t nindex, const int64_t* index);

// ndarray.view(dtype) with NumPy's itemsize rules; a[name] of a record array; byteswap in place.
Array view_dtype(const Array& a, const Dtype* dtype);
Array field_view(const Array& a, const std::string& name);
void byteswap_array(Array& a);
// a == b (or a != b) elementwise for any descriptors with a common dtype, comparing bytes.
Array equal_any(const Array& a, const Array& b, bool negate);

}  // namespace cnp
