// The manipulation and indexing C ABI (include/cnumpy/manip.h, indexing.h) from C++: advanced indexing through
// cnp_array_index/cnp_array_index_assign, take/concatenate/repeat/nonzero/broadcast_to/diagonal,
// status codes and NumPy's messages, and that failures leave outputs NULL and inputs untouched.
#include <catch2/catch.hpp>

#include "capi_test_util.hpp"
#include <cstring>
#include <string>
#include <vector>

#include "cnumpy/cnumpy.h"

namespace {

using capi_test::Handle;
using capi_test::dtype;

// An int64 array with the given shape holding 0, 1, 2, ...
void iota(Handle& out, std::vector<int64_t> shape) { capi_test::iota<int64_t>(out, CNP_INT64, std::move(shape)); }

void from_values(Handle& out, int32_t typenum, const void* data, std::vector<int64_t> shape) {
  cnp_dtype* d = dtype(typenum);
  REQUIRE(cnp_array_from_data(data, d, static_cast<int32_t>(shape.size()), shape.data(), nullptr, out.out()) ==
          CNP_OK);
  cnp_dtype_free(d);
}

std::vector<int64_t> shape_of(const cnp_array* a) {
  int32_t nd = 0;
  const int64_t* s = nullptr;
  cnp_array_ndim(a, &nd);
  cnp_array_shape(a, &s);
  return std::vector<int64_t>(s, s + nd);
}

// The elements in C order (int64 arrays).
std::vector<int64_t> values(const cnp_array* a) {
  Handle c;
  REQUIRE(cnp_copy(a, CNP_ORDER_C, c.out()) == CNP_OK);
  int64_t n = 0;
  cnp_array_size(c, &n);
  void* p = nullptr;
  cnp_array_data(c, &p);
  return std::vector<int64_t>(static_cast<int64_t*>(p), static_cast<int64_t*>(p) + n);
}

cnp_index slice_all() { return cnp_index{CNP_INDEX_SLICE, 0, 0, 0, 1, nullptr}; }
cnp_index arr_item(const cnp_array* a) { return cnp_index{CNP_INDEX_ARRAY, 0, 0, 0, 0, a}; }

}  // namespace

TEST_CASE("fancy index separated by a slice goes to the front", "[manip]") {
  Handle a, i0, i1, r;
  iota(a, {2, 3, 4});
  int64_t v0[] = {1, 0}, v1[] = {3, 2};
  from_values(i0, CNP_INT64, v0, {2});
  from_values(i1, CNP_INT64, v1, {2});
  cnp_index items[] = {arr_item(i0), slice_all(), arr_item(i1)};
  REQUIRE(cnp_array_index(a, 3, items, r.out()) == CNP_OK);
  CHECK(shape_of(r) == std::vector<int64_t>{2, 3});
  // a[1, :, 3] = 15, 19, 23 and a[0, :, 2] = 2, 6, 10
  CHECK(values(r) == std::vector<int64_t>{15, 19, 23, 2, 6, 10});
}

TEST_CASE("boolean mask selects in C order and errors name the dimension", "[manip]") {
  Handle a, m, r, bad, r2;
  iota(a, {2, 3});
  bool mv[] = {true, false, true, false, true, true};
  from_values(m, CNP_BOOL, mv, {2, 3});
  cnp_index items[] = {arr_item(m)};
  REQUIRE(cnp_array_index(a, 1, items, r.out()) == CNP_OK);
  CHECK(values(r) == std::vector<int64_t>{0, 2, 4, 5});
  bool bv[] = {true, false, true};
  from_values(bad, CNP_BOOL, bv, {3});
  cnp_index bitems[] = {arr_item(bad)};
  CHECK(cnp_array_index(a, 1, bitems, r2.out()) == CNP_ERR_INDEX);
  CHECK(r2.h == nullptr);
  CHECK(std::string(cnp_last_error()) ==
        "boolean index did not match indexed array along dimension 0; dimension is 2 but corresponding boolean "
        "dimension is 3");
}

TEST_CASE("index assignment broadcasts, casts and checks bounds before writing", "[manip]") {
  Handle a, idx, val, bad;
  iota(a, {5});
  int64_t iv[] = {4, 0};
  from_values(idx, CNP_INT64, iv, {2});
  double d = 2.7;
  from_values(val, CNP_FLOAT64, &d, {1});
  cnp_index items[] = {arr_item(idx)};
  REQUIRE(cnp_array_index_assign(a, 1, items, val) == CNP_OK);
  CHECK(values(a) == std::vector<int64_t>{2, 1, 2, 3, 2});
  int64_t bv[] = {1, 7};
  from_values(bad, CNP_INT64, bv, {2});
  cnp_index bitems[] = {arr_item(bad)};
  CHECK(cnp_array_index_assign(a, 1, bitems, val) == CNP_ERR_INDEX);
  CHECK(std::string(cnp_last_error()) == "index 7 is out of bounds for axis 0 with size 5");
  CHECK(values(a) == std::vector<int64_t>{2, 1, 2, 3, 2});
}

