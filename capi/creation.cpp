// numpy array creation routines.
#include "capi/guard.hpp"
#include "core/cast.hpp"
#include "core/creation.hpp"

#include <cstring>

using namespace cnp;
using namespace cnp::capi;

// NumPy gives an unsized "S" / "U" in a creation call one character. objects: the call makes
// an object array of Nones (empty), which the object dtype allows; the others write numbers.
static DtypeRef sized(const cnp_dtype* dtype, bool objects = false) {
  if (!dtype) return DtypeRef();
  const Dtype* t = objects ? object_dtype_of(dtype) : any_dtype_of(dtype);
  if ((t->kind == 'S' || t->kind == 'U') && t->itemsize == 0) return make_flexible(t->kind, 1, t->byteorder == '|' ? '=' : t->byteorder);
  return DtypeRef::borrow(t);
}

extern "C" {

CNP_API cnp_status cnp_empty(int32_t ndim, const int64_t* shape, const cnp_dtype* dtype, int32_t order, cnp_array** out) {
  return produce(out, [&] { return make_array(ndim, shape, sized(dtype, true).get(), order, Init::Empty); });
}
CNP_API cnp_status cnp_zeros(int32_t ndim, const int64_t* shape, const cnp_dtype* dtype, int32_t order, cnp_array** out) {
  return produce(out, [&] { return make_array(ndim, shape, sized(dtype).get(), order, Init::Zeros); });
}
CNP_API cnp_status cnp_ones(int32_t ndim, const int64_t* shape, const cnp_dtype* dtype, int32_t order, cnp_array** out) {
  return produce(out, [&] { return make_array(ndim, shape, sized(dtype).get(), order, Init::Ones); });
}
CNP_API cnp_status cnp_full(int32_t ndim, const int64_t* shape, const cnp_array* fill_value, const cnp_dtype* dtype,
                            int32_t order, cnp_array** out) {
  return produce(out, [&] { return full(ndim, shape, any_array_of(fill_value), sized(dtype).get(), order); });
}

CNP_API cnp_status cnp_empty_like(const cnp_array* proto, const cnp_dtype* dtype, int32_t order, int32_t ndim,
                                  const int64_t* shape, cnp_array** out) {
  return produce(out, [&] { return make_like(object_array_of(proto), sized(dtype, true).get(), order, ndim, shape, Init::Empty); });
}
CNP_API cnp_status cnp_zeros_like(const cnp_array* proto, const cnp_dtype* dtype, int32_t order, int32_t ndim,
                                  const int64_t* shape, cnp_array** out) {
  return produce(out, [&] { return make_like(any_array_of(proto), sized(dtype).get(), order, ndim, shape, Init::Zeros); });
}
CNP_API cnp_status cnp_ones_like(const cnp_array* proto, const cnp_dtype* dtype, int32_t order, int32_t ndim,
                                 const int64_t* shape, cnp_array** out) {
  return produce(out, [&] { return make_like(any_array_of(proto), sized(dtype).get(), order, ndim, shape, Init::Ones); });
}
CNP_API cnp_status cnp_full_like(const cnp_array* proto, const cnp_array* fill_value, const cnp_dtype* dtype, int32_t order,
                                 int32_t ndim, const int64_t* shape, cnp_array** out) {
  return produce(out, [&] {
    return full_like(any_array_of(proto), any_array_of(fill_value), sized(dtype).get(), order, ndim, shape);
  });
}

CNP_API cnp_status cnp_arange(const cnp_scalar* start, const cnp_scalar* stop, const cnp_scalar* step,
                              const cnp_dtype* dtype, cnp_array** out) {
  return produce(out, [&] { return arange(start, stop, step, opt_dtype(dtype)); });
}

CNP_API cnp_status cnp_linspace(const cnp_array* start, const cnp_array* stop, int64_t num, int32_t endpoint,
                                const cnp_dtype* dtype, int64_t axis, cnp_array** out, cnp_array** step_out) {
  return produce({Result{out}, Result{step_out, true}}, [&](auto& r) {
    r[0] = linspace(array_of(start), array_of(stop), num, endpoint != 0, opt_dtype(dtype), axis,
                    step_out ? &r[1].emplace() : nullptr);
  });
}

CNP_API cnp_status cnp_logspace(const cnp_array* start, const cnp_array* stop, int64_t num, int32_t endpoint,
                                const cnp_array* base, const cnp_dtype* dtype, int64_t axis, cnp_array** out) {
  return produce(out, [&] {
    return logspace(array_of(start), array_of(stop), num, endpoint != 0, opt_array(base), opt_dtype(dtype), axis);
  });
}

CNP_API cnp_status cnp_geomspace(const cnp_array* start, const cnp_array* stop, int64_t num, int32_t endpoint,
                                 const cnp_dtype* dtype, int64_t axis, cnp_array** out) {
  return produce(out, [&] {
    return geomspace(array_of(start), array_of(stop), num, endpoint != 0, opt_dtype(dtype), axis);
  });
}

CNP_API cnp_status cnp_eye(int64_t n, int64_t m, int64_t k, const cnp_dtype* dtype, int32_t order, cnp_array** out) {
  return produce(out, [&] { return eye(n, m, k, opt_dtype(dtype), order); });
}

CNP_API cnp_status cnp_identity(int64_t n, const cnp_dtype* dtype, cnp_array** out) {
  return produce(out, [&] { return eye(n, n, 0, opt_dtype(dtype), CNP_ORDER_C); });
}

CNP_API cnp_status cnp_copy(const cnp_array* h, int32_t order, cnp_array** out) {
  return produce(out, [&] {
    const Array& a = object_array_of(h);
    return cast_copy(a, a.dtype(), order);
  });
}

CNP_API cnp_status cnp_array_from_scalar(const cnp_scalar* value, const cnp_dtype* dtype, cnp_array** out) {
  return produce(out, [&] {
    if (!value) throw Error(CNP_ERR_INVALID_HANDLE, "scalar pointer is NULL");
    return from_scalar(*value, opt_dtype(dtype));
  });
}

// The element count of a described buffer; its pointer may be NULL only when it holds nothing.
static const Dtype* checked_buffer(const void* data, const cnp_dtype* dtype, int32_t ndim, const int64_t* shape) {
  const Dtype* d = object_dtype_of(dtype);
  if (checked_size(ndim, shape, d->itemsize) > 0 && !data) throw Error(CNP_ERR_INVALID_HANDLE, "data pointer is NULL");
  return d;
}

CNP_API cnp_status cnp_array_from_data(const void* data, const cnp_dtype* dtype, int32_t ndim, const int64_t* shape,
                                       const int64_t* strides, cnp_array** out) {
  return produce(out, [&] {
    const Dtype* d = checked_buffer(data, dtype, ndim, shape);
    static char empty_source;
    // Object references are copied as 8-byte items; produce settles them (docs/object-dtype.md).
    const Dtype* through = is_object(d) ? builtin_dtype(CNP_UINT64) : d;
    Array src = Array::wrap(data ? static_cast<char*>(const_cast<void*>(data)) : &empty_source, through, ndim, shape,
                            strides, false, nullptr, nullptr);
    Array copy = cast_copy(src, through, CNP_ORDER_C);
    if (!is_object(d)) return copy;
    Array objects = Array::allocate(d, ndim, shape, CNP_ORDER_C);
    if (objects.size() > 0) std::memcpy(objects.data(), copy.data(), static_cast<size_t>(objects.size() * 8));
    return objects;
  });
}

CNP_API cnp_status cnp_array_wrap(void* data, const cnp_dtype* dtype, int32_t ndim, const int64_t* shape,
                                  const int64_t* strides, int32_t writeable, cnp_deleter deleter, void* deleter_ctx,
                                  cnp_array** out) {
  return produce(out, [&] {
    const Dtype* d = checked_buffer(data, dtype, ndim, shape);
    return Array::wrap(static_cast<char*>(data), d, ndim, shape, strides, writeable != 0, deleter, deleter_ctx);
  });
}

}  // extern "C"
