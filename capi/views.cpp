// Views, shape changes, fill and casting (include/cnumpy/core.h).
#include "capi/guard.hpp"
#include "core/cast.hpp"
#include "core/views.hpp"
#include "core/cast_any.hpp"
#include "datetime/casts.hpp"

using namespace cnp;
using namespace cnp::capi;

extern "C" {

CNP_API cnp_status cnp_reshape(const cnp_array* h, int32_t ndim, const int64_t* shape, int32_t order, cnp_array** out) {
  return produce(out, [&] { return reshape(object_array_of(h), ndim, shape, order); });
}
CNP_API cnp_status cnp_ravel(const cnp_array* h, int32_t order, cnp_array** out) {
  return produce(out, [&] { return ravel(object_array_of(h), order); });
}
CNP_API cnp_status cnp_flatten(const cnp_array* h, int32_t order, cnp_array** out) {
  return produce(out, [&] { return flatten(object_array_of(h), order); });
}
CNP_API cnp_status cnp_transpose(const cnp_array* h, const int64_t* axes, int32_t naxes, cnp_array** out) {
  return produce(out, [&] { return transpose(object_array_of(h), axes, axes_count(axes, naxes)); });
}
CNP_API cnp_status cnp_array_fill(cnp_array* h, const cnp_scalar* value) {
  return run([&] {
    if (!value) throw Error(CNP_ERR_INVALID_HANDLE, "scalar pointer is NULL");
    fill(any_array_of(h), *value);
  });
}

CNP_API cnp_status cnp_astype(const cnp_array* h, const cnp_dtype* dtype, int32_t order, int32_t casting, int32_t copy,
                              cnp_array** out) {
  return get(out, [&] {
    const Array& a = object_array_of(h);
    DtypeRef target = adapt_flexible(a.dtype(), object_dtype_of(dtype));
    // Strings to the unitless datetime64: the unit the strings give (NumPy's string discovery).
    if (target->kind == 'M' && target->unit == kUnitGeneric && (a.dtype()->kind == 'S' || a.dtype()->kind == 'U'))
      target = dt::infer_text_datetime(a);
    const Dtype* d = target.get();
    check_cast(a.dtype(), d, casting);
    if (order < CNP_ORDER_C || order > CNP_ORDER_K) throw_value("order must be one of 'C', 'F', 'A', or 'K'");
    bool layout_ok = order == CNP_ORDER_K || (order == CNP_ORDER_A && (a.c_contiguous() || a.f_contiguous())) ||
                     (order == CNP_ORDER_C ? a.c_contiguous() : order == CNP_ORDER_F && a.f_contiguous());
    // No conversion needed: the input itself (NumPy's `is` identity), so a handle, not an Array.
    if (!copy && dtype_equal(d, a.dtype()) && layout_ok) return retain_handle(h);
    Array c = with_cast_warnings([&] { return cast_copy(a, d, order); });
    if (is_object(d)) settle_new(c);  // handed out without produce (docs/object-dtype.md)
    return new_handle(std::move(c));
  });
}

CNP_API cnp_status cnp_array_view(const cnp_array* h, const cnp_dtype* dtype, cnp_array** out) {
  return produce(out, [&] {
    const Array& a = object_array_of(h);
    const Dtype* d = object_dtype_of(dtype);
    // Object memory seen as anything else (or the other way) would forge references.
    if (is_object(a.dtype()) != is_object(d)) throw_type("Cannot change data-type for object array.");
    return view_dtype(a, d);
  });
}

CNP_API cnp_status cnp_array_field(const cnp_array* h, const char* name, cnp_array** out) {
  return produce(out, [&] {
    if (!name) throw Error(CNP_ERR_INVALID_HANDLE, "field name is NULL");
    return field_view(any_array_of(h), name);
  });
}

CNP_API cnp_status cnp_array_byteswap(cnp_array* h, int32_t inplace, cnp_array** out) {
  return produce(out, [&] {
    Array& a = any_array_of(h);
    if (inplace) {
      a.require_writeable();
      byteswap_array(a);
      return a;
    }
    Array c = cast_copy(a, a.dtype(), CNP_ORDER_K);
    byteswap_array(c);
    return c;
  });
}

CNP_API cnp_status cnp_equal_any(const cnp_array* a, const cnp_array* b, int32_t not_equal, cnp_array** out) {
  return produce(out, [&] { return equal_any(any_array_of(a), any_array_of(b), not_equal != 0); });
}

CNP_API cnp_status cnp_copyto(cnp_array* dst, const cnp_array* src, int32_t casting, const cnp_array* where) {
  return run([&] {
    Array& d = object_array_of(dst);
    const Array& s = object_array_of(src);
    ObjectWrites w(d);  // settles the references written into an object array
    with_cast_warnings([&] { assign(d, s, casting, opt_array(where)); });
  });
}

}  // extern "C"
