// The C ABI of the printer (cnp_array_repr/str, print options) and of DLPack exchange. Exact
// NumPy agreement over many inputs is tested from Python against NumPy itself (test_print.py,
// test_dlpack.py); these check the C contract: ownership of strings, options, deleters.
#include <catch2/catch.hpp>

#include "capi_test_util.hpp"
#include <dlpack/dlpack.h>

#include <string>
#include <vector>

#include "cnumpy/cnumpy.h"

namespace {

using capi_test::Handle;
using capi_test::dtype;

void from_doubles(const std::vector<double>& v, int32_t ndim, const int64_t* shape, int32_t t, Handle& out) {
  Handle tmp;
  REQUIRE(cnp_array_from_data(v.data(), dtype(CNP_FLOAT64), ndim, shape, nullptr, tmp.out()) == CNP_OK);
  if (t == CNP_FLOAT64) {
    REQUIRE(cnp_copy(tmp, CNP_ORDER_C, out.out()) == CNP_OK);
    return;
  }
  REQUIRE(cnp_astype(tmp, dtype(t), CNP_ORDER_K, CNP_CASTING_UNSAFE, 1, out.out()) == CNP_OK);
}

std::string take(char* s) {
  REQUIRE(s != nullptr);
  std::string r(s);
  cnp_string_free(s);
  return r;
}

std::string repr(const cnp_array* a) {
  char* s = nullptr;
  REQUIRE(cnp_array_repr(a, &s) == CNP_OK);
  return take(s);
}

std::string str(const cnp_array* a) {
  char* s = nullptr;
  REQUIRE(cnp_array_str(a, &s) == CNP_OK);
  return take(s);
}

}  // namespace

TEST_CASE("repr and str through the C ABI", "[print]") {
  const int64_t shape[] = {2, 3};
  Handle a;
  from_doubles({0.5, 1, 2.25, -3, 1e-3, 7}, 2, shape, CNP_FLOAT64, a);
  CHECK(repr(a) == "array([[ 5.00e-01,  1.00e+00,  2.25e+00],\n       [-3.00e+00,  1.00e-03,  7.00e+00]])");
  CHECK(str(a) == "[[ 5.00e-01  1.00e+00  2.25e+00]\n [-3.00e+00  1.00e-03  7.00e+00]]");
  Handle f2;
  const int64_t two = 2;
  from_doubles({1, 1e9}, 1, &two, CNP_FLOAT32, f2);
  CHECK(repr(f2) == "array([1.e+00, 1.e+09], dtype=float32)");
  Handle i;
  from_doubles({1, -20, 300}, 1, shape + 1, CNP_INT16, i);
  CHECK(repr(i) == "array([  1, -20, 300], dtype=int16)");
  Handle e;
  const int64_t empty_shape[] = {0, 3};
  REQUIRE(cnp_zeros(2, empty_shape, dtype(CNP_FLOAT64), CNP_ORDER_C, e.out()) == CNP_OK);
  CHECK(repr(e) == "array([], shape=(0, 3), dtype=float64)");
  Handle z;
  from_doubles({2.5}, 0, nullptr, CNP_COMPLEX128, z);
  CHECK(repr(z) == "array(2.5+0.j)");
  CHECK(str(z) == "(2.5+0j)");
}

TEST_CASE("printing errors leave the out pointer NULL", "[print]") {
  char* s = reinterpret_cast<char*>(1);
  CHECK(cnp_array_repr(nullptr, &s) == CNP_ERR_INVALID_HANDLE);
  CHECK(s == nullptr);
  Handle a;
  from_doubles({1}, 0, nullptr, CNP_FLOAT64, a);
  CHECK(cnp_array_str(a, nullptr) == CNP_ERR_INVALID_HANDLE);
  cnp_string_free(nullptr);
}

TEST_CASE("print options round trip and validation", "[print]") {
  cnp_printoptions saved{};
  REQUIRE(cnp_get_printoptions(&saved) == CNP_OK);
  CHECK(saved.precision == 8);
  CHECK(saved.threshold == 1000);
  CHECK(saved.edgeitems == 3);
  CHECK(saved.linewidth == 75);
  CHECK(saved.suppress == 0);
  CHECK(saved.sign == CNP_SIGN_MINUS);
  CHECK(saved.floatmode == CNP_FLOATMODE_MAXPREC);

  cnp_printoptions o = saved;
  o.precision = 3;
  o.sign = CNP_SIGN_PLUS;
  REQUIRE(cnp_set_printoptions(&o) == CNP_OK);
  Handle a;
  const int64_t two = 2;
  from_doubles({1.0 / 3, -2}, 1, &two, CNP_FLOAT64, a);
  CHECK(repr(a) == "array([+0.333, -2.   ])");

  cnp_printoptions bad = o;
  bad.floatmode = 7;
  CHECK(cnp_set_printoptions(&bad) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "floatmode option must be one of 'fixed', 'unique', 'maxprec', 'maxprec_equal'");
  bad = o;
  bad.linewidth = 0;
  CHECK(cnp_set_printoptions(&bad) == CNP_ERR_VALUE);
  cnp_printoptions now{};
  REQUIRE(cnp_get_printoptions(&now) == CNP_OK);
  CHECK(now.precision == 3);  // a refused call changes nothing
  CHECK(cnp_set_printoptions(nullptr) == CNP_ERR_INVALID_HANDLE);
  REQUIRE(cnp_set_printoptions(&saved) == CNP_OK);
}

