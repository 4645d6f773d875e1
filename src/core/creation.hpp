// numpy's array creation routines.
#pragma once
#include "cnumpy/core.h"
#include "core/array.hpp"

namespace cnp {

enum class Init { Empty, Zeros, Ones };
Array make_array(int32_t ndim, const int64_t* shape, const Dtype* dtype, int32_t order, Init init);
Array make_like(const Array& proto, const Dtype* dtype, int32_t order, int32_t ndim, const int64_t* shape, Init init);
Array full(int32_t ndim, const int64_t* shape, const Array& fill_value, const Dtype* dtype, int32_t order);
Array full_like(const Array& proto, const Array& fill_value, const Dtype* dtype, int32_t order, int32_t ndim, const int64_t* shape);
Array arange(const cnp_scalar* start, const cnp_scalar* stop, const cnp_scalar* step, const Dtype* dtype);
Array linspace(const Array& start, const Array& stop, int64_t num, bool endpoint, const Dtype* dtype, int64_t axis, Array* step_out);
Array logspace(const Array& start, const Array& stop, int64_t num, bool endpoint, const Array* base, const Dtype* dtype, int64_t axis);
Array geomspace(const Array& start, const Array& stop, int64_t num, bool endpoint, const Dtype* dtype, int64_t axis);
Array eye(int64_t n, int64_t m, int64_t k, const Dtype* dtype, int32_t order);
Array from_scalar(const cnp_scalar& value, const Dtype* dtype);

// A broadcast view (broadcasting rules themselves: core/broadcast.hpp).
Array broadcast_to(const Array& a, int32_t ndim, const int64_t* shape);
// moveaxis(a, source, destination) as a view.
Array moveaxis(const Array& a, int64_t source, int64_t destination);

}  // namespace cnp
