// NumPy's result_type over a sequence of descriptors (PyArray_PromoteDTypeSequence): the
// data-movement functions (concatenate, where, choose ...) pick their result dtype with it.
#pragma once
#include <cstddef>

#include "core/dtype.hpp"

namespace cnp {

// The common descriptor of ds[0..n) (n >= 1) in native byte order, promoted pairwise
// (promote_any); when some pair has no common dtype, NumPy's DTypePromotionError message for
// the whole sequence ("The DType <class ...> could not be promoted by <class ...>. ...").
DtypeRef promote_sequence(const Dtype* const* ds, size_t n);

}  // namespace cnp
