// Regression tests for what the generated ABI sweep (tests/abi/abi_sweep.cpp, issue 18) found:
// each failing call must return NumPy's status and message and leave its out-parameter NULL.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "capi_test_util.hpp"
#include "cnumpy/cnumpy.h"

namespace {

using capi_test::Handle;
using capi_test::dtype;

void require_error(cnp_status got, cnp_status want, const std::string& message) {
  CHECK(got == want);
  CHECK(std::string(cnp_last_error()) == message);
}

}  // namespace

TEST_CASE("record itemsize: only -1 means not given", "[hardening][abi_sweep]") {
  // Every negative itemsize was read as "not given" (NumPy: "cannot override to smaller itemsize").
  cnp_dtype* i4 = dtype(CNP_INT32);
  const char* names[] = {"a"};
  const cnp_dtype* types[] = {i4};
  for (int64_t itemsize : {int64_t{-2}, int64_t{INT32_MIN}}) {
    cnp_dtype* out = nullptr;
    require_error(cnp_dtype_record(1, names, types, nullptr, nullptr, itemsize, 0, &out), CNP_ERR_VALUE,
                  "NumPy dtype descriptor requires 4 bytes, cannot override to smaller itemsize of " +
                      std::to_string(itemsize));
    CHECK(out == nullptr);
  }
  cnp_dtype* out = nullptr;
  require_error(cnp_dtype_record(1, names, types, nullptr, nullptr, INT64_MIN, 0, &out), CNP_ERR_VALUE,
                "integer won't fit into a C int");
  CHECK(out == nullptr);
  REQUIRE(cnp_dtype_record(1, names, types, nullptr, nullptr, -1, 0, &out) == CNP_OK);
  cnp_dtype_free(out);
  cnp_dtype_free(i4);
}

TEST_CASE("random integers: a size with a negative rank or an overflowing product", "[hardening][abi_sweep]") {
  // ndim < 0 with a size read out of bounds (segfault); sizes whose product overflows were UB.
  cnp_bitgen* g = nullptr;
  REQUIRE(cnp_bitgen_from_seed(CNP_BITGEN_PCG64, 1, &g) == CNP_OK);
  Handle low, high, r;
  capi_test::iota<int64_t>(low, CNP_INT64, {}, 0);
  capi_test::iota<int64_t>(high, CNP_INT64, {}, 10);
  const int64_t size[40] = {int64_t{1} << 62, 8};
  for (int32_t ndim : {-2, -1, INT32_MIN}) {
    require_error(cnp_random_integers(g, low, high, 0, 0, ndim, size, nullptr, r.out()), CNP_ERR_VALUE,
                  "negative dimensions are not allowed");
    CHECK(r.h == nullptr);
  }
  require_error(cnp_random_integers(g, low, high, 0, 0, 33, size, nullptr, r.out()), CNP_ERR_VALUE,
                "maximum supported dimension for an ndarray is 32, found 33");
  require_error(cnp_random_integers(g, low, high, 0, 0, 2, size, nullptr, r.out()), CNP_ERR_VALUE,
                "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
  CHECK(r.h == nullptr);
  const int64_t ok[] = {2, 3};
  REQUIRE(cnp_random_integers(g, low, high, 0, 0, 2, ok, nullptr, r.out()) == CNP_OK);
  cnp_bitgen_free(g);
}

TEST_CASE("sorting an empty array with a huge other axis returns at once", "[hardening][abi_sweep]") {
  // (2**59, 0) sorted along its last axis listed 2**59 empty lanes first (a hang).
  const int64_t shape[] = {int64_t{1} << 59, 0};
  Handle a, r;
  REQUIRE(cnp_zeros(2, shape, nullptr, CNP_ORDER_C, a.out()) == CNP_OK);
  CHECK(cnp_array_sort(a, -1, nullptr) == CNP_OK);
  const int64_t axis = -1;
  CHECK(cnp_argsort(a, &axis, nullptr, r.out()) == CNP_OK);
  CHECK(cnp_sort(a, &axis, nullptr, r.out()) == CNP_OK);
}

TEST_CASE("queue sensor: only -1 means until stopped", "[hardening][abi_sweep][queue]") {
  cnp_dtype* f8 = dtype(CNP_FLOAT64);
  cnp_queue* q = nullptr;
  REQUIRE(cnp_queue_create(f8, 16, 0, &q) == CNP_OK);
  for (int64_t count : {int64_t{-2}, INT64_MIN}) {
    cnp_queue_sensor* s = nullptr;
    require_error(cnp_queue_sensor_start(q, 0.0, 1, count, 0, &s), CNP_ERR_VALUE,
                  "sensor: count must be >= 0 or -1, got " + std::to_string(count));
    CHECK(s == nullptr);
  }
  cnp_queue_sensor* s = nullptr;
  REQUIRE(cnp_queue_sensor_start(q, 1000.0, 1, -1, 0, &s) == CNP_OK);
  cnp_queue_sensor_free(s);
  cnp_queue_free(q);
  cnp_dtype_free(f8);
}

TEST_CASE("products of an empty operand's huge axes do not overflow", "[hardening][abi_sweep]") {
  // UBSan: tensordot's and kron's shape products overflowed int64 for (2**62, 0) operands.
  cnp_dtype* i1 = dtype(CNP_INT8);
  const int64_t sa[] = {int64_t{1} << 62, 0}, sb[] = {0, 8}, sc[] = {4, 2};
  Handle a, b, c, r;
  REQUIRE(cnp_zeros(2, sa, i1, CNP_ORDER_C, a.out()) == CNP_OK);
  REQUIRE(cnp_zeros(2, sb, nullptr, CNP_ORDER_C, b.out()) == CNP_OK);
  REQUIRE(cnp_zeros(2, sc, nullptr, CNP_ORDER_C, c.out()) == CNP_OK);
  const int64_t xa[] = {1}, xb[] = {0};
  cnp_status st = cnp_tensordot(a, b, xa, xb, 1, r.out());
  CHECK((st == CNP_ERR_VALUE || st == CNP_ERR_MEMORY));
  CHECK(r.h == nullptr);
  st = cnp_kron(a, c, r.out());
  CHECK((st == CNP_ERR_VALUE || st == CNP_ERR_MEMORY));
  CHECK(r.h == nullptr);
  cnp_dtype_free(i1);
}

TEST_CASE("0-d views with NULL shape and strides, and qr of an empty wide matrix", "[hardening][abi_sweep]") {
  // UBSan: memcpy from NULL (size 0) in Array::view; qr of (0, 2**59) filled R column by column
  // over 2**59 columns (a hang without optimisation).
  Handle s, r, q;
  capi_test::iota<double>(s, CNP_FLOAT64, {}, 1.5);
  REQUIRE(cnp_broadcast_to(s, 0, nullptr, r.out()) == CNP_OK);
  REQUIRE(cnp_as_strided(s, 0, nullptr, nullptr, 0, r.out()) == CNP_OK);
  const int64_t wide[] = {0, int64_t{1} << 59};
  Handle e;
  REQUIRE(cnp_zeros(2, wide, nullptr, CNP_ORDER_C, e.out()) == CNP_OK);
  REQUIRE(cnp_linalg_qr(e, CNP_LINALG_QR_REDUCED, q.out(), r.out()) == CNP_OK);
  const int64_t* shape = nullptr;
  REQUIRE(cnp_array_shape(r, &shape) == CNP_OK);
  CHECK(shape[0] == 0);
  CHECK(shape[1] == (int64_t{1} << 59));
}
