// ufunc.reduce / accumulate / reduceat / at for any binary ufunc (and at for unary ones), with
// NumPy's type resolution, identities, reorderability rules and messages.
#pragma once
#include <cstdint>

#include "cnumpy/indexing.h"
#include "core/array.hpp"
#include "reduce/reduce.hpp"
#include "ufunc/ufunc.hpp"

namespace cnp::reduce {

// The ufunc with NumPy name `name` or a declared alias ("true_divide", "mod", ...); ValueError if none.
ufunc::Id ufunc_id(const char* name);

// skip_identity: NumPy's initial=None (start from the first element even if the ufunc has an
// identity). initial overrides the identity.
Array method_reduce(ufunc::Id id, const Array& a, const Axes& ax, const Dtype* dtype, Array* out, bool keepdims,
                    const Array* initial, bool skip_identity, const Array* where);
Array method_accumulate(ufunc::Id id, const Array& a, int64_t axis, const Dtype* dtype, Array* out);
Array method_reduceat(ufunc::Id id, const Array& a, const Array& indices, int64_t axis, const Dtype* dtype,
                      Array* out);
// a[items] = f(a[items], b) unbuffered (repeated indices apply repeatedly); b is NULL for unary f.
void method_at(ufunc::Id id, Array& a, int32_t nitems, const cnp_index* items, const Array* b);

}  // namespace cnp::reduce
