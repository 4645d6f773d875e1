// dtype parsing, NumPy's casting and promotion tables, half-precision conversions.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>

#include "cnumpy/cnumpy.h"
#include "core/dtype.hpp"
#include "core/types.hpp"

using namespace cnp;

TEST_CASE("dtype spellings follow NumPy", "[dtype]") {
  CHECK(parse_dtype("float32")->typenum == CNP_FLOAT32);
  CHECK(parse_dtype("<f4")->typenum == CNP_FLOAT32);
  CHECK(parse_dtype("i8")->typenum == CNP_INT64);
  CHECK(parse_dtype("complex128")->typenum == CNP_COMPLEX128);
  CHECK(parse_dtype("bool")->typenum == CNP_BOOL);
  CHECK(parse_dtype("?")->typenum == CNP_BOOL);
  CHECK(parse_dtype("|u1")->typenum == CNP_UINT8);
  CHECK(parse_dtype("e")->typenum == CNP_FLOAT16);
  CHECK(parse_dtype(">i1")->typenum == CNP_INT8);
  CHECK_THROWS_WITH(parse_dtype("xyz"), "data type 'xyz' not understood");
  CHECK(parse_dtype("U16")->itemsize == 64);
  CHECK(parse_dtype(">f8")->swapped);
}

TEST_CASE("safe and same_kind casting match NumPy's table", "[dtype]") {
  // Rows from numpy.can_cast over bool,i1,u1,i2,u2,i4,u4,i8,u8,f2,f4,f8,c8,c16 (NumPy 1.24).
  const char* types[] = {"?", "i1", "u1", "i2", "u2", "i4", "u4", "i8", "u8", "f2", "f4", "f8", "c8", "c16"};
  const char* safe[] = {"11111111111111", ".1.1.1.1.11111", "..111111111111", "...1.1.1..1111", "....11111.1111",
                        ".....1.1...1.1", "......111..1.1", ".......1...1.1", "........1..1.1", ".........11111",
                        "..........1111", "...........1.1", "............11", ".............1"};
  const char* same_kind[] = {"11111111111111", ".1.1.1.1.11111", ".1111111111111", ".1.1.1.1.11111", ".1111111111111",
                             ".1.1.1.1.11111", ".1111111111111", ".1.1.1.1.11111", ".1111111111111", ".........11111",
                             ".........11111", ".........11111", "............11", "............11"};
  for (int i = 0; i < 14; ++i)
    for (int j = 0; j < 14; ++j) {
      INFO(types[i] << " -> " << types[j]);
      CHECK(can_cast(parse_dtype(types[i]).get(), parse_dtype(types[j]).get(), CNP_CASTING_SAFE) == (safe[i][j] == '1'));
      CHECK(can_cast(parse_dtype(types[i]).get(), parse_dtype(types[j]).get(), CNP_CASTING_SAME_KIND) == (same_kind[i][j] == '1'));
      CHECK(can_cast(parse_dtype(types[i]).get(), parse_dtype(types[j]).get(), CNP_CASTING_NO) == (i == j));
      CHECK(can_cast(parse_dtype(types[i]).get(), parse_dtype(types[j]).get(), CNP_CASTING_UNSAFE));
    }
}

TEST_CASE("promotion matches NumPy", "[dtype]") {
  auto p = [](const char* a, const char* b) { return promote_types(parse_dtype(a).get(), parse_dtype(b).get())->name; };
  CHECK(p("i8", "u8") == "float64");
  CHECK(p("i1", "u1") == "int16");
  CHECK(p("u1", "f2") == "float16");
  CHECK(p("i2", "f2") == "float32");
  CHECK(p("i4", "f4") == "float64");
  CHECK(p("c8", "f8") == "complex128");
  CHECK(p("?", "u2") == "uint16");
  CHECK(p("u4", "i4") == "int64");
}

TEST_CASE("float16 conversions round to nearest even", "[dtype]") {
  CHECK(half_to_float(float_to_half(1.0f)) == 1.0f);
  CHECK(float_to_half(65504.0f) == 0x7bff);
  CHECK(float_to_half(65520.0f) == 0x7c00);      // rounds up into infinity
  CHECK(float_to_half(1.0f + 1.0f / 2048) == 0x3c00);  // tie to even
  CHECK(float_to_half(5.9604645e-08f) == 0x0001);      // smallest subnormal
  CHECK(float_to_half(2.9802322e-08f) == 0x0000);      // half of it ties to zero
  CHECK(std::isnan(half_to_float(float_to_half(NAN))));
  for (uint32_t h = 0; h < 0x7c00; ++h) CHECK(float_to_half(half_to_float(static_cast<uint16_t>(h))) == h);
  CHECK(double_to_half(0.1) == float_to_half(0.1f));
}

TEST_CASE("float to int conversion reproduces NumPy on x86-64", "[dtype]") {
  CHECK(float_to_int<int8_t>(300.0) == 44);
  CHECK(float_to_int<uint8_t>(-1.0) == 255);
  CHECK(float_to_int<int32_t>(NAN) == INT32_MIN);
  CHECK(float_to_int<uint32_t>(4.3e9) == 0u);
  CHECK(float_to_int<uint32_t>(NAN) == 2147483648u);
  CHECK(float_to_int<uint64_t>(-2.5e9) == 18446744071209551616ull);
  CHECK(float_to_int<uint64_t>(1.9e19) == 0u);
  CHECK(float_to_int<int64_t>(-1e20) == INT64_MIN);
}

TEST_CASE("dtype handles through the C ABI", "[dtype][capi]") {
  cnp_dtype* d = nullptr;
  REQUIRE(cnp_dtype_from_string("float32", &d) == CNP_OK);
  const char* name = nullptr;
  REQUIRE(cnp_dtype_name(d, &name) == CNP_OK);
  CHECK(std::strcmp(name, "float32") == 0);
  int64_t size = 0;
  CHECK(cnp_dtype_itemsize(d, &size) == CNP_OK);
  CHECK(size == 4);
  cnp_dtype_free(d);
  cnp_dtype* bad = reinterpret_cast<cnp_dtype*>(0x1);
  CHECK(cnp_dtype_from_string("nope", &bad) == CNP_ERR_TYPE);
  CHECK(bad == nullptr);
  CHECK(std::strcmp(cnp_last_error(), "data type 'nope' not understood") == 0);
  CHECK(cnp_dtype_from_string(nullptr, &bad) == CNP_ERR_INVALID_HANDLE);
  int32_t flag = 0;
  CHECK(cnp_can_cast(nullptr, nullptr, CNP_CASTING_SAFE, &flag) == CNP_ERR_INVALID_HANDLE);
  CHECK(std::strcmp(cnp_status_name(CNP_ERR_AXIS), "CNP_ERR_AXIS") == 0);
  CHECK(std::strcmp(cnp_status_name(12345), "CNP_UNKNOWN") == 0);
}
