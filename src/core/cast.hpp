// Element conversions between the builtin dtypes, as 1-D strided loops, plus scalar conversions.
#pragma once
#include <cstdint>

#include "cnumpy/core.h"
#include "core/array.hpp"

namespace cnp {

using CastLoop = void (*)(const char* src, int64_t src_stride, char* dst, int64_t dst_stride, int64_t n);
CastLoop cast_loop(int32_t from, int32_t to);
// dst = src for n elements of `itemsize` bytes whatever their dtype (strings, datetimes, records,
// byte-swapped numbers): the data-movement functions (indexing, take, concatenate, where ...)
// copy elements with this instead of a typed cast loop.
void copy_items(const char* src, int64_t src_stride, char* dst, int64_t dst_stride, int64_t n, int64_t itemsize);

// Writes one element of `dtype` at dst from a cnp_scalar. Weak (Python) scalars follow NumPy's
// Python-value rules (OverflowError for out-of-bound ints, TypeError for complex into real, ...);
// typed scalars cast like astype(casting='unsafe').
void store_scalar(const cnp_scalar& value, const Dtype* dtype, char* dst);
// Reads one element as a scalar of the array's own type.
cnp_scalar load_scalar(const Dtype* dtype, const char* src);
// Validates a scalar's typenum (TypeError for unknown ones).
const Dtype* scalar_dtype(const cnp_scalar& value);

// dst[...] = src[...] over broadcast shapes, cast with the given rule, only where `where` (a bool
// array or nullptr) is true. Handles memory overlap between src and dst.
void assign(Array& dst, const Array& src, int32_t casting, const Array* where = nullptr);
// Fills every element of dst with one scalar.
void fill(Array& dst, const cnp_scalar& value);
// A new array of dtype with src's values (order: CNP_ORDER_C/F/A/K layout rules).
Array cast_copy(const Array& src, const Dtype* dtype, int32_t order);
// NumPy's ComplexWarning when a complex value is cast to a real (non-bool) type.
void warn_if_discarding_imag(bool from_complex, const Dtype* to);
// Raises NumPy's TypeError when from -> to breaks the casting rule.
void check_cast(const Dtype* from, const Dtype* to, int32_t casting);

}  // namespace cnp