TEST_CASE("take concatenate repeat nonzero", "[manip]") {
  Handle a, ind, t, b, c, rep, r, nz;
  iota(a, {2, 3});
  int64_t iv[] = {2, 0, -1};
  from_values(ind, CNP_INT64, iv, {3});
  int64_t axis = 1;
  REQUIRE(cnp_take(a, ind, &axis, CNP_MODE_RAISE, t.out()) == CNP_OK);
  CHECK(values(t) == std::vector<int64_t>{2, 0, 2, 5, 3, 5});
  iota(b, {2, 1});
  const cnp_array* parts[] = {a, b};
  REQUIRE(cnp_concatenate(2, parts, &axis, nullptr, nullptr, CNP_CASTING_SAME_KIND, c.out()) == CNP_OK);
  CHECK(shape_of(c) == std::vector<int64_t>{2, 4});
  CHECK(values(c) == std::vector<int64_t>{0, 1, 2, 0, 3, 4, 5, 1});
  int64_t zero = 0;
  Handle bad;
  CHECK(cnp_concatenate(2, parts, &zero, nullptr, nullptr, CNP_CASTING_SAME_KIND, bad.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) ==
        "all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, "
        "the array at index 0 has size 3 and the array at index 1 has size 1");
  int64_t two = 2;
  from_values(rep, CNP_INT64, &two, {});
  REQUIRE(cnp_repeat(b, rep, nullptr, r.out()) == CNP_OK);
  CHECK(values(r) == std::vector<int64_t>{0, 0, 1, 1});
  REQUIRE(cnp_nonzero(t, nz.out()) == CNP_OK);
  CHECK(shape_of(nz) == std::vector<int64_t>{2, 5});
  CHECK(values(nz) == std::vector<int64_t>{0, 0, 1, 1, 1, 0, 2, 0, 1, 2});
}

TEST_CASE("broadcast_to and diagonal are read-only views", "[manip]") {
  Handle a, bc, dg;
  iota(a, {3, 3});
  int64_t shape[] = {2, 3, 3};
  REQUIRE(cnp_broadcast_to(a, 3, shape, bc.out()) == CNP_OK);
  int32_t flags = 0;
  cnp_array_flags(bc, &flags);
  CHECK((flags & CNP_FLAG_WRITEABLE) == 0);
  REQUIRE(cnp_diagonal(a, 1, 0, 1, dg.out()) == CNP_OK);
  CHECK(values(dg) == std::vector<int64_t>{1, 5});
  void* pa = nullptr;
  void* pd = nullptr;
  cnp_array_data(a, &pa);
  cnp_array_data(dg, &pd);
  CHECK(static_cast<char*>(pd) == static_cast<char*>(pa) + 8);
  int64_t bad_shape[] = {4};
  Handle bad;
  CHECK(cnp_broadcast_to(a, 1, bad_shape, bad.out()) == CNP_ERR_VALUE);
  CHECK(bad.h == nullptr);
}

TEST_CASE("null and foreign handles are errors", "[manip]") {
  Handle r;
  CHECK(cnp_take(nullptr, nullptr, nullptr, 0, r.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_nonzero(nullptr, r.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_concatenate(1, nullptr, nullptr, nullptr, nullptr, 0, r.out()) == CNP_ERR_INVALID_HANDLE);
  Handle a;
  iota(a, {3});
  cnp_index items[] = {cnp_index{CNP_INDEX_ARRAY, 0, 0, 0, 0, nullptr}};
  CHECK(cnp_array_index(a, 1, items, r.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(r.h == nullptr);
}

TEST_CASE("stack vstack hstack", "[manip]") {
  Handle a, b, s, v, h, bad;
  iota(a, {3});
  iota(b, {3});
  const cnp_array* parts[] = {a, b};
  REQUIRE(cnp_stack(2, parts, -1, nullptr, nullptr, CNP_CASTING_SAME_KIND, s.out()) == CNP_OK);
  CHECK(shape_of(s) == std::vector<int64_t>{3, 2});
  CHECK(values(s) == std::vector<int64_t>{0, 0, 1, 1, 2, 2});
  REQUIRE(cnp_vstack(2, parts, nullptr, CNP_CASTING_SAME_KIND, v.out()) == CNP_OK);
  CHECK(shape_of(v) == std::vector<int64_t>{2, 3});
  REQUIRE(cnp_hstack(2, parts, nullptr, CNP_CASTING_SAME_KIND, h.out()) == CNP_OK);
  CHECK(values(h) == std::vector<int64_t>{0, 1, 2, 0, 1, 2});
  Handle c;
  iota(c, {2});
  const cnp_array* mixed[] = {a, c};
  CHECK(cnp_stack(2, mixed, 0, nullptr, nullptr, CNP_CASTING_SAME_KIND, bad.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "all input arrays must have the same shape");
  CHECK(cnp_vstack(0, nullptr, nullptr, CNP_CASTING_SAME_KIND, bad.out()) == CNP_ERR_VALUE);
  CHECK(bad.h == nullptr);
}
