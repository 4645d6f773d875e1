// Regression tests for issue 18 (faults found by adversarial probing of the C ABI): overflowing
// shapes and strides, aliased arguments, int64 edges, out-parameter contracts. Each failing call
// must return NumPy's status and message, leave its outputs NULL and its inputs untouched.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "capi_test_util.hpp"
#include "cnumpy/cnumpy.h"
#include "core/array.hpp"

namespace {

using capi_test::Handle;
using capi_test::dtype;

constexpr int64_t kBig = int64_t{1} << 62;
const char* const kTooBig =
    "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.";

void float64s(Handle& out, std::vector<int64_t> shape, double first = 0) {
  capi_test::iota<double>(out, CNP_FLOAT64, std::move(shape), first);
}

void require_error(cnp_status got, cnp_status want, const std::string& message) {
  CHECK(got == want);
  CHECK(std::string(cnp_last_error()) == message);
}

}  // namespace

TEST_CASE("checked int64 helpers: extents that overflow are reported, not wrapped", "[hardening]") {
  int64_t r = 0;
  CHECK(cnp::mul_fits(3, 4, &r));
  CHECK(r == 12);
  CHECK_FALSE(cnp::mul_fits(kBig, 2, &r));
  CHECK_FALSE(cnp::add_fits(INT64_MAX, 1, &r));
  int64_t lo = 0, hi = 0;
  const int64_t shape[2] = {4, 4}, good[2] = {32, 8}, bad[2] = {kBig, 8}, neg[2] = {-32, 8};
  REQUIRE(cnp::byte_extent(2, shape, good, 8, &lo, &hi));
  CHECK((lo == 0 && hi == 128));
  REQUIRE(cnp::byte_extent(2, shape, neg, 8, &lo, &hi));
  CHECK((lo == -96 && hi == 32));
  CHECK_FALSE(cnp::byte_extent(2, shape, bad, 8, &lo, &hi));
  const int64_t minshape[1] = {3}, minstride[1] = {INT64_MIN / 2 - 1};
  CHECK_FALSE(cnp::byte_extent(1, minshape, minstride, 8, &lo, &hi));
}

// Finding 1: strides {1 << 62, 8} on a 4x4 array wrapped the bounds check; reading [1, 0] crashed.
TEST_CASE("as_strided rejects strides whose extent overflows int64", "[hardening]") {
  Handle a;
  float64s(a, {4, 4});
  const int64_t shape[2] = {4, 4};
  for (const std::vector<int64_t>& st : std::vector<std::vector<int64_t>>{
           {kBig, 8}, {8, kBig}, {-kBig, 8}, {INT64_MAX, 8}, {INT64_MIN, 8}, {kBig, kBig}, {kBig, -kBig}}) {
    Handle v;
    require_error(cnp_as_strided(a, 2, shape, st.data(), 1, v.out()), CNP_ERR_VALUE,
                  "as_strided view would reach outside the array's memory");
    CHECK(v.h == nullptr);
  }
  const int64_t huge_shape[2] = {INT64_MAX, 2}, st[2] = {8, 8};
  Handle v;
  CHECK(cnp_as_strided(a, 2, huge_shape, st, 1, v.out()) == CNP_ERR_VALUE);
  // Views that stay inside are still fine, including negative strides from the far end.
  const int64_t ok_st[2] = {8, 32};
  REQUIRE(cnp_as_strided(a, 2, shape, ok_st, 1, v.out()) == CNP_OK);
  cnp_scalar s;
  const int64_t at[2] = {1, 0};
  REQUIRE(cnp_array_getitem(v, 2, at, &s) == CNP_OK);
  CHECK(s.value.f == 1.0);
}

