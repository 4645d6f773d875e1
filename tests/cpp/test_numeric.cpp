// The numeric kernels through the C ABI (include/cnumpy/numeric.h): values NumPy gives for
// small exact cases, the inverted-order and conjugation rules of correlate, interp's ends,
// samples and periodic form, and the error paths (statuses, messages, NULL handles).
#include <catch2/catch.hpp>

#include <complex>
#include <cstring>
#include <string>
#include <vector>

#include "capi_test_util.hpp"
#include "cnumpy/cnumpy.h"

using capi_test::Handle;

namespace {

template <class T>
void make(Handle& h, int32_t typenum, const std::vector<T>& v) {
  capi_test::iota<T>(h, typenum, {static_cast<int64_t>(v.size())});
  void* p = nullptr;
  cnp_array_data(h, &p);
  if (!v.empty()) std::memcpy(p, v.data(), v.size() * sizeof(T));  // (an empty vector's data() may be NULL)
}

template <class T>
std::vector<T> values(const Handle& h) {
  int64_t n = 0;
  cnp_array_size(h, &n);
  void* p = nullptr;
  cnp_array_data(h, &p);
  return std::vector<T>(static_cast<T*>(p), static_cast<T*>(p) + n);
}

}  // namespace

TEST_CASE("correlate and convolve give NumPy's values in every mode", "[numeric]") {
  Handle a, v, r;
  make<double>(a, CNP_FLOAT64, {1, 2, 3});
  make<double>(v, CNP_FLOAT64, {0, 1, 0.5});
  REQUIRE(cnp_correlate(a, v, CNP_MODE_VALID, r.out()) == CNP_OK);
  CHECK(values<double>(r) == std::vector<double>{3.5});
  REQUIRE(cnp_correlate(a, v, CNP_MODE_SAME, r.out()) == CNP_OK);
  CHECK(values<double>(r) == std::vector<double>{2.0, 3.5, 3.0});
  REQUIRE(cnp_correlate(a, v, CNP_MODE_FULL, r.out()) == CNP_OK);
  CHECK(values<double>(r) == std::vector<double>{0.5, 2.0, 3.5, 3.0, 0.0});
  REQUIRE(cnp_convolve(a, v, CNP_MODE_FULL, r.out()) == CNP_OK);
  CHECK(values<double>(r) == std::vector<double>{0.0, 1.0, 2.5, 4.0, 1.5});
  // The shorter first: correlate computes the swapped product and reverses it.
  REQUIRE(cnp_correlate(v, a, CNP_MODE_FULL, r.out()) == CNP_OK);
  CHECK(values<double>(r) == std::vector<double>{0.0, 3.0, 3.5, 2.0, 0.5});
}

TEST_CASE("correlate conjugates its second argument, integers wrap like NumPy's", "[numeric]") {
  using C = std::complex<double>;
  Handle a, v, r;
  make<C>(a, CNP_COMPLEX128, {C(1, 1), C(2, 0)});
  make<C>(v, CNP_COMPLEX128, {C(0, 1), C(3, 0), C(4, 0)});
  REQUIRE(cnp_correlate(a, v, CNP_MODE_VALID, r.out()) == CNP_OK);
  CHECK(values<C>(r) == std::vector<C>{C(11, 3), C(7, -1)});
  Handle b, w;
  make<int8_t>(b, CNP_INT8, {1, 2});
  make<int8_t>(w, CNP_INT8, {100, 100});
  REQUIRE(cnp_correlate(b, w, CNP_MODE_FULL, r.out()) == CNP_OK);
  CHECK(values<int8_t>(r) == std::vector<int8_t>{100, 44, -56});
}

TEST_CASE("interp: inside, ends, left/right, periodic", "[numeric]") {
  Handle x, xp, fp, r;
  make<double>(x, CNP_FLOAT64, {-1, 0.5, 1, 2.5, 9});
  make<double>(xp, CNP_FLOAT64, {0, 1, 2, 3});
  make<double>(fp, CNP_FLOAT64, {0, 10, 20, 0});
  REQUIRE(cnp_interp(x, xp, fp, nullptr, nullptr, nullptr, r.out()) == CNP_OK);
  CHECK(values<double>(r) == std::vector<double>{0, 5, 10, 10, 0});
  const double left = -7, right = 7;
  REQUIRE(cnp_interp(x, xp, fp, &left, &right, nullptr, r.out()) == CNP_OK);
  CHECK(values<double>(r) == std::vector<double>{-7, 5, 10, 10, 7});
  const double period = 4;
  REQUIRE(cnp_interp(x, xp, fp, nullptr, nullptr, &period, r.out()) == CNP_OK);
  CHECK(values<double>(r) == std::vector<double>{0, 5, 10, 10, 10});
}

TEST_CASE("numeric errors carry NumPy's messages and leave *out NULL", "[numeric]") {
  Handle a, e, m2, r;
  make<double>(a, CNP_FLOAT64, {1, 2});
  make<double>(e, CNP_FLOAT64, {});
  capi_test::iota<double>(m2, CNP_FLOAT64, {2, 2});
  cnp_array* out = reinterpret_cast<cnp_array*>(&a);  // garbage that must be overwritten
  CHECK(cnp_correlate(e, a, CNP_MODE_VALID, &out) == CNP_ERR_VALUE);
  CHECK(out == nullptr);
  CHECK(std::string(cnp_last_error()) == "first array argument cannot be empty");
  CHECK(cnp_correlate(a, a, 7, r.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "integer convolve/correlate mode must be 0, 1, or 2");
  CHECK(cnp_convolve(m2, a, CNP_MODE_FULL, r.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "object too deep for desired array");
  CHECK(cnp_interp(a, e, e, nullptr, nullptr, nullptr, r.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "array of sample points is empty");
  const double zero = 0;
  CHECK(cnp_interp(a, a, a, nullptr, nullptr, &zero, r.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "period must be a non-zero value");
  CHECK(cnp_correlate(nullptr, a, CNP_MODE_VALID, r.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_interp(a, nullptr, a, nullptr, nullptr, nullptr, r.out()) == CNP_ERR_INVALID_HANDLE);
}