namespace {
int g_deleted = 0;
void count_delete(DLManagedTensor* self) {
  ++g_deleted;
  delete[] static_cast<double*>(self->dl_tensor.data);
  delete self;
}
}  // namespace

TEST_CASE("DLPack export keeps memory alive until the deleter runs", "[dlpack]") {
  const int64_t shape[] = {2, 3};
  Handle a;
  from_doubles({0, 1, 2, 3, 4, 5}, 2, shape, CNP_FLOAT64, a);
  Handle t;
  REQUIRE(cnp_transpose(a, nullptr, -1, t.out()) == CNP_OK);
  void* p = nullptr;
  REQUIRE(cnp_array_to_dlpack(t, &p) == CNP_OK);
  auto* m = static_cast<DLManagedTensor*>(p);
  CHECK(m->dl_tensor.device.device_type == kDLCPU);
  CHECK(m->dl_tensor.ndim == 2);
  CHECK(m->dl_tensor.shape[0] == 3);
  CHECK(m->dl_tensor.strides[0] == 1);
  CHECK(m->dl_tensor.strides[1] == 3);
  CHECK(m->dl_tensor.dtype.code == kDLFloat);
  CHECK(m->dl_tensor.dtype.bits == 64);
  cnp_array_free(a.h);
  a.h = nullptr;
  cnp_array_free(t.h);
  t.h = nullptr;
  const double* d = static_cast<const double*>(m->dl_tensor.data);
  CHECK(d[5] == 5.0);  // still alive: the tensor holds the memory
  cnp_dlpack_free(m);
  cnp_dlpack_free(nullptr);

  Handle b;
  from_doubles({1}, 0, nullptr, CNP_BOOL, b);
  CHECK(cnp_array_to_dlpack(b, &p) == CNP_ERR_TYPE);
  CHECK(p == nullptr);
}

TEST_CASE("DLPack import is zero-copy and calls the deleter once", "[dlpack]") {
  g_deleted = 0;
  auto* m = new DLManagedTensor{};
  auto* data = new double[6]{0, 1, 2, 3, 4, 5};
  static int64_t shape[] = {3, 2};
  static int64_t strides[] = {1, 3};  // a transposed (F-order) view
  m->dl_tensor = DLTensor{data, DLDevice{kDLCPU, 0}, 2, DLDataType{kDLFloat, 64, 1}, shape, strides, 0};
  m->deleter = count_delete;
  Handle a;
  REQUIRE(cnp_array_from_dlpack(m, 1, a.out()) == CNP_OK);
  void* p = nullptr;
  REQUIRE(cnp_array_data(a, &p) == CNP_OK);
  CHECK(p == data);
  CHECK(str(a) == "[[0. 3.]\n [1. 4.]\n [2. 5.]]");
  Handle v;
  REQUIRE(cnp_copy(a, CNP_ORDER_K, v.out()) == CNP_OK);
  Handle view;
  REQUIRE(cnp_transpose(a, nullptr, -1, view.out()) == CNP_OK);
  cnp_array_free(a.h);
  a.h = nullptr;
  CHECK(g_deleted == 0);  // the view still uses the memory
  cnp_array_free(view.h);
  view.h = nullptr;
  CHECK(g_deleted == 1);

  auto* bad = new DLManagedTensor{};
  bad->dl_tensor = DLTensor{data, DLDevice{kDLCUDA, 0}, 2, DLDataType{kDLFloat, 64, 1}, shape, strides, 0};
  Handle x;
  CHECK(cnp_array_from_dlpack(bad, 1, x.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "Unsupported device in DLTensor.");
  bad->dl_tensor.device = DLDevice{kDLCPU, 0};
  bad->dl_tensor.dtype = DLDataType{kDLBfloat, 16, 1};
  CHECK(cnp_array_from_dlpack(bad, 1, x.out()) == CNP_ERR_TYPE);
  CHECK(x.h == nullptr);
  delete bad;  // refused: still ours
  CHECK(cnp_array_from_dlpack(nullptr, 1, x.out()) == CNP_ERR_INVALID_HANDLE);
}
