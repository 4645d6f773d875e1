// White-box tests of the bitwise loops, shifts, gcd and lcm (kernels_bitwise.cpp), values as
// NumPy 1.24.2 gives them on x86-64.
#include "kernel_test_util.hpp"

using namespace kt;

TEST_CASE("bitwise and/or/xor/invert: integers bitwise, bool logically", "[ufunc][kernels][bitwise]") {
  const std::vector<int8_t> a{-1, 0x0f, -128}, b{0x35, 0x3c, 127};
  CHECK(check<int8_t>(Id::bitwise_and, {0x35, 0x0c, 0}, a, b) == 0);
  CHECK(check<int8_t>(Id::bitwise_or, {-1, 0x3f, -1}, a, b) == 0);
  CHECK(check<int8_t>(Id::bitwise_xor, {-54, 0x33, -1}, a, b) == 0);
  CHECK(check<int8_t>(Id::invert, {0, -16, 127}, a) == 0);
  CHECK(check<uint8_t>(Id::invert, {255, 0}, std::vector<uint8_t>{0, 255}) == 0);
  CHECK(check<uint64_t>(Id::bitwise_xor, {UINT64_MAX}, std::vector<uint64_t>{0x5555555555555555ull},
                        std::vector<uint64_t>{0xaaaaaaaaaaaaaaaaull}) == 0);
  // bool: any nonzero byte is True, results are 0/1, invert is logical not
  const std::vector<bool_t> p{bool_t{2}, bool_t{2}, B(0), B(0)}, q{B(1), B(0), bool_t{7}, B(0)};
  CHECK(check<bool_t>(Id::bitwise_and, {B(1), B(0), B(0), B(0)}, p, q) == 0);
  CHECK(check<bool_t>(Id::bitwise_or, {B(1), B(1), B(1), B(0)}, p, q) == 0);
  CHECK(check<bool_t>(Id::bitwise_xor, {B(0), B(1), B(1), B(0)}, p, q) == 0);
  CHECK(check<bool_t>(Id::invert, {B(0), B(0), B(1), B(1)}, p) == 0);
}

TEST_CASE("shifts: counts outside 0..bits-1 shift everything out", "[ufunc][kernels][bitwise][shift]") {
  const std::vector<int8_t> c8{0, 1, 7, 8, 9, 100, -1, -8, -128};
  CHECK(check<int8_t>(Id::left_shift, {1, 2, -128, 0, 0, 0, 0, 0, 0}, std::vector<int8_t>(9, 1), c8) == 0);
  CHECK(check<int8_t>(Id::left_shift, {-5, -10, -128, 0, 0, 0, 0, 0, 0}, std::vector<int8_t>(9, -5), c8) == 0);
  CHECK(check<int8_t>(Id::right_shift, {-128, -64, -1, -1, -1, -1, -1, -1, -1}, std::vector<int8_t>(9, -128), c8) == 0);
  CHECK(check<int8_t>(Id::right_shift, {5, 2, 0, 0, 0, 0, 0, 0, 0}, std::vector<int8_t>(9, 5), c8) == 0);
  CHECK(check<uint8_t>(Id::right_shift, {255, 127, 1, 0, 0}, std::vector<uint8_t>(5, 255), std::vector<uint8_t>{0, 1, 7, 8, 255}) == 0);
  CHECK(check<uint8_t>(Id::left_shift, {254, 128, 0}, std::vector<uint8_t>(3, 255), std::vector<uint8_t>{1, 7, 8}) == 0);
  const std::vector<int64_t> c64{31, 32, 63, 64, 65, -1, INT64_MIN};
  CHECK(check<int64_t>(Id::left_shift, {2147483648, 4294967296, INT64_MIN, 0, 0, 0, 0}, std::vector<int64_t>(7, 1), c64) == 0);
  CHECK(check<int64_t>(Id::right_shift, {-4294967296, -2147483648, -1, -1, -1, -1, -1}, std::vector<int64_t>(7, INT64_MIN), c64) == 0);
  CHECK(check<int32_t>(Id::left_shift, {INT32_MIN, 0, 0}, std::vector<int32_t>(3, 1), std::vector<int32_t>{31, 32, -1}) == 0);
  CHECK(check<uint32_t>(Id::right_shift, {1, 0}, std::vector<uint32_t>(2, 0xffffffffu), std::vector<uint32_t>{31, 32}) == 0);
  CHECK(check<uint64_t>(Id::left_shift, {1ull << 63, 0}, std::vector<uint64_t>(2, 1), std::vector<uint64_t>{63, 64}) == 0);
}

TEST_CASE("gcd and lcm: magnitudes in C's promoted type, MIN stays MIN, lcm wraps", "[ufunc][kernels][bitwise][gcd]") {
  CHECK(check<int8_t>(Id::gcd, {-128, -128, 2, 2, 0, 5}, std::vector<int8_t>{-128, -128, -128, -4, 0, 0},
                      std::vector<int8_t>{0, -128, 2, 6, 0, -5}) == 0);
  CHECK(check<int8_t>(Id::lcm, {-128, -128, 0, 12, 0, -126, -126}, std::vector<int8_t>{-128, -128, -128, -4, 0, 127, 127},
                      std::vector<int8_t>{1, -1, 0, 6, 0, 126, -126}) == 0);
  CHECK(check<int64_t>(Id::gcd, {INT64_MIN, INT64_MIN, 2}, std::vector<int64_t>{INT64_MIN, INT64_MIN, INT64_MIN},
                       std::vector<int64_t>{0, INT64_MIN, 2}) == 0);
  CHECK(check<int64_t>(Id::lcm, {INT64_MIN, -9223372036854775806, 12}, std::vector<int64_t>{INT64_MIN, INT64_MAX, -4},
                       std::vector<int64_t>{-1, INT64_MAX - 1, -6}) == 0);
  CHECK(check<int32_t>(Id::gcd, {INT32_MIN, 6}, std::vector<int32_t>{INT32_MIN, -12}, std::vector<int32_t>{0, 18}) == 0);
  CHECK(check<uint64_t>(Id::gcd, {UINT64_MAX, 1}, std::vector<uint64_t>{UINT64_MAX, UINT64_MAX}, std::vector<uint64_t>{0, UINT64_MAX - 1}) == 0);
  CHECK(check<uint8_t>(Id::lcm, {2, 0}, std::vector<uint8_t>{255, 0}, std::vector<uint8_t>{254, 3}) == 0);
}
