// Helpers shared by the C ABI tests: an owning array handle and a dtype by type number.
#pragma once
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "cnumpy/cnumpy.h"

namespace capi_test {

// Frees the array it holds; pass out() where the C API wants a cnp_array** result.
struct Handle {
  cnp_array* h = nullptr;
  Handle() = default;
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() { cnp_array_free(h); }
  cnp_array** out() {  // frees what it held: a Handle can take several results in turn
    cnp_array_free(h);
    h = nullptr;
    return &h;
  }
  operator cnp_array*() const { return h; }
};

// The array's dtype.str ("<U5", "|S3").
inline std::string dtype_str(const cnp_array* a) {
  cnp_dtype* d = nullptr;
  REQUIRE(cnp_array_dtype(a, &d) == CNP_OK);
  const char* s = nullptr;
  REQUIRE(cnp_dtype_str(d, &s) == CNP_OK);
  std::string r = s;
  cnp_dtype_free(d);
  return r;
}

// A builtin dtype (the caller frees it with cnp_dtype_free).
inline cnp_dtype* dtype(int32_t t) {
  cnp_dtype* d = nullptr;
  REQUIRE(cnp_dtype_from_typenum(t, &d) == CNP_OK);
  return d;
}

// An array of C type T (typenum its dtype) with the given shape holding first, first + 1, ...
template <class T>
void iota(Handle& out, int32_t typenum, std::vector<int64_t> shape, T first = 0) {
  cnp_dtype* d = dtype(typenum);
  REQUIRE(cnp_empty(static_cast<int32_t>(shape.size()), shape.data(), d, CNP_ORDER_C, out.out()) == CNP_OK);
  cnp_dtype_free(d);
  int64_t n = 0;
  cnp_array_size(out, &n);
  void* p = nullptr;
  cnp_array_data(out, &p);
  for (int64_t i = 0; i < n; ++i) static_cast<T*>(p)[i] = first + static_cast<T>(i);
}

}  // namespace capi_test