// Finding 7: a zero-length axis does not excuse overflowing others (NumPy's PyArray_NewFromDescr).
TEST_CASE("shapes with a zero and overflowing dimensions are too big in every constructor", "[hardening]") {
  const int64_t shape[3] = {0, kBig, kBig};
  cnp_dtype* f8 = dtype(CNP_FLOAT64);
  Handle proto, fill, e0;
  float64s(proto, {3});
  float64s(fill, {});
  float64s(e0, {0});
  std::vector<std::pair<const char*, std::function<cnp_status(cnp_array**)>>> calls = {
      {"empty", [&](cnp_array** o) { return cnp_empty(3, shape, f8, CNP_ORDER_C, o); }},
      {"zeros", [&](cnp_array** o) { return cnp_zeros(3, shape, f8, CNP_ORDER_C, o); }},
      {"ones", [&](cnp_array** o) { return cnp_ones(3, shape, f8, CNP_ORDER_F, o); }},
      {"full", [&](cnp_array** o) { return cnp_full(3, shape, fill, f8, CNP_ORDER_C, o); }},
      {"empty_like", [&](cnp_array** o) { return cnp_empty_like(proto, f8, CNP_ORDER_K, 3, shape, o); }},
      {"zeros_like", [&](cnp_array** o) { return cnp_zeros_like(proto, f8, CNP_ORDER_C, 3, shape, o); }},
      {"ones_like", [&](cnp_array** o) { return cnp_ones_like(proto, f8, CNP_ORDER_C, 3, shape, o); }},
      {"full_like", [&](cnp_array** o) { return cnp_full_like(proto, fill, f8, CNP_ORDER_C, 3, shape, o); }},
      {"from_data", [&](cnp_array** o) { return cnp_array_from_data(nullptr, f8, 3, shape, nullptr, o); }},
      {"wrap", [&](cnp_array** o) { return cnp_array_wrap(nullptr, f8, 3, shape, nullptr, 1, nullptr, nullptr, o); }},
      {"reshape", [&](cnp_array** o) { return cnp_reshape(e0, 3, shape, CNP_ORDER_C, o); }},
      {"broadcast_to", [&](cnp_array** o) { return cnp_broadcast_to(fill, 3, shape, o); }},
      {"as_strided", [&](cnp_array** o) {
         const int64_t st[3] = {0, 0, 0};
         return cnp_as_strided(proto, 3, shape, st, 0, o);
       }},
  };
  for (auto& [name, call] : calls) {
    INFO(name);
    Handle out;
    require_error(call(out.out()), CNP_ERR_VALUE, kTooBig);
    CHECK(out.h == nullptr);
  }
  // NumPy counts the itemsize too: (0, 2**60, 2) of float64 is 2**64 bytes.
  const int64_t s2[3] = {0, int64_t{1} << 60, 2};
  Handle z;
  require_error(cnp_zeros(3, s2, f8, CNP_ORDER_C, z.out()), CNP_ERR_VALUE, kTooBig);
  // broadcast_to without a zero: NumPy's nditer message first.
  const int64_t s3[2] = {kBig, kBig};
  require_error(cnp_broadcast_to(fill, 2, s3, z.out()), CNP_ERR_VALUE, "iterator is too large");
  // Zero-size arrays whose byte count fits keep working.
  const int64_t s4[3] = {0, int64_t{1} << 20, 3};
  REQUIRE(cnp_zeros(3, s4, f8, CNP_ORDER_C, z.out()) == CNP_OK);
  cnp_dtype_free(f8);
}

// Finding 1 (foreign strides): a wrapped geometry whose extent overflows cannot address memory.
TEST_CASE("wrap rejects strides whose extent overflows", "[hardening]") {
  double buf[16] = {};
  cnp_dtype* f8 = dtype(CNP_FLOAT64);
  const int64_t shape[2] = {4, 4}, st[2] = {kBig, 8};
  Handle w;
  require_error(cnp_array_wrap(buf, f8, 2, shape, st, 1, nullptr, nullptr, w.out()), CNP_ERR_VALUE,
                "strides is incompatible with shape of requested array and size of buffer");
  CHECK(w.h == nullptr);
  cnp_dtype_free(f8);
}

// Finding 2: the same 1-D array as both arguments skipped a's ndim check (pointer identity).
TEST_CASE("lstsq(e, e) with one 1-D array checks a's rank", "[hardening]") {
  Handle e;
  float64s(e, {3}, 1.0);
  Handle x, r, k, s;
  require_error(cnp_linalg_lstsq(e, e, -1.0, x.out(), r.out(), k.out(), s.out()), CNP_ERR_LINALG,
                "1-dimensional array given. Array must be two-dimensional");
  CHECK((x.h == nullptr && r.h == nullptr && k.h == nullptr && s.h == nullptr));
}

