// The manipulation primitives (include/cnumpy/manip.h).
#include <vector>

#include "capi/guard.hpp"
#include "core/cast.hpp"
#include "indexing/advanced.hpp"
#include "manip/manip.hpp"

using namespace cnp;
using namespace cnp::capi;

extern "C" {

CNP_API cnp_status cnp_nonzero(const cnp_array* a, cnp_array** out) {
  return produce(out, [&] { return nonzero(array_of(a)); });
}

CNP_API cnp_status cnp_take(const cnp_array* a, const cnp_array* indices, const int64_t* axis, int32_t mode,
                            cnp_array** out) {
  return produce(out, [&] { return take(object_array_of(a), array_of(indices), axis, mode); });
}


CNP_API cnp_status cnp_stack(int32_t n, const cnp_array* const* arrays, int64_t axis, cnp_array* out_array,
                             const cnp_dtype* dtype, int32_t casting, cnp_array** out) {
  return produce(out, [&] {
    auto in = object_array_list(n, arrays);
    Array* o = opt_object_out(out_array);
    std::optional<ObjectWrites> w;
    if (o) w.emplace(*o);
    if (o && dtype) throw_type("stack() only takes `out` or `dtype` as an argument, but both were provided.");
    return with_cast_warnings([&] { return stack(in, axis, o, opt_object_dtype(dtype), casting); });
  });
}

CNP_API cnp_status cnp_vstack(int32_t n, const cnp_array* const* arrays, const cnp_dtype* dtype, int32_t casting,
                              cnp_array** out) {
  return produce(out, [&] {
    auto in = object_array_list(n, arrays);
    return with_cast_warnings([&] { return vstack(in, opt_object_dtype(dtype), casting); });
  });
}

CNP_API cnp_status cnp_hstack(int32_t n, const cnp_array* const* arrays, const cnp_dtype* dtype, int32_t casting,
                              cnp_array** out) {
  return produce(out, [&] {
    auto in = object_array_list(n, arrays);
    return with_cast_warnings([&] { return hstack(in, opt_object_dtype(dtype), casting); });
  });
}

CNP_API cnp_status cnp_concatenate(int32_t n, const cnp_array* const* arrays, const int64_t* axis, cnp_array* out_array,
                                   const cnp_dtype* dtype, int32_t casting, cnp_array** out) {
  return produce(out, [&] {
    auto in = object_array_list(n, arrays);
    Array* o = opt_object_out(out_array);
    std::optional<ObjectWrites> w;
    if (o) w.emplace(*o);
    return with_cast_warnings([&] { return concatenate(in, axis, o, opt_object_dtype(dtype), casting); });
  });
}

CNP_API cnp_status cnp_repeat(const cnp_array* a, const cnp_array* repeats, const int64_t* axis, cnp_array** out) {
  return produce(out, [&] { return repeat(object_array_of(a), array_of(repeats), axis); });
}

CNP_API cnp_status cnp_broadcast_to(const cnp_array* a, int32_t ndim, const int64_t* shape, cnp_array** out) {
  return produce(out, [&] { return broadcast_view(object_array_of(a), ndim, shape); });
}

CNP_API cnp_status cnp_diagonal(const cnp_array* a, int64_t offset, int64_t axis1, int64_t axis2, cnp_array** out) {
  return produce(out, [&] { return diagonal(object_array_of(a), offset, axis1, axis2); });
}

CNP_API cnp_status cnp_as_strided(const cnp_array* a, int32_t ndim, const int64_t* shape, const int64_t* strides,
                                  int32_t writeable, cnp_array** out) {
  return produce(out, [&] { return as_strided(any_array_of(a), ndim, shape, strides, writeable != 0); });
}

}  // extern "C"
