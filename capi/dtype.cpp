// dtype handles and NumPy's casting tables.
#include "capi/guard.hpp"

using namespace cnp;
using namespace cnp::capi;

extern "C" {

CNP_API cnp_status cnp_dtype_from_string(const char* spec, cnp_dtype** out) {
  return get(out, [&] {
    if (!spec) throw Error(CNP_ERR_INVALID_HANDLE, "dtype string is NULL");
    return dtype_retain(parse_dtype(spec));
  });
}

CNP_API cnp_status cnp_dtype_from_typenum(int32_t typenum, cnp_dtype** out) {
  return get(out, [&] { return dtype_retain(builtin_dtype(typenum)); });
}

CNP_API void cnp_dtype_free(cnp_dtype* dtype) {
  if (dtype && dtype->magic == kDtypeMagic) dtype_release(dtype);
}

CNP_API cnp_status cnp_dtype_typenum(const cnp_dtype* d, int32_t* out) { return get(out, [&] { return dtype_of(d)->typenum; }); }
CNP_API cnp_status cnp_dtype_itemsize(const cnp_dtype* d, int64_t* out) { return get(out, [&] { return dtype_of(d)->itemsize; }); }
CNP_API cnp_status cnp_dtype_alignment(const cnp_dtype* d, int64_t* out) { return get(out, [&] { return dtype_of(d)->alignment; }); }
CNP_API cnp_status cnp_dtype_kind(const cnp_dtype* d, int32_t* out) { return get(out, [&] { return int32_t{dtype_of(d)->kind}; }); }
CNP_API cnp_status cnp_dtype_char(const cnp_dtype* d, int32_t* out) { return get(out, [&] { return int32_t{dtype_of(d)->chr}; }); }
CNP_API cnp_status cnp_dtype_name(const cnp_dtype* d, const char** out) { return get(out, [&] { return dtype_of(d)->name.c_str(); }); }
CNP_API cnp_status cnp_dtype_str(const cnp_dtype* d, const char** out) { return get(out, [&] { return dtype_of(d)->str.c_str(); }); }

CNP_API cnp_status cnp_dtype_equal(const cnp_dtype* a, const cnp_dtype* b, int32_t* out) {
  return get(out, [&] { return int32_t{dtype_of(a)->typenum == dtype_of(b)->typenum}; });
}

CNP_API cnp_status cnp_can_cast(const cnp_dtype* from, const cnp_dtype* to, int32_t casting, int32_t* out) {
  return get(out, [&] { return int32_t{can_cast(dtype_of(from), dtype_of(to), casting)}; });
}

CNP_API cnp_status cnp_promote_types(const cnp_dtype* a, const cnp_dtype* b, cnp_dtype** out) {
  return get(out, [&] { return dtype_retain(promote_types(dtype_of(a), dtype_of(b))); });
}

CNP_API cnp_status cnp_result_type(int64_t n, const cnp_dtype* const* dtypes, cnp_dtype** out) {
  return get(out, [&] {
    if (n <= 0) throw_value("at least one array or dtype is required");
    if (!dtypes) throw Error(CNP_ERR_INVALID_HANDLE, "dtypes pointer is NULL");
    const Dtype* r = dtype_of(dtypes[0]);
    for (int64_t i = 1; i < n; ++i) r = promote_types(r, dtype_of(dtypes[i]));
    return dtype_retain(r);
  });
}

}  // extern "C"
