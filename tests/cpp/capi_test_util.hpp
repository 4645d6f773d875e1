// Helpers shared by the C ABI tests: an owning array handle and a dtype by type number.
#pragma once
#include <catch2/catch.hpp>

#include "cnumpy/cnumpy.h"

namespace capi_test {

// Frees the array it holds; pass out() where the C API wants a cnp_array** result.
struct Handle {
  cnp_array* h = nullptr;
  Handle() = default;
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() { cnp_array_free(h); }
  cnp_array** out() { return &h; }
  operator cnp_array*() const { return h; }
};

// A builtin dtype (the caller frees it with cnp_dtype_free).
inline cnp_dtype* dtype(int32_t t) {
  cnp_dtype* d = nullptr;
  REQUIRE(cnp_dtype_from_typenum(t, &d) == CNP_OK);
  return d;
}

}  // namespace capi_test
