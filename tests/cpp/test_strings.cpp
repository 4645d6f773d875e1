// String arrays through the C ABI (issue 23, core): data movement (take, concatenate, where,
// advanced indexing) on S/U as bytes, the sort methods of the loop registry (sort, argsort,
// searchsorted, unique, in1d), string -> number parsing errors, and the registry lookups.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

#include "capi_test_util.hpp"
#include "cnumpy/cnumpy.h"
#include "core/loop_registry.hpp"
#include "sort/methods.hpp"

using capi_test::dtype_str;
using capi_test::Handle;

namespace {

struct Dt {
  cnp_dtype* d = nullptr;
  explicit Dt(const char* spec) { REQUIRE(cnp_dtype_from_string(spec, &d) == CNP_OK); }
  ~Dt() { cnp_dtype_free(d); }
  Dt(const Dt&) = delete;
  Dt& operator=(const Dt&) = delete;
};

// A 1-D S<width> array of the given strings (NUL-padded).
void bytes_array(Handle& out, const std::vector<std::string>& v, int width) {
  std::vector<char> raw(v.size() * static_cast<size_t>(width), '\0');
  for (size_t i = 0; i < v.size(); ++i) std::memcpy(raw.data() + i * static_cast<size_t>(width), v[i].data(), v[i].size());
  Dt d(("S" + std::to_string(width)).c_str());
  int64_t n = static_cast<int64_t>(v.size());
  REQUIRE(cnp_array_from_data(raw.data(), d.d, 1, &n, nullptr, out.out()) == CNP_OK);
}

// A 1-D U<width> array of ASCII strings.
void unicode_array(Handle& out, const std::vector<std::string>& v, int width) {
  std::vector<uint32_t> raw(v.size() * static_cast<size_t>(width), 0);
  for (size_t i = 0; i < v.size(); ++i)
    for (size_t k = 0; k < v[i].size(); ++k) raw[i * static_cast<size_t>(width) + k] = static_cast<unsigned char>(v[i][k]);
  Dt d(("U" + std::to_string(width)).c_str());
  int64_t n = static_cast<int64_t>(v.size());
  REQUIRE(cnp_array_from_data(raw.data(), d.d, 1, &n, nullptr, out.out()) == CNP_OK);
}

std::vector<std::string> bytes_of(const cnp_array* a) {
  int64_t n = 0, w = 0;
  cnp_array_size(a, &n);
  cnp_array_itemsize(a, &w);
  std::vector<std::string> out;
  for (int64_t i = 0; i < n; ++i) {
    std::vector<char> buf(static_cast<size_t>(w));
    REQUIRE(cnp_array_getitem_bytes(a, 1, &i, buf.data(), w) == CNP_OK);
    std::string s(buf.data(), buf.size());
    s.erase(s.find_last_not_of('\0') + 1);
    out.push_back(s);
  }
  return out;
}

std::vector<int64_t> ints_of(const cnp_array* a) {
  int64_t n = 0;
  cnp_array_size(a, &n);
  void* p = nullptr;
  cnp_array_data(a, &p);
  return std::vector<int64_t>(static_cast<int64_t*>(p), static_cast<int64_t*>(p) + n);
}

}  // namespace

TEST_CASE("C ABI: data movement on string arrays", "[strings][capi]") {
  Handle a, idx, r;
  bytes_array(a, {"alpha", "Beta", "gamma", ""}, 5);
  capi_test::iota<int64_t>(idx, CNP_INT64, {2}, 2);  // [2, 3]
  REQUIRE(cnp_take(a, idx, nullptr, CNP_MODE_RAISE, r.out()) == CNP_OK);
  CHECK(bytes_of(r) == std::vector<std::string>{"gamma", ""});
  CHECK(dtype_str(r) == "|S5");

  Handle b, c;
  bytes_array(b, {"xy"}, 2);
  const cnp_array* both[2] = {a, b};
  int64_t axis = 0;
  REQUIRE(cnp_concatenate(2, both, &axis, nullptr, nullptr, CNP_CASTING_SAME_KIND, c.out()) == CNP_OK);
  CHECK(bytes_of(c) == std::vector<std::string>{"alpha", "Beta", "gamma", "", "xy"});
  CHECK(dtype_str(c) == "|S5");

  Handle u, mixed;
  unicode_array(u, {"abcdefg"}, 7);
  const cnp_array* su[2] = {a, u};
  REQUIRE(cnp_concatenate(2, su, &axis, nullptr, nullptr, CNP_CASTING_SAME_KIND, mixed.out()) == CNP_OK);
  CHECK(dtype_str(mixed) == "<U7");  // S with U is U, as wide as the widest

  Handle dt, bad;
  Dt m8("M8[D]");
  int64_t one = 1;
  REQUIRE(cnp_zeros(1, &one, m8.d, CNP_ORDER_C, dt.out()) == CNP_OK);
  const cnp_array* sd[2] = {a, dt};
  CHECK(cnp_concatenate(2, sd, &axis, nullptr, nullptr, CNP_CASTING_SAME_KIND, bad.out()) == CNP_ERR_TYPE);
  CHECK(std::string(cnp_last_error()).find("could not be promoted by") != std::string::npos);
  CHECK(bad.h == nullptr);
}

