// Strides, views, refcounts, contiguity, casting and the error paths of the C ABI.
#include <catch2/catch.hpp>
#include <cstring>
#include <vector>

#include "cnumpy/cnumpy.h"

namespace {
struct Handle {  // frees on scope exit, so failed REQUIREs do not leak under the sanitizers
  cnp_array* h = nullptr;
  ~Handle() { cnp_array_free(h); }
  cnp_array** out() { return &h; }
  operator cnp_array*() const { return h; }
};
struct Dt {
  cnp_dtype* d = nullptr;
  explicit Dt(const char* s) { REQUIRE(cnp_dtype_from_string(s, &d) == CNP_OK); }
  ~Dt() { cnp_dtype_free(d); }
  operator const cnp_dtype*() const { return d; }
};
cnp_scalar f64(double v) {
  cnp_scalar s{};
  s.typenum = CNP_FLOAT64;
  s.value.f = v;
  return s;
}
cnp_scalar i64(int64_t v, bool weak = false) {
  cnp_scalar s{};
  s.typenum = CNP_INT64;
  s.flags = weak ? CNP_SCALAR_WEAK : 0;
  s.value.i = v;
  return s;
}
std::vector<int64_t> shape_of(cnp_array* a) {
  int32_t nd = 0;
  const int64_t* s = nullptr;
  REQUIRE(cnp_array_ndim(a, &nd) == CNP_OK);
  REQUIRE(cnp_array_shape(a, &s) == CNP_OK);
  return std::vector<int64_t>(s, s + nd);
}
std::vector<int64_t> strides_of(cnp_array* a) {
  int32_t nd = 0;
  const int64_t* s = nullptr;
  REQUIRE(cnp_array_ndim(a, &nd) == CNP_OK);
  REQUIRE(cnp_array_strides(a, &s) == CNP_OK);
  return std::vector<int64_t>(s, s + nd);
}
double at(cnp_array* a, std::vector<int64_t> idx) {
  cnp_scalar s{};
  REQUIRE(cnp_array_getitem(a, static_cast<int32_t>(idx.size()), idx.data(), &s) == CNP_OK);
  return s.typenum == CNP_FLOAT64 ? s.value.f : static_cast<double>(s.value.i);
}
}  // namespace

TEST_CASE("new arrays are aligned, contiguous and owned", "[array]") {
  Handle a;
  int64_t shape[3] = {2, 3, 4};
  REQUIRE(cnp_zeros(3, shape, nullptr, CNP_ORDER_C, a.out()) == CNP_OK);
  void* data = nullptr;
  REQUIRE(cnp_array_data(a, &data) == CNP_OK);
  CHECK(reinterpret_cast<uintptr_t>(data) % 64 == 0);
  CHECK(strides_of(a) == std::vector<int64_t>{96, 32, 8});
  int32_t flags = 0;
  REQUIRE(cnp_array_flags(a, &flags) == CNP_OK);
  CHECK((flags & CNP_FLAG_C_CONTIGUOUS));
  CHECK(!(flags & CNP_FLAG_F_CONTIGUOUS));
  CHECK((flags & CNP_FLAG_OWNDATA));
  CHECK((flags & CNP_FLAG_WRITEABLE));
  Handle f;
  REQUIRE(cnp_ones(3, shape, nullptr, CNP_ORDER_F, f.out()) == CNP_OK);
  CHECK(strides_of(f) == std::vector<int64_t>{8, 16, 48});
  CHECK(at(f, {1, 2, 3}) == 1.0);
}

TEST_CASE("views share memory and outlive their base", "[array]") {
  cnp_array* base = nullptr;
  cnp_scalar stop = f64(12);
  REQUIRE(cnp_arange(&stop, nullptr, nullptr, nullptr, &base) == CNP_OK);  // arange(12.0)
  int64_t shape[2] = {3, 4};
  Handle m, t;
  REQUIRE(cnp_reshape(base, 2, shape, CNP_ORDER_C, m.out()) == CNP_OK);
  REQUIRE(cnp_transpose(m, nullptr, -1, t.out()) == CNP_OK);
  cnp_array_free(base);  // the views keep the buffer alive
  CHECK(shape_of(t) == std::vector<int64_t>{4, 3});
  CHECK(strides_of(t) == std::vector<int64_t>{8, 32});
  int64_t idx[2] = {1, 2};
  cnp_scalar v = f64(-7);
  REQUIRE(cnp_array_setitem(t, 2, idx, &v) == CNP_OK);
  CHECK(at(m, {2, 1}) == -7.0);
  int32_t share = 0;
  REQUIRE(cnp_may_share_memory(m, t, &share) == CNP_OK);
  CHECK(share == 1);
  int32_t flags = 0;
  REQUIRE(cnp_array_flags(t, &flags) == CNP_OK);
  CHECK((flags & CNP_FLAG_F_CONTIGUOUS));
  CHECK(!(flags & CNP_FLAG_OWNDATA));
}

