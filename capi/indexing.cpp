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
    // Indexing only moves elements (views, or copies of itemsize bytes): every descriptor.
    return index_get(object_array_of(h), nitems, items);
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
    const Array& a = object_array_of(h);  // an object element: the reference, borrowed
    if (!buf && size > 0) throw Error(CNP_ERR_INVALID_HANDLE, "buffer pointer is NULL");
    if (size != a.itemsize()) throw_value("buffer size " + std::to_string(size) + " is not the itemsize " + std::to_string(a.itemsize()));
    std::memcpy(buf, element_ptr(a, nindex, idx), static_cast<size_t>(size));
  });
}

CNP_API cnp_status cnp_array_setitem_bytes(cnp_array* h, int32_t nindex, const int64_t* idx, const void* buf,
                                           int64_t size) {
  return run([&] {
    Array& a = object_array_of(h);
    if (!buf && size > 0) throw Error(CNP_ERR_INVALID_HANDLE, "buffer pointer is NULL");
    if (size != a.itemsize()) throw_value("buffer size " + std::to_string(size) + " is not the itemsize " + std::to_string(a.itemsize()));
    char* p = element_ptr(a, nindex, idx);
    a.require_writeable();
    if (is_object(a.dtype())) {  // the bytes are a reference: the slot takes a new one
      void* obj;
      std::memcpy(&obj, buf, sizeof obj);
      return store_object(p, obj);
    }
    std::memmove(p, buf, static_cast<size_t>(size));
  });
}

CNP_API cnp_status cnp_array_index_assign(cnp_array* h, int32_t nitems, const cnp_index* items, const cnp_array* value) {
  return run([&] {
    // Every descriptor: the value is cast to a's descriptor (any pair cast_any knows), then its
    // elements are moved as bytes.
    Array& a = object_array_of(h);
    const Array& v = object_array_of(value);
    ObjectWrites w(a);  // settles the references written into an object array
    with_cast_warnings([&] { index_set(a, nitems, items, v); });
  });
}

}  // extern "C"
