// C entry points of include/cnumpy/indexing.h: a[index] (views for basic indexing, copies for
// advanced), a[index] = value, and single elements as scalars; the work is src/indexing and
// core/views.
#include <cstring>

#include "capi/guard.hpp"
#include "cnumpy/indexing.h"
#include "core/cast.hpp"
#include "core/views.hpp"
#include "indexing/advanced.hpp"

using namespace cnp;
using namespace cnp::capi;

extern "C" {

CNP_API cnp_status cnp_array_index(const cnp_array* h, int32_t nitems, const cnp_index* items, cnp_array** out) {
  return produce(out, [&] {
    // Basic indexing only moves pointers: every descriptor; advanced indexing copies through the
    // numeric engines' element loops.
    bool basic = true;
    for (int32_t i = 0; i < nitems && items; ++i) basic &= items[i].kind != CNP_INDEX_ARRAY;
    return index_get(basic ? any_array_of(h) : array_of(h), nitems, items);
  });
}

CNP_API cnp_status cnp_array_getitem(const cnp_array* h, int32_t nindex, const int64_t* idx, cnp_scalar* out) {
  return get(out, [&] {
    const Array& a = any_array_of(h);
    return load_scalar(a.dtype(), element_ptr(a, nindex, idx));
  });
}

CNP_API cnp_status cnp_array_setitem(cnp_array* h, int32_t nindex, const int64_t* idx, const cnp_scalar* value) {
  return run([&] {
    Array& a = any_array_of(h);
    if (!value) throw Error(CNP_ERR_INVALID_HANDLE, "scalar pointer is NULL");
    char* p = element_ptr(a, nindex, idx);
    a.require_writeable();
    alignas(16) char item[16];
    store_scalar(*value, a.dtype(), item);  // convert first: a failed conversion leaves the array untouched
    std::memcpy(p, item, static_cast<size_t>(a.itemsize()));
  });
}

CNP_API cnp_status cnp_array_getitem_bytes(const cnp_array* h, int32_t nindex, const int64_t* idx, void* buf,
                                           int64_t size) {
  return run([&] {
    const Array& a = any_array_of(h);
    if (!buf && size > 0) throw Error(CNP_ERR_INVALID_HANDLE, "buffer pointer is NULL");
    if (size != a.itemsize()) throw_value("buffer size " + std::to_string(size) + " is not the itemsize " + std::to_string(a.itemsize()));
    std::memcpy(buf, element_ptr(a, nindex, idx), static_cast<size_t>(size));
  });
}

CNP_API cnp_status cnp_array_setitem_bytes(cnp_array* h, int32_t nindex, const int64_t* idx, const void* buf,
                                           int64_t size) {
  return run([&] {
    Array& a = any_array_of(h);
    if (!buf && size > 0) throw Error(CNP_ERR_INVALID_HANDLE, "buffer pointer is NULL");
    if (size != a.itemsize()) throw_value("buffer size " + std::to_string(size) + " is not the itemsize " + std::to_string(a.itemsize()));
    char* p = element_ptr(a, nindex, idx);
    a.require_writeable();
    std::memmove(p, buf, static_cast<size_t>(size));
  });
}

CNP_API cnp_status cnp_array_index_assign(cnp_array* h, int32_t nitems, const cnp_index* items, const cnp_array* value) {
  return run([&] {
    // Basic indexing and assignments between equal descriptors take any dtype; advanced indexing
    // with a cast goes through the numeric path.
    Array& a0 = any_array_of(h);
    const Array& v0 = any_array_of(value);
    bool basic = true;
    for (int32_t i = 0; i < nitems && items; ++i) basic &= items[i].kind != CNP_INDEX_ARRAY;
    // Basic indexing assigns through assign(): casts between any descriptors.
    bool bytes_only = basic || dtype_equal(a0.dtype(), v0.dtype());
    Array& a = bytes_only ? a0 : array_of(h);
    const Array& v = bytes_only ? v0 : array_of(value);
    with_cast_warnings([&] { index_set(a, nitems, items, v); });
  });
}

}  // extern "C"