TEST_CASE("reshape makes views when strides allow and copies otherwise", "[array]") {
  Handle a, t, r1, r2;
  cnp_scalar stop = i64(24);
  REQUIRE(cnp_arange(&stop, nullptr, nullptr, nullptr, a.out()) == CNP_OK);
  int64_t s234[3] = {2, 3, 4};
  Handle b;
  REQUIRE(cnp_reshape(a, 3, s234, CNP_ORDER_C, b.out()) == CNP_OK);
  REQUIRE(cnp_transpose(b, nullptr, -1, t.out()) == CNP_OK);  // (4,3,2), F-contiguous
  int64_t flat[1] = {-1};
  REQUIRE(cnp_reshape(t, 1, flat, CNP_ORDER_C, r1.out()) == CNP_OK);  // needs a copy
  int32_t share = 1;
  REQUIRE(cnp_may_share_memory(r1, a, &share) == CNP_OK);
  CHECK(share == 0);
  CHECK(at(r1, {1}) == 12.0);
  REQUIRE(cnp_reshape(t, 1, flat, CNP_ORDER_F, r2.out()) == CNP_OK);  // a view in F order
  REQUIRE(cnp_may_share_memory(r2, a, &share) == CNP_OK);
  CHECK(share == 1);
  CHECK(at(r2, {5}) == 5.0);
  Handle bad;
  int64_t two_unknown[2] = {-1, -1};
  CHECK(cnp_reshape(a, 2, two_unknown, CNP_ORDER_C, bad.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "can only specify one unknown dimension");
  CHECK(bad.h == nullptr);
}

TEST_CASE("basic indexing normalises like Python slices", "[array]") {
  Handle a, v;
  cnp_scalar stop = i64(10);
  REQUIRE(cnp_arange(&stop, nullptr, nullptr, nullptr, a.out()) == CNP_OK);
  cnp_index it{};
  it.kind = CNP_INDEX_SLICE;
  it.flags = CNP_SLICE_HAS_START | CNP_SLICE_HAS_STOP | CNP_SLICE_HAS_STEP;
  it.start = 100;
  it.stop = -100;
  it.step = -3;
  REQUIRE(cnp_array_index(a, 1, &it, v.out()) == CNP_OK);  // a[100:-100:-3] -> 9, 6, 3, 0
  CHECK(shape_of(v) == std::vector<int64_t>{4});
  CHECK(strides_of(v) == std::vector<int64_t>{-24});
  CHECK(at(v, {-1}) == 0.0);
  cnp_index bad_items[2]{};
  bad_items[0].kind = CNP_INDEX_INTEGER;
  bad_items[1].kind = CNP_INDEX_INTEGER;
  Handle bad;
  CHECK(cnp_array_index(a, 2, bad_items, bad.out()) == CNP_ERR_INDEX);
  CHECK(std::string(cnp_last_error()) == "too many indices for array: array is 1-dimensional, but 2 were indexed");
  bad_items[0].start = -11;
  CHECK(cnp_array_index(a, 1, bad_items, bad.out()) == CNP_ERR_INDEX);
  CHECK(std::string(cnp_last_error()) == "index -11 is out of bounds for axis 0 with size 10");
  it.step = 0;
  CHECK(cnp_array_index(a, 1, &it, bad.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "slice step cannot be zero");
}

TEST_CASE("casting rules and read-only memory are enforced", "[array]") {
  Handle a, c;
  cnp_scalar stop = f64(4);
  REQUIRE(cnp_arange(&stop, nullptr, nullptr, nullptr, a.out()) == CNP_OK);
  Dt i4("int32");
  CHECK(cnp_astype(a, i4, CNP_ORDER_K, CNP_CASTING_SAFE, 1, c.out()) == CNP_ERR_TYPE);
  CHECK(std::string(cnp_last_error()) ==
        "Cannot cast array data from dtype('float64') to dtype('int32') according to the rule 'safe'");
  REQUIRE(cnp_array_set_writeable(a, 0) == CNP_OK);
  cnp_scalar v = f64(1);
  int64_t idx = 0;
  CHECK(cnp_array_setitem(a, 1, &idx, &v) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "assignment destination is read-only");
  CHECK(cnp_array_fill(a, &v) == CNP_ERR_VALUE);
  cnp_scalar big = i64(300, true);
  Dt i1("int8");
  Handle s;
  CHECK(cnp_array_from_scalar(&big, i1, s.out()) == CNP_ERR_OVERFLOW);
  CHECK(std::string(cnp_last_error()) == "Python integer 300 out of bounds for int8");
  cnp_scalar typed = i64(300);
  REQUIRE(cnp_array_from_scalar(&typed, i1, s.out()) == CNP_OK);  // a typed value wraps like astype
  CHECK(at(s, {}) == 44.0);
}

TEST_CASE("creation errors carry NumPy's messages", "[array]") {
  Handle a;
  int64_t neg[2] = {2, -3};
  CHECK(cnp_empty(2, neg, nullptr, CNP_ORDER_C, a.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "negative dimensions are not allowed");
  int64_t many[33];
  for (auto& x : many) x = 1;
  CHECK(cnp_empty(33, many, nullptr, CNP_ORDER_C, a.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "maximum supported dimension for an ndarray is 32, found 33");
  int64_t huge[1] = {int64_t{1} << 40};
  CHECK(cnp_empty(1, huge, nullptr, CNP_ORDER_C, a.out()) == CNP_ERR_MEMORY);
  CHECK(std::string(cnp_last_error()) ==
        "Unable to allocate 8.00 TiB for an array with shape (1099511627776,) and data type float64");
  int64_t over[1] = {int64_t{1} << 62};
  CHECK(cnp_empty(1, over, nullptr, CNP_ORDER_C, a.out()) == CNP_ERR_VALUE);
  cnp_scalar zero = i64(0, true), five = i64(5, true);
  CHECK(cnp_arange(&zero, &five, &zero, nullptr, a.out()) == CNP_ERR_ZERO_DIVISION);
  CHECK(std::string(cnp_last_error()) == "division by zero");
  CHECK(a.h == nullptr);
}

TEST_CASE("wrapped memory: deleter runs once, after the last view", "[array]") {
  static int calls = 0;
  calls = 0;
  auto* mem = new double[6]{1, 2, 3, 4, 5, 6};
  Dt f8("float64");
  int64_t shape[2] = {2, 3};
  cnp_array* w = nullptr;
  REQUIRE(cnp_array_wrap(mem, f8, 2, shape, nullptr, 1,
                         [](void* p, void*) {
                           ++calls;
                           delete[] static_cast<double*>(p);
                         },
                         nullptr, &w) == CNP_OK);
  Handle v;
  REQUIRE(cnp_transpose(w, nullptr, -1, v.out()) == CNP_OK);
  cnp_array_free(w);
  CHECK(calls == 0);
  CHECK(at(v, {2, 1}) == 6.0);
  cnp_array_free(v.h);
  v.h = nullptr;
  CHECK(calls == 1);
  // A read-only wrap cannot be made writeable.
  double ro[2] = {1, 2};
  int64_t n = 2;
  Handle r;
  REQUIRE(cnp_array_wrap(ro, f8, 1, &n, nullptr, 0, nullptr, nullptr, r.out()) == CNP_OK);
  CHECK(cnp_array_set_writeable(r, 1) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "cannot set WRITEABLE flag to True of this array");
}

TEST_CASE("NULL and foreign handles are errors, not crashes", "[array][capi]") {
  int32_t nd = 0;
  CHECK(cnp_array_ndim(nullptr, &nd) == CNP_ERR_INVALID_HANDLE);
  char junk[sizeof(void*) * 8] = {};
  CHECK(cnp_array_ndim(reinterpret_cast<cnp_array*>(junk), &nd) == CNP_ERR_INVALID_HANDLE);
  Handle a;
  CHECK(cnp_copy(nullptr, CNP_ORDER_C, a.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_copyto(nullptr, nullptr, CNP_CASTING_SAME_KIND, nullptr) == CNP_ERR_INVALID_HANDLE);
  cnp_array_free(nullptr);
}

TEST_CASE("copyto broadcasts, casts and honours where", "[array]") {
  Handle dst, src, mask;
  int64_t shape[2] = {2, 3};
  REQUIRE(cnp_zeros(2, shape, nullptr, CNP_ORDER_C, dst.out()) == CNP_OK);
  cnp_scalar stop = i64(3);
  REQUIRE(cnp_arange(&stop, nullptr, nullptr, nullptr, src.out()) == CNP_OK);  // int64 [0 1 2]
  REQUIRE(cnp_copyto(dst, src, CNP_CASTING_SAME_KIND, nullptr) == CNP_OK);
  CHECK(at(dst, {1, 2}) == 2.0);
  Dt b("bool");
  REQUIRE(cnp_zeros(1, &shape[1], b, CNP_ORDER_C, mask.out()) == CNP_OK);
  int64_t one = 1;
  cnp_scalar t{};
  t.typenum = CNP_BOOL;
  t.value.i = 1;
  REQUIRE(cnp_array_setitem(mask, 1, &one, &t) == CNP_OK);
  Handle tens;
  cnp_scalar ten = f64(10);
  REQUIRE(cnp_full(2, shape, nullptr, nullptr, CNP_ORDER_C, tens.out()) == CNP_ERR_INVALID_HANDLE);
  REQUIRE(cnp_array_from_scalar(&ten, nullptr, tens.out()) == CNP_OK);
  REQUIRE(cnp_copyto(dst, tens, CNP_CASTING_SAME_KIND, mask) == CNP_OK);
  CHECK(at(dst, {0, 0}) == 0.0);
  CHECK(at(dst, {0, 1}) == 10.0);
  CHECK(at(dst, {1, 1}) == 10.0);
  Handle wrong;
  int64_t four = 4;
  REQUIRE(cnp_zeros(1, &four, nullptr, CNP_ORDER_C, wrong.out()) == CNP_OK);
  CHECK(cnp_copyto(dst, wrong, CNP_CASTING_SAME_KIND, nullptr) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "could not broadcast input array from shape (4,) into shape (2,3)");
}

TEST_CASE("empty views are contiguous and reshape without touching strides", "[array]") {
  Handle a, v, r;
  int64_t shape[2] = {3, 4};
  REQUIRE(cnp_zeros(2, shape, nullptr, CNP_ORDER_C, a.out()) == CNP_OK);
  cnp_index items[2]{};
  items[0].kind = CNP_INDEX_SLICE;
  items[0].flags = CNP_SLICE_HAS_STOP;
  items[0].stop = 0;  // a[:0, ::2]: shape (0, 2), strides (32, 16)
  items[1].kind = CNP_INDEX_SLICE;
  items[1].flags = CNP_SLICE_HAS_STEP;
  items[1].step = 2;
  REQUIRE(cnp_array_index(a, 2, items, v.out()) == CNP_OK);
  int32_t flags = 0;
  REQUIRE(cnp_array_flags(v, &flags) == CNP_OK);
  CHECK((flags & CNP_FLAG_C_CONTIGUOUS));
  CHECK((flags & CNP_FLAG_F_CONTIGUOUS));
  int64_t newshape[3] = {2, 0, 5};
  CHECK(cnp_reshape(v, 3, newshape, CNP_ORDER_C, r.out()) == CNP_OK);
  CHECK(shape_of(r) == std::vector<int64_t>{2, 0, 5});
}

TEST_CASE("astype without copy returns the input handle, copyto drops leading unit axes", "[array]") {
  Handle a, same, row, dst;
  cnp_scalar stop = i64(3);
  REQUIRE(cnp_arange(&stop, nullptr, nullptr, nullptr, a.out()) == CNP_OK);
  Dt i8("int64");
  REQUIRE(cnp_astype(a, i8, CNP_ORDER_K, CNP_CASTING_UNSAFE, 0, same.out()) == CNP_OK);
  CHECK(same.h == a.h);  // a second reference to the same handle
  int64_t shape13[2] = {1, 3};
  REQUIRE(cnp_reshape(a, 2, shape13, CNP_ORDER_C, row.out()) == CNP_OK);
  int64_t three = 3;
  REQUIRE(cnp_zeros(1, &three, nullptr, CNP_ORDER_C, dst.out()) == CNP_OK);
  REQUIRE(cnp_copyto(dst, row, CNP_CASTING_SAME_KIND, nullptr) == CNP_OK);
  CHECK(at(dst, {2}) == 2.0);
}
