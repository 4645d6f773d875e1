// Array handle lifetime and introspection.
#include "capi/guard.hpp"
#include "core/mem_overlap.hpp"

using namespace cnp;
using namespace cnp::capi;

extern "C" {

CNP_API void cnp_array_free(cnp_array* h) {
  if (!h || h->magic != kArrayMagic) return;
  // The last reference (see drop_last in core/array.cpp): no atomic RMW for a sole owner.
  if (h->refs.load(std::memory_order_acquire) == 1 || h->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    h->magic = 0;  // a later use of this pointer is reported, not trusted (best effort)
    delete h;
  }
}

CNP_API cnp_status cnp_array_retain(cnp_array* h, cnp_array** out) {
  return get(out, [&] {
    object_array_of(h);  // validates the handle
    return retain_handle(h);
  });
}

CNP_API cnp_status cnp_array_ndim(const cnp_array* h, int32_t* out) { return get(out, [&] { return object_array_of(h).ndim(); }); }
CNP_API cnp_status cnp_array_shape(const cnp_array* h, const int64_t** out) { return get(out, [&] { return object_array_of(h).shape(); }); }
CNP_API cnp_status cnp_array_strides(const cnp_array* h, const int64_t** out) { return get(out, [&] { return object_array_of(h).strides(); }); }
CNP_API cnp_status cnp_array_size(const cnp_array* h, int64_t* out) { return get(out, [&] { return object_array_of(h).size(); }); }
CNP_API cnp_status cnp_array_itemsize(const cnp_array* h, int64_t* out) { return get(out, [&] { return object_array_of(h).itemsize(); }); }
CNP_API cnp_status cnp_array_nbytes(const cnp_array* h, int64_t* out) {
  return get(out, [&] { return object_array_of(h).size() * object_array_of(h).itemsize(); });
}
CNP_API cnp_status cnp_array_data(const cnp_array* h, void** out) { return get(out, [&] { return static_cast<void*>(object_array_of(h).data()); }); }
CNP_API cnp_status cnp_array_flags(const cnp_array* h, int32_t* out) { return get(out, [&] { return object_array_of(h).flags(); }); }

CNP_API cnp_status cnp_array_dtype(const cnp_array* h, cnp_dtype** out) {
  return get(out, [&] { return dtype_retain(object_array_of(h).dtype()); });
}

CNP_API cnp_status cnp_array_set_writeable(cnp_array* h, int32_t writeable) {
  return run([&] { object_array_of(h).set_writeable(writeable != 0); });
}

CNP_API cnp_status cnp_may_share_memory(const cnp_array* a, const cnp_array* b, int32_t* out) {
  return get(out, [&] { return int32_t{may_share_memory(object_array_of(a), object_array_of(b))}; });
}
CNP_API cnp_status cnp_shares_memory(const cnp_array* a, const cnp_array* b, int64_t max_work, int32_t* out) {
  return get(out, [&] {
    const Array& x = object_array_of(a);
    const Array& y = object_array_of(b);
    if (max_work < -2) throw_value("Invalid value for max_work");
    return static_cast<int32_t>(solve_shares_memory(x, y, max_work));
  });
}

}  // extern "C"
