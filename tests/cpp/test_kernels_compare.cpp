// White-box tests of the comparison, logical and NaN/inf test loops (kernels_compare.cpp) on
// contiguous (SSE2 blocks plus the scalar tail), strided and broadcast operands; values and FPU
// flags as NumPy 1.24.2 gives them: real comparisons never raise, complex ones are lexicographic
// and raise "invalid" where NumPy's do.
#include "kernel_test_util.hpp"

using namespace kt;

namespace {
using c128 = c128_t;
std::vector<bool_t> bools(std::initializer_list<int> v) {
  std::vector<bool_t> out;
  for (int x : v) out.push_back(B(x != 0));
  return out;
}
}  // namespace

TEST_CASE("real comparisons: NaN compares false (not_equal true) quietly, and -0.0 == 0.0", "[ufunc][kernels][compare]") {
  const std::vector<double> a{1, kNaN, -0.0, 0.0, kInf, -kInf, 2, kNaN, 1e-310};
  const std::vector<double> b{2, 1, 0.0, -0.0, kInf, kInf, 1, kNaN, 0.0};
  CHECK(check<bool_t>(Id::less, bools({1, 0, 0, 0, 0, 1, 0, 0, 0}), a, b) == 0);
  CHECK(check<bool_t>(Id::less_equal, bools({1, 0, 1, 1, 1, 1, 0, 0, 0}), a, b) == 0);
  CHECK(check<bool_t>(Id::greater, bools({0, 0, 0, 0, 0, 0, 1, 0, 1}), a, b) == 0);
  CHECK(check<bool_t>(Id::greater_equal, bools({0, 0, 1, 1, 1, 0, 1, 0, 1}), a, b) == 0);
  CHECK(check<bool_t>(Id::equal, bools({0, 0, 1, 1, 1, 0, 0, 0, 0}), a, b) == 0);
  CHECK(check<bool_t>(Id::not_equal, bools({1, 1, 0, 0, 0, 1, 1, 1, 1}), a, b) == 0);
  const std::vector<float> fa{1, kNaNF, -0.0f, 3}, fb{kNaNF, kNaNF, 0.0f, 3};
  CHECK(check<bool_t>(Id::less, bools({0, 0, 0, 0}), fa, fb) == 0);
  CHECK(check<bool_t>(Id::greater_equal, bools({0, 0, 1, 1}), fa, fb) == 0);
  CHECK(check<bool_t>(Id::not_equal, bools({1, 1, 0, 0}), fa, fb) == 0);
  const std::vector<half_t> ha{H(1), H(kNaN), H(-0.0), H(65504)}, hb{H(kNaN), H(1), H(0.0), H(kInf)};
  CHECK(check<bool_t>(Id::less, bools({0, 0, 0, 1}), ha, hb) == 0);
  CHECK(check<bool_t>(Id::equal, bools({0, 0, 1, 0}), ha, hb) == 0);
}

TEST_CASE("integer and bool comparisons", "[ufunc][kernels][compare]") {
  CHECK(check<bool_t>(Id::less, bools({1, 0, 0}), std::vector<int8_t>{-128, 127, 0}, std::vector<int8_t>{127, -128, 0}) == 0);
  CHECK(check<bool_t>(Id::greater, bools({1, 0}), std::vector<uint8_t>{255, 0}, std::vector<uint8_t>{0, 255}) == 0);
  CHECK(check<bool_t>(Id::less_equal, bools({1, 0}), std::vector<int64_t>{INT64_MIN, INT64_MAX},
                      std::vector<int64_t>{INT64_MIN, INT64_MAX - 1}) == 0);
  CHECK(check<bool_t>(Id::greater, bools({1, 0}), std::vector<uint64_t>{UINT64_MAX, 0}, std::vector<uint64_t>{0, 0}) == 0);
  // any nonzero bool byte is True
  CHECK(check<bool_t>(Id::equal, bools({1, 0, 1}), std::vector<bool_t>{B(0), B(0), B(1)}, std::vector<bool_t>{B(0), B(1), B(1)}) == 0);
  const std::vector<bool_t> two{bool_t{2}}, one{bool_t{1}}, zero{bool_t{0}};
  CHECK(check<bool_t>(Id::equal, bools({1}), two, one) == 0);
  CHECK(check<bool_t>(Id::less, bools({1}), zero, two) == 0);
  CHECK(check<bool_t>(Id::greater, bools({0}), two, one) == 0);
}