// Finding 9: int64 edges. Slice bounds at INT64_MIN/MAX (under UBSan in the sanitizer build).
TEST_CASE("slices with bounds and steps at the int64 limits", "[hardening]") {
  Handle a;
  float64s(a, {5});
  const int64_t vals[] = {INT64_MIN, INT64_MIN + 1, -6, -1, 0, 4, 5, INT64_MAX - 1, INT64_MAX};
  const int64_t steps[] = {INT64_MIN, INT64_MIN + 1, -2, -1, 1, 2, INT64_MAX};
  for (int64_t start : vals)
    for (int64_t stop : vals)
      for (int64_t step : steps) {
        cnp_index it{};
        it.kind = CNP_INDEX_SLICE;
        it.flags = CNP_SLICE_HAS_START | CNP_SLICE_HAS_STOP | CNP_SLICE_HAS_STEP;
        it.start = start;
        it.stop = stop;
        it.step = step;
        Handle v;
        REQUIRE(cnp_array_index(a, 1, &it, v.out()) == CNP_OK);
        const int64_t* shp = nullptr;
        cnp_array_shape(v, &shp);
        // Python's slice.indices(5) length, computed without overflow.
        auto clampi = [](int64_t x, int64_t lo, int64_t hi) { return x < lo ? lo : (x > hi ? hi : x); };
        __int128 s = start, e = stop;
        if (s < 0) s += 5;
        if (e < 0) e += 5;
        int64_t len;
        if (step > 0) {
          s = clampi(static_cast<int64_t>(s < 0 ? 0 : (s > 5 ? 5 : s)), 0, 5);
          e = e < 0 ? 0 : (e > 5 ? 5 : e);
          len = e > s ? static_cast<int64_t>((e - s - 1) / step + 1) : 0;
        } else {
          s = s < 0 ? -1 : (s > 4 ? 4 : s);
          e = e < 0 ? -1 : (e > 4 ? 4 : e);
          len = s > e ? static_cast<int64_t>((s - e - 1) / -static_cast<__int128>(step) + 1) : 0;
        }
        INFO(start << ":" << stop << ":" << step);
        CHECK(shp[0] == len);
      }
}

TEST_CASE("eye with k at the int64 limits, around with decimals beyond int32", "[hardening]") {
  Handle e;
  REQUIRE(cnp_eye(3, -1, INT64_MIN, nullptr, CNP_ORDER_C, e.out()) == CNP_OK);
  void* p = nullptr;
  cnp_array_data(e, &p);
  for (int i = 0; i < 9; ++i) CHECK(static_cast<double*>(p)[i] == 0.0);
  REQUIRE(cnp_eye(3, -1, INT64_MAX, nullptr, CNP_ORDER_C, e.out()) == CNP_OK);
  Handle a, r;
  float64s(a, {3}, 1.5);
  require_error(cnp_around(a, INT64_MIN, nullptr, r.out()), CNP_ERR_OVERFLOW, "signed integer is less than minimum");
  require_error(cnp_around(a, int64_t{INT32_MAX} + 1, nullptr, r.out()), CNP_ERR_OVERFLOW,
                "signed integer is greater than maximum");
  REQUIRE(cnp_around(a, INT32_MIN, nullptr, r.out()) == CNP_OK);
  Handle h, edges;
  require_error(cnp_histogram(a, INT64_MAX, nullptr, nullptr, nullptr, 0, h.out(), edges.out()), CNP_ERR_INDEX,
                "index -1 is out of bounds for axis 0 with size 0");
}

// Finding 8: loop counts bounded by the data.
TEST_CASE("diff with an order far beyond the length answers at once", "[hardening]") {
  Handle a, r;
  float64s(a, {3});
  REQUIRE(cnp_diff(a, INT64_MAX, -1, nullptr, nullptr, r.out()) == CNP_OK);
  const int64_t* shp = nullptr;
  cnp_array_shape(r, &shp);
  CHECK(shp[0] == 0);
}

