// The C ABI of the printer (cnp_array_repr/str, print options) and of DLPack exchange. Exact
// NumPy agreement over many inputs is tested from Python against NumPy itself (test_print.py,
// test_dlpack.py); these check the C contract: ownership of strings, options, deleters.
#include <catch2/catch.hpp>

#include "capi_test_util.hpp"
#include <dlpack/dlpack.h>

#include <cmath>
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

std::string ff(double v, int32_t t, cnp_format_float_options o) {
  char* s = nullptr;
  REQUIRE(cnp_format_float(v, t, &o, &s) == CNP_OK);
  return take(s);
}

cnp_format_float_options defaults() {
  cnp_format_float_options o;
  REQUIRE(cnp_format_float_defaults(&o) == CNP_OK);
  return o;
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

TEST_CASE("legacy print modes: 1.13 layout, 1.21, refused values", "[print]") {
  cnp_printoptions saved{};
  REQUIRE(cnp_get_printoptions(&saved) == CNP_OK);
  CHECK(saved.legacy == CNP_LEGACY_OFF);
  Handle a, z, b;
  const int64_t two = 2;
  from_doubles({1.5, 2}, 1, &two, CNP_FLOAT64, a);
  from_doubles({0.5}, 0, nullptr, CNP_FLOAT64, z);
  from_doubles({1, 0}, 1, &two, CNP_BOOL, b);
  cnp_printoptions o = saved;
  o.legacy = CNP_LEGACY_1_13;
  o.sign = CNP_SIGN_PLUS;
  REQUIRE(cnp_set_printoptions(&o) == CNP_OK);
  cnp_printoptions now{};
  REQUIRE(cnp_get_printoptions(&now) == CNP_OK);
  CHECK(now.sign == CNP_SIGN_MINUS);  // NumPy resets the sign in 1.13 mode
  CHECK(repr(a) == "array([ 1.5,  2. ])");
  CHECK(repr(z) == "array(0.5)");
  CHECK(repr(b) == "array([ True, False], dtype=bool)");
  char* s = nullptr;
  REQUIRE(cnp_array_str(z, &s) == CNP_OK);
  CHECK(take(s) == "0.5");
  o.legacy = CNP_LEGACY_1_21;
  REQUIRE(cnp_set_printoptions(&o) == CNP_OK);
  CHECK(repr(a) == "array([+1.5, +2. ])");  // 1.21 keeps the sign option
  cnp_printoptions bad = o;
  bad.legacy = 114;
  CHECK(cnp_set_printoptions(&bad) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "legacy printing option can currently only be '1.13', '1.21', or `False`");
  REQUIRE(cnp_get_printoptions(&now) == CNP_OK);
  CHECK(now.legacy == CNP_LEGACY_1_21);  // a refused call changes nothing
  CHECK(cnp_array2string(a, &bad, nullptr, nullptr, nullptr, nullptr, 0, &s) == CNP_ERR_VALUE);
  CHECK(s == nullptr);
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

// Expected texts are NumPy 1.24's (np.format_float_positional / _scientific, np.array2string).
TEST_CASE("cnp_format_float is NumPy's Dragon4", "[print]") {
  cnp_format_float_options o = defaults();
  CHECK(ff(0.1, CNP_FLOAT64, o) == "0.1");
  CHECK(ff(static_cast<double>(0.1f), CNP_FLOAT32, o) == "0.1");
  CHECK(ff(0.0999755859375, CNP_FLOAT16, o) == "0.1");  // float16(0.1)
  CHECK(ff(5e-324, CNP_FLOAT64, o) == "0." + std::string(323, '0') + "5");
  CHECK(ff(NAN, CNP_FLOAT64, o) == "nan");
  CHECK(ff(-INFINITY, CNP_FLOAT64, o) == "-inf");
  {
    cnp_format_float_options p = o;
    p.precision = 5;
    p.fractional = 0;
    CHECK(ff(1.0 / 3, CNP_FLOAT64, p) == "0.33333");
    p.precision = 3;
    CHECK(ff(123456.0, CNP_FLOAT64, p) == "123000.");
  }
  {
    cnp_format_float_options p = o;
    p.min_digits = 5;
    CHECK(ff(1.0, CNP_FLOAT64, p) == "1.00000");
    p.trim = CNP_TRIM_ZEROS;  // trimming comes after min_digits, as in NumPy
    CHECK(ff(1.0, CNP_FLOAT64, p) == "1.");
  }
  {
    cnp_format_float_options p = o;
    p.unique = 0;
    p.precision = 0;
    CHECK(ff(2.5, CNP_FLOAT64, p) == "2.");
    p.trim = CNP_TRIM_POINT;
    CHECK(ff(0.5, CNP_FLOAT64, p) == "0");
  }
  {
    cnp_format_float_options p = o;
    p.pad_left = 4;
    p.pad_right = 4;
    p.sign = 1;
    CHECK(ff(-1.25, CNP_FLOAT64, p) == "  -1.25  ");
    CHECK(ff(INFINITY, CNP_FLOAT64, p) == "+inf");
  }
  {
    cnp_format_float_options p = o;
    p.scientific = 1;
    p.exp_digits = 3;
    CHECK(ff(1.5, CNP_FLOAT64, p) == "1.5e+000");
    p.exp_digits = -1;
    CHECK(ff(static_cast<double>(1e-40f), CNP_FLOAT32, p) == "1.e-40");
    p.precision = 1;
    p.unique = 0;
    p.trim = CNP_TRIM_ONE_ZERO;
    CHECK(ff(123.0, CNP_FLOAT64, p) == "1.2e+02");
  }
}

TEST_CASE("cnp_format_float argument errors", "[print]") {
  auto status = [](double v, int32_t t, cnp_format_float_options o, const char* msg) {
    char* s = reinterpret_cast<char*>(1);
    cnp_status st = cnp_format_float(v, t, &o, &s);
    CHECK(s == nullptr);
    CHECK(std::string(cnp_last_error()) == msg);
    return st;
  };
  cnp_format_float_options o = defaults();
  cnp_format_float_options p = o;
  p.unique = 0;
  CHECK(status(1.0, CNP_FLOAT64, p, "in non-unique mode `precision` must be supplied") == CNP_ERR_TYPE);
  p = o;
  p.precision = -2;
  CHECK(status(1.0, CNP_FLOAT64, p, "precision must be >= 0") == CNP_ERR_VALUE);
  p = o;
  p.precision = 0;
  p.fractional = 0;
  CHECK(status(1.0, CNP_FLOAT64, p, "precision must be greater than 0 if fractional=False") == CNP_ERR_VALUE);
  p = o;
  p.precision = 2;
  p.min_digits = 3;
  CHECK(status(1.0, CNP_FLOAT64, p, "min_digits must be less than or equal to precision") == CNP_ERR_VALUE);
  char* s = nullptr;
  CHECK(cnp_format_float(1.0, CNP_INT32, &o, &s) == CNP_ERR_TYPE);
  CHECK(s == nullptr);
  CHECK(cnp_format_float(1.0, CNP_FLOAT64, nullptr, &s) == CNP_ERR_INVALID_HANDLE);
}

TEST_CASE("cnp_array2string: per-call options, separator/prefix/suffix, element texts", "[print]") {
  const int64_t shape[] = {2, 3};
  Handle a;
  from_doubles({1.5, 2, 3, 4, 5, 6.25}, 2, shape, CNP_FLOAT64, a);
  cnp_printoptions o;
  REQUIRE(cnp_get_printoptions(&o) == CNP_OK);
  const cnp_printoptions global = o;
  o.precision = 2;
  o.linewidth = 20;
  char* s = nullptr;
  REQUIRE(cnp_array2string(a, &o, ", ", "x(", ")", nullptr, 0, &s) == CNP_OK);
  CHECK(take(s) == "[[1.5 , 2.  ,\n    3.  ],\n   [4.  , 5.  ,\n    6.25]]");
  REQUIRE(cnp_array2string(a, nullptr, " ", nullptr, nullptr, nullptr, 0, &s) == CNP_OK);
  CHECK(take(s) == str(a));  // NULL options: the global ones, str()'s layout

  const int64_t ten = 10;
  Handle b;
  from_doubles({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, &ten, CNP_FLOAT64, b);
  o = global;
  o.threshold = 4;
  o.edgeitems = 2;
  o.sign = CNP_SIGN_PLUS;
  o.floatmode = CNP_FLOATMODE_FIXED;
  o.precision = 1;
  REQUIRE(cnp_array2string(b, &o, " ", "", "", nullptr, 0, &s) == CNP_OK);
  CHECK(take(s) == "[+0.0 +1.0 ... +8.0 +9.0]");
  // texts: one per shown element (the 4 corners), as NumPy's formatter= would print them
  const char* texts[] = {"<0>", "<1>", "<8>", "<9>"};
  REQUIRE(cnp_array2string(b, &o, " ", "", "", texts, 4, &s) == CNP_OK);
  CHECK(take(s) == "[<0> <1> ... <8> <9>]");
  s = reinterpret_cast<char*>(1);
  CHECK(cnp_array2string(b, &o, " ", "", "", texts, 3, &s) == CNP_ERR_VALUE);
  CHECK(s == nullptr);
  o.precision = -1;  // NumPy's FloatingFormat refuses it for float data
  CHECK(cnp_array2string(b, &o, " ", "", "", nullptr, 0, &s) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "precision must be >= 0");
  o = global;
  o.floatmode = 9;
  CHECK(cnp_array2string(b, &o, " ", "", "", nullptr, 0, &s) == CNP_ERR_VALUE);
  cnp_printoptions now;
  REQUIRE(cnp_get_printoptions(&now) == CNP_OK);
  CHECK(now.precision == global.precision);  // per-call options never touch the global ones
}
