// numpy.char through the C ABI (include/cnumpy/char.h): results, widths and the error paths
// (status + NumPy's message, nothing handed out). tests/python/test_char.py compares every
// function with NumPy; this file checks what a C caller sees.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

#include "capi_test_util.hpp"
#include "cnumpy/cnumpy.h"

using capi_test::dtype_str;
using capi_test::Handle;

namespace {

// A 1-D array of `spec` ("<U5", "|S3", ">U4") from UTF-32/byte texts.
void strings(Handle& out, const char* spec, const std::vector<std::u32string>& items) {
  cnp_dtype* d = nullptr;
  REQUIRE(cnp_dtype_from_string(spec, &d) == CNP_OK);
  int64_t itemsize = 0;
  REQUIRE(cnp_dtype_itemsize(d, &itemsize) == CNP_OK);
  const bool u = spec[1] == 'U', big = spec[0] == '>';
  std::vector<char> buf(items.size() * static_cast<size_t>(itemsize), 0);
  for (size_t i = 0; i < items.size(); ++i)
    for (size_t k = 0; k < items[i].size(); ++k) {
      char* p = buf.data() + i * static_cast<size_t>(itemsize) + k * (u ? 4 : 1);
      uint32_t c = static_cast<uint32_t>(items[i][k]);
      if (!u) *p = static_cast<char>(c);
      else {
        if (big) c = __builtin_bswap32(c);
        std::memcpy(p, &c, 4);
      }
    }
  const int64_t n = static_cast<int64_t>(items.size());
  REQUIRE(cnp_array_from_data(buf.data(), d, 1, &n, nullptr, out.out()) == CNP_OK);
  cnp_dtype_free(d);
}

void int_scalar(Handle& out, int64_t v) {
  cnp_dtype* d = capi_test::dtype(CNP_INT64);
  REQUIRE(cnp_array_from_data(&v, d, 0, nullptr, nullptr, out.out()) == CNP_OK);
  cnp_dtype_free(d);
}

// Element i of a U or S array (trailing NULs dropped) as UTF-32.
std::u32string item(const cnp_array* a, int64_t i) {
  cnp_dtype* d = nullptr;
  REQUIRE(cnp_array_dtype(a, &d) == CNP_OK);
  int64_t itemsize = 0;
  REQUIRE(cnp_dtype_itemsize(d, &itemsize) == CNP_OK);
  int32_t kind = 0;
  REQUIRE(cnp_dtype_kind(d, &kind) == CNP_OK);
  cnp_dtype_free(d);
  void* data = nullptr;
  REQUIRE(cnp_array_data(a, &data) == CNP_OK);
  const char* p = static_cast<const char*>(data) + i * itemsize;
  std::u32string s;
  if (kind == 'U') {
    for (int64_t k = 0; k < itemsize / 4; ++k) {
      uint32_t c;
      std::memcpy(&c, p + 4 * k, 4);
      s.push_back(c);
    }
  } else {
    for (int64_t k = 0; k < itemsize; ++k) s.push_back(static_cast<unsigned char>(p[k]));
  }
  while (!s.empty() && s.back() == 0) s.pop_back();
  return s;
}

}  // namespace

TEST_CASE("char: upper keeps the dtype and cuts full mappings to the width", "[char]") {
  Handle a, out;
  strings(a, "<U5", {U"alpha", U"Beta", U"gamma", U"", U"\u00dfa"});
  REQUIRE(cnp_char_upper(a, out.out()) == CNP_OK);
  CHECK(dtype_str(out) == "<U5");
  CHECK(item(out, 0) == U"ALPHA");
  CHECK(item(out, 3) == U"");
  CHECK(item(out, 4) == U"SSA");
  Handle b, out2;
  strings(b, ">U4", {U"\u03a3\u0391\u03a3"});
  REQUIRE(cnp_char_lower(b, out2.out()) == CNP_OK);
  CHECK(dtype_str(out2) == ">U4");
}

TEST_CASE("char: find and index through the C ABI", "[char]") {
  Handle a, sub, start, out;
  strings(a, "<U5", {U"alpha", U"Beta", U"gamma", U""});
  strings(sub, "<U1", {U"a"});
  int_scalar(start, 0);
  REQUIRE(cnp_char_find(a, sub, start, nullptr, out.out()) == CNP_OK);
  void* data = nullptr;
  REQUIRE(cnp_array_data(out, &data) == CNP_OK);
  const auto* r = static_cast<const int64_t*>(data);
  CHECK(r[0] == 0);
  CHECK(r[1] == 3);
  CHECK(r[2] == 1);
  CHECK(r[3] == -1);
  Handle bad;
  CHECK(cnp_char_index(a, sub, start, nullptr, bad.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "substring not found");
  CHECK(bad.h == nullptr);
}

TEST_CASE("char: widths of center and add, pieces and counts of split", "[char]") {
  Handle a, w, f, out;
  strings(a, "|S3", {U"ab", U"c"});
  int_scalar(w, 7);
  strings(f, "|S1", {U"*"});
  REQUIRE(cnp_char_center(a, w, f, out.out()) == CNP_OK);
  CHECK(dtype_str(out) == "|S7");
  CHECK(item(out, 0) == U"***ab**");
  Handle sum;
  REQUIRE(cnp_char_add(a, a, sum.out()) == CNP_OK);
  CHECK(dtype_str(sum) == "|S6");
  CHECK(item(sum, 0) == U"abab");
  Handle s, pieces, counts;
  strings(s, "<U7", {U"a b  c", U"", U" x "});
  REQUIRE(cnp_char_split(s, nullptr, nullptr, pieces.out(), counts.out()) == CNP_OK);
  void* data = nullptr;
  REQUIRE(cnp_array_data(counts, &data) == CNP_OK);
  const auto* c = static_cast<const int64_t*>(data);
  CHECK(c[0] == 3);
  CHECK(c[1] == 0);
  CHECK(c[2] == 1);
  CHECK(item(pieces, 3) == U"x");
}

TEST_CASE("char: bad input is a status and NumPy's message", "[char]") {
  Handle ints, out;
  capi_test::iota<int64_t>(ints, CNP_INT64, {3});
  CHECK(cnp_char_upper(ints, out.out()) == CNP_ERR_TYPE);
  CHECK(std::string(cnp_last_error()) == "string operation on non-string array");
  Handle b;
  strings(b, "|S2", {U"\xff"});
  CHECK(cnp_char_decode(b, nullptr, nullptr, out.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
  CHECK(cnp_char_decode(b, "bogus", nullptr, out.out()) == CNP_ERR_KEY);
  CHECK(cnp_char_isnumeric(b, out.out()) == CNP_ERR_TYPE);
  Handle u;
  strings(u, "<U2", {U"ab"});
  CHECK(cnp_char_find(u, b, b, nullptr, out.out()) == CNP_ERR_TYPE);
  CHECK(std::string(cnp_last_error()) == "must be str, not numpy.bytes_");
  CHECK(cnp_char_compare(u, b, "==", 1, out.out()) == CNP_ERR_NOT_IMPLEMENTED);
  CHECK(cnp_char_upper(nullptr, out.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(out.h == nullptr);
}