// Finding 13: -1, and only -1, means "not given"; out-parameters untouched on failure.
TEST_CASE("only -1 means not given, and failures leave out-parameters alone", "[hardening]") {
  Handle a, r;
  float64s(a, {4});
  for (int64_t n : {int64_t{-2}, int64_t{0}, INT64_MIN}) {
    const std::string msg = "Invalid number of FFT data points (" + std::to_string(n) + ") specified.";
    require_error(cnp_fft_fft(a, n, -1, 0, r.out()), CNP_ERR_VALUE, msg);
    require_error(cnp_fft_ifft(a, n, -1, 0, r.out()), CNP_ERR_VALUE, msg);
    require_error(cnp_fft_rfft(a, n, -1, 0, r.out()), CNP_ERR_VALUE, msg);
    require_error(cnp_fft_irfft(a, n, -1, 0, r.out()), CNP_ERR_VALUE, msg);
    require_error(cnp_fft_hfft(a, n, -1, 0, r.out()), CNP_ERR_VALUE, msg);
    require_error(cnp_fft_ihfft(a, n, -1, 0, r.out()), CNP_ERR_VALUE, msg);
  }
  REQUIRE(cnp_fft_fft(a, -1, -1, 0, r.out()) == CNP_OK);
  for (int32_t nd : {-2, -3, INT32_MIN}) {
    require_error(cnp_empty_like(a, nullptr, CNP_ORDER_K, nd, nullptr, r.out()), CNP_ERR_VALUE,
                  "negative dimensions are not allowed");
    require_error(cnp_zeros_like(a, nullptr, CNP_ORDER_C, nd, nullptr, r.out()), CNP_ERR_VALUE,
                  "negative dimensions are not allowed");
    CHECK(r.h == nullptr);
  }
  REQUIRE(cnp_ones_like(a, nullptr, CNP_ORDER_C, -1, nullptr, r.out()) == CNP_OK);
  require_error(cnp_eye(3, -2, 0, nullptr, CNP_ORDER_C, r.out()), CNP_ERR_VALUE, "negative dimensions are not allowed");
  require_error(cnp_eye(3, INT64_MIN, 0, nullptr, CNP_ORDER_C, r.out()), CNP_ERR_VALUE,
                "negative dimensions are not allowed");
  REQUIRE(cnp_eye(3, -1, 0, nullptr, CNP_ORDER_C, r.out()) == CNP_OK);
  cnp_array* outs[2] = {nullptr, nullptr};
  int32_t nout = 12345;
  CHECK(cnp_gradient(a, nullptr, 0, nullptr, -1, 3, outs, &nout) == CNP_ERR_VALUE);
  CHECK(nout == 12345);
  CHECK(outs[0] == nullptr);
}

TEST_CASE("record itemsize and offsets beyond a C int are refused (found by fuzz_record)", "[hardening]") {
  // itemsize 2**62 was accepted and overflowed the spellings' bit count (UBSan in fuzz_record).
  cnp_dtype* i4 = dtype(CNP_INT32);
  const char* names[] = {"a"};
  const cnp_dtype* types[] = {i4};
  for (int64_t itemsize : {int64_t{1} << 31, kBig, INT64_MAX}) {
    cnp_dtype* out = nullptr;
    require_error(cnp_dtype_record(1, names, types, nullptr, nullptr, itemsize, 0, &out), CNP_ERR_VALUE,
                  "integer won't fit into a C int");
    CHECK(out == nullptr);
  }
  for (int64_t offset : {int64_t{1} << 31, kBig, INT64_MAX}) {
    cnp_dtype* out = nullptr;
    require_error(cnp_dtype_record(1, names, types, &offset, nullptr, -1, 0, &out), CNP_ERR_VALUE,
                  "integer won't fit into a C int");
    CHECK(out == nullptr);
  }
  cnp_dtype* ok = nullptr;
  REQUIRE(cnp_dtype_record(1, names, types, nullptr, nullptr, INT32_MAX, 0, &ok) == CNP_OK);
  int64_t size = 0;
  CHECK((cnp_dtype_itemsize(ok, &size) == CNP_OK && size == INT32_MAX));
  cnp_dtype_free(ok);
  cnp_dtype_free(i4);
}