TEST_CASE("complex comparisons: lexicographic, NaN parts unordered, NumPy's invalid flags", "[ufunc][kernels][compare][complex]") {
  const std::vector<c128> a{c128(1, 2), c128(1, 2), c128(1, kNaN), c128(2, 0), c128(-0.0, 1)};
  const std::vector<c128> b{c128(1, 3), c128(2, 0), c128(2, 0), c128(1, 9), c128(0.0, 1)};
  CHECK(check<bool_t>(Id::less, bools({1, 1, 0, 0, 0}), a, b) == 0);
  CHECK(check<bool_t>(Id::less_equal, bools({1, 1, 0, 0, 1}), a, b) == 0);
  CHECK(check<bool_t>(Id::greater, bools({0, 0, 0, 1, 0}), a, b) == 0);
  CHECK(check<bool_t>(Id::greater_equal, bools({0, 0, 0, 1, 1}), a, b) == 0);
  CHECK(check<bool_t>(Id::equal, bools({0, 0, 0, 0, 1}), a, b) == 0);
  CHECK(check<bool_t>(Id::not_equal, bools({1, 1, 1, 1, 0}), a, b) == 0);
  // a NaN real part meets an ordered comparison: "invalid" (NumPy's C comparison signals) ...
  CHECK(check<bool_t>(Id::less, bools({0}), std::vector<c128>{c128(kNaN, 0)}, std::vector<c128>{c128(1, 0)}) == kInv);
  // ... equal real parts compare the imaginary parts, signalling too ...
  CHECK(check<bool_t>(Id::greater_equal, bools({0}), std::vector<c128>{c128(1, 0)}, std::vector<c128>{c128(1, kNaN)}) == kInv);
  CHECK(check<bool_t>(Id::less, bools({0}), std::vector<c128>{c128(1, kNaN)}, std::vector<c128>{c128(1, kNaN)}) == kInv);
  CHECK(check<bool_t>(Id::not_equal, bools({1}), std::vector<c128>{c128(1, kNaN)}, std::vector<c128>{c128(1, kNaN)}) == 0);
  // ... but NaN imaginary parts are tested first and skip the real comparison
  CHECK(check<bool_t>(Id::less, bools({0}), std::vector<c128>{c128(0, 0)}, std::vector<c128>{c128(kNaN, kNaN)}) == 0);
  CHECK(check<bool_t>(Id::equal, bools({0}), std::vector<c128>{c128(kNaN, 0)}, std::vector<c128>{c128(1, 0)}) == 0);
}

TEST_CASE("logical_and/or/xor/not: NaN and -0.0 by truth value", "[ufunc][kernels][logical]") {
  const std::vector<double> a{kNaN, -0.0, 0.0, 2}, b{1, 5, 0.0, -0.0};
  CHECK(check<bool_t>(Id::logical_and, bools({1, 0, 0, 0}), a, b) == 0);
  CHECK(check<bool_t>(Id::logical_or, bools({1, 1, 0, 1}), a, b) == 0);
  CHECK(check<bool_t>(Id::logical_xor, bools({0, 1, 0, 1}), a, b) == 0);
  CHECK(check<bool_t>(Id::logical_not, bools({0, 1, 1, 0}), a) == 0);
  CHECK(check<bool_t>(Id::logical_not, bools({0, 1, 0, 0}), std::vector<c128>{c128(0, 1), c128(-0.0, 0), c128(kNaN, 0), c128(1, 0)}) == 0);
  CHECK(check<bool_t>(Id::logical_and, bools({1, 0}), std::vector<half_t>{H(kNaN), H(-0.0)}, std::vector<half_t>{H(1), H(1)}) == 0);
  CHECK(check<bool_t>(Id::logical_xor, bools({0, 1}), std::vector<bool_t>{bool_t{2}, B(0)}, std::vector<bool_t>{B(1), bool_t{9}}) == 0);
  CHECK(check<bool_t>(Id::logical_or, bools({0, 1}), std::vector<int64_t>{0, INT64_MIN}, std::vector<int64_t>{0, 0}) == 0);
}

TEST_CASE("isnan, isinf, isfinite on every type", "[ufunc][kernels][logical]") {
  const std::vector<double> d{kNaN, -kNaN, kInf, -kInf, 0.0, 1e308, 5e-324};
  CHECK(check<bool_t>(Id::isnan, bools({1, 1, 0, 0, 0, 0, 0}), d) == 0);
  CHECK(check<bool_t>(Id::isinf, bools({0, 0, 1, 1, 0, 0, 0}), d) == 0);
  CHECK(check<bool_t>(Id::isfinite, bools({0, 0, 0, 0, 1, 1, 1}), d) == 0);
  const std::vector<float> f{kNaNF, -kInfF, 3.4e38f, 1e-45f};
  CHECK(check<bool_t>(Id::isnan, bools({1, 0, 0, 0}), f) == 0);
  CHECK(check<bool_t>(Id::isinf, bools({0, 1, 0, 0}), f) == 0);
  CHECK(check<bool_t>(Id::isfinite, bools({0, 0, 1, 1}), f) == 0);
  const std::vector<half_t> h{H(kNaN), H(-kInf), H(65504), H(6e-8)};
  CHECK(check<bool_t>(Id::isnan, bools({1, 0, 0, 0}), h) == 0);
  CHECK(check<bool_t>(Id::isinf, bools({0, 1, 0, 0}), h) == 0);
  CHECK(check<bool_t>(Id::isfinite, bools({0, 0, 1, 1}), h) == 0);
  const std::vector<c128> c{c128(kInf, kNaN), c128(1, kNaN), c128(-kInf, 0), c128(1, 2)};
  CHECK(check<bool_t>(Id::isnan, bools({1, 1, 0, 0}), c) == 0);
  CHECK(check<bool_t>(Id::isinf, bools({1, 0, 1, 0}), c) == 0);
  CHECK(check<bool_t>(Id::isfinite, bools({0, 0, 0, 1}), c) == 0);
  CHECK(check<bool_t>(Id::isnan, bools({0, 0}), std::vector<int32_t>{INT32_MIN, 0}) == 0);
  CHECK(check<bool_t>(Id::isinf, bools({0, 0}), std::vector<uint64_t>{UINT64_MAX, 0}) == 0);
  CHECK(check<bool_t>(Id::isfinite, bools({1, 1}), std::vector<bool_t>{B(1), B(0)}) == 0);
  CHECK(check<bool_t>(Id::isfinite, bools({1}), std::vector<int8_t>{-128}) == 0);
}