TEST_CASE("C ABI: sorting string arrays through their sort method", "[strings][capi][sort]") {
  Handle a, s, p, pos, needles, vals, inv, counts, in;
  bytes_array(a, {"pear", "apple", "fig", "apple", "", "figs"}, 5);
  REQUIRE(cnp_sort(a, nullptr, nullptr, s.out()) == CNP_OK);
  CHECK(bytes_of(s) == std::vector<std::string>{"", "apple", "apple", "fig", "figs", "pear"});
  REQUIRE(cnp_argsort(a, nullptr, "stable", p.out()) == CNP_OK);
  CHECK(ints_of(p) == std::vector<int64_t>{4, 1, 3, 2, 5, 0});
  bytes_array(needles, {"fig", "zz", ""}, 3);
  REQUIRE(cnp_searchsorted(s, needles, "right", nullptr, pos.out()) == CNP_OK);
  CHECK(ints_of(pos) == std::vector<int64_t>{4, 6, 1});
  REQUIRE(cnp_unique(a, 1, vals.out(), nullptr, inv.out(), counts.out()) == CNP_OK);
  CHECK(bytes_of(vals) == std::vector<std::string>{"", "apple", "fig", "figs", "pear"});
  CHECK(ints_of(inv) == std::vector<int64_t>{4, 1, 2, 1, 0, 3});
  CHECK(ints_of(counts) == std::vector<int64_t>{1, 2, 1, 1, 1});
  REQUIRE(cnp_in1d(needles, a, 0, in.out()) == CNP_OK);
  void* q = nullptr;
  cnp_array_data(in, &q);
  CHECK(std::vector<uint8_t>(static_cast<uint8_t*>(q), static_cast<uint8_t*>(q) + 3) == std::vector<uint8_t>{1, 0, 1});
}

TEST_CASE("C ABI: the registry holds the string and record sort methods", "[strings][capi][sort]") {
  Handle r, out;
  Dt rec("i4, f8");
  int64_t n = 3;
  REQUIRE(cnp_zeros(1, &n, rec.d, CNP_ORDER_C, r.out()) == CNP_OK);
  CHECK(cnp_sort(r, nullptr, nullptr, out.out()) == CNP_OK);  // records: src/sort/record_sort.cpp
  Dt s("S3"), u(">U2");
  const cnp::Dtype* ds = s.d;
  const cnp::Dtype* du = u.d;
  const cnp::Dtype* dr = rec.d;
  CHECK(cnp::loop_registry().find(cnp::kOpSort, &dr, 1) != nullptr);
  CHECK(cnp::loop_registry().find(cnp::kOpSort, &ds, 1) != nullptr);
  CHECK(cnp::loop_registry().find(cnp::kOpSort, &du, 1) != nullptr);
  const auto& m = cnp::sorting::sort_method(du);
  const char a[8] = {0, 0, 0, 'a', 0, 0, 0, 'b'};  // 'a' 'b' big-endian UCS4
  const char b[8] = {0, 0, 0, 'a', 0, 0, 0, 'c'};
  CHECK(m.less(du, a, b));
  CHECK_FALSE(m.less(du, b, a));
  CHECK(m.equal(du, a, a));
}

TEST_CASE("C ABI: string to number casts parse as Python", "[strings][capi]") {
  Handle a, r;
  bytes_array(a, {" 1_000 ", "-7"}, 7);
  Dt i8("i8"), f8("f8");
  REQUIRE(cnp_astype(a, i8.d, CNP_ORDER_K, CNP_CASTING_UNSAFE, 1, r.out()) == CNP_OK);
  CHECK(ints_of(r) == std::vector<int64_t>{1000, -7});
  Handle b, bad;
  bytes_array(b, {"1.5"}, 3);
  CHECK(cnp_astype(b, i8.d, CNP_ORDER_K, CNP_CASTING_UNSAFE, 1, bad.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "invalid literal for int() with base 10: b'1.5'");
  Handle c, bad2;
  bytes_array(c, {"1__0"}, 4);
  CHECK(cnp_astype(c, f8.d, CNP_ORDER_K, CNP_CASTING_UNSAFE, 1, bad2.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "could not convert string to float: b'1__0'");
}
