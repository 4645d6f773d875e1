// White-box tests of the arithmetic loops (kernels_arith.cpp) on contiguous, strided and
// broadcast operands: values and FPU flags checked against NumPy 1.24.2 (x86-64) for the edge
// cases: integer wrapping, division by zero, MIN // -1, Python-style signs, float16 rounding,
// complex formulas, NaN/inf/-0.0 handling. The results NumPy computes differently on AVX-512 CPUs
// (complex multiply and absolute, float power) are checked for both behaviours: NumPy's on
// AVX-512 (an AVX-512 machine) when this CPU has AVX-512, and NumPy's elsewhere (an AVX2 machine)
// with the SIMD path set below avx512, as CNUMPY_SIMD=avx2 does.
#include "kernel_test_util.hpp"
#include "ufunc/simd_paths.hpp"

using namespace kt;

namespace {
// Sets the active SIMD path (clamped to what the CPU has) for one scope.
struct SimdPathScope {
  cnp::ufunc::SimdPath saved = cnp::ufunc::simd_active_path();
  explicit SimdPathScope(cnp::ufunc::SimdPath p) { cnp::ufunc::simd_set_active_path(p); }
  ~SimdPathScope() { cnp::ufunc::simd_set_active_path(saved); }
  SimdPathScope(const SimdPathScope&) = delete;
  SimdPathScope& operator=(const SimdPathScope&) = delete;
};
bool has_avx512() { return cnp::ufunc::simd_path_supported(cnp::ufunc::SimdPath::avx512); }
bool has_avx512_skx() {
  __builtin_cpu_init();
  return has_avx512() && __builtin_cpu_supports("avx512cd") && __builtin_cpu_supports("avx512bw") &&
         __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl");
}
using c64 = c64_t;
using c128 = c128_t;
constexpr int8_t I8MIN = INT8_MIN;
constexpr int32_t I32MIN = INT32_MIN;
constexpr int64_t I64MIN = INT64_MIN, I64MAX = INT64_MAX;
}  // namespace

TEST_CASE("add, subtract, multiply: wrapping integers and bool logic", "[ufunc][kernels][arith]") {
  CHECK(check<int8_t>(Id::add, {-128, 0, 100}, std::vector<int8_t>{127, -1, 50}, std::vector<int8_t>{1, 1, 50}) == 0);
  CHECK(check<uint8_t>(Id::add, {0, 254}, std::vector<uint8_t>{255, 255}, std::vector<uint8_t>{1, 255}) == 0);
  CHECK(check<int64_t>(Id::add, {I64MIN, -2}, std::vector<int64_t>{I64MAX, I64MAX}, std::vector<int64_t>{1, I64MAX}) == 0);
  // bool + is logical or, bool * logical and; any nonzero byte is True and results are 0/1
  CHECK(check<bool_t>(Id::add, {B(0), B(1), B(1), B(1)}, std::vector<bool_t>{B(0), B(0), B(2), B(1)},
                      std::vector<bool_t>{B(0), B(1), B(0), B(1)}) == 0);
  CHECK(check<bool_t>(Id::multiply, {B(0), B(0), B(1), B(1)}, std::vector<bool_t>{B(0), B(0), B(2), B(1)},
                      std::vector<bool_t>{B(0), B(1), B(7), B(1)}) == 0);
  CHECK(check<int32_t>(Id::subtract, {INT32_MAX, -1}, std::vector<int32_t>{I32MIN, 0}, std::vector<int32_t>{1, 1}) == 0);
  CHECK(check<uint8_t>(Id::subtract, {255}, std::vector<uint8_t>{0}, std::vector<uint8_t>{1}) == 0);
  CHECK(check<int16_t>(Id::multiply, {24464, -32768}, std::vector<int16_t>{300, -32768}, std::vector<int16_t>{300, 1}) == 0);
  CHECK(check<uint16_t>(Id::multiply, {1}, std::vector<uint16_t>{65535}, std::vector<uint16_t>{65535}) == 0);
  CHECK(check<int64_t>(Id::multiply, {I64MIN, 0}, std::vector<int64_t>{I64MIN, I64MIN}, std::vector<int64_t>{-1, 2}) == 0);
}

TEST_CASE("add, subtract, multiply, divide: floats and their flags", "[ufunc][kernels][arith]") {
  CHECK(check<double>(Id::add, {-0.0, 0.0, 3.0, kInf}, std::vector<double>{-0.0, -0.0, 1.0, kInf},
                      std::vector<double>{-0.0, 0.0, 2.0, 1.0}) == 0);
  CHECK(check<double>(Id::add, {kNaN}, std::vector<double>{kInf}, std::vector<double>{-kInf}) == kInv);
  CHECK(check<double>(Id::add, {kInf}, std::vector<double>{1e308}, std::vector<double>{1e308}) == kOver);
  CHECK(check<float>(Id::subtract, {kNaNF, 1.0f}, std::vector<float>{kInfF, 3.0f}, std::vector<float>{kInfF, 2.0f}) == kInv);
  CHECK(check<double>(Id::multiply, {kNaN, -0.0}, std::vector<double>{0.0, -1.0}, std::vector<double>{kInf, 0.0}) == kInv);
  CHECK(check<double>(Id::divide, {kInf, -kInf, -kInf, 0.5}, std::vector<double>{1, -1, 1, 1}, std::vector<double>{0.0, 0.0, -0.0, 2}) == kDiv);
  CHECK(check<double>(Id::divide, {kNaN}, std::vector<double>{0.0}, std::vector<double>{0.0}) == kInv);
  CHECK(check<float>(Id::divide, {0.25f}, std::vector<float>{1.0f}, std::vector<float>{4.0f}) == 0);
}

TEST_CASE("float16 arithmetic computes in float and rounds like NumPy", "[ufunc][kernels][arith][half]") {
  // 0.1 + 0.2 in half is 0.2998; 1 + 2**-11 ties to even (1)
  CHECK(check<half_t>(Id::add, {H(0.2998046875), H(1.0)}, std::vector<half_t>{H(0.1), H(1.0)},
                      std::vector<half_t>{H(0.2), H(std::ldexp(1.0, -11))}) == 0);
  CHECK(check<half_t>(Id::add, {H(kInf)}, std::vector<half_t>{H(60000)}, std::vector<half_t>{H(60000)}) == kOver);
  CHECK(check<half_t>(Id::multiply, {H(kInf)}, std::vector<half_t>{H(300)}, std::vector<half_t>{H(300)}) == kOver);
  CHECK(check<half_t>(Id::multiply, {H(0.0)}, std::vector<half_t>{H(1e-4)}, std::vector<half_t>{H(1e-4)}) == kUnder);
  // exactly representable subnormal results raise nothing
  CHECK(check<half_t>(Id::multiply, {H(std::ldexp(1.0, -15))}, std::vector<half_t>{H(std::ldexp(1.0, -14))},
                      std::vector<half_t>{H(0.5)}) == 0);
  CHECK(check<half_t>(Id::divide, {H(0.333251953125)}, std::vector<half_t>{H(1)}, std::vector<half_t>{H(3)}) == 0);
  CHECK(check<half_t>(Id::reciprocal, {H(kInf), H(-kInf)}, std::vector<half_t>{H(0.0), H(-0.0)}) == kDiv);
  CHECK(check<half_t>(Id::power, {H(1024), H(kInf)}, std::vector<half_t>{H(2), H(2)}, std::vector<half_t>{H(10), H(16)}) == kOver);
  CHECK(check<half_t>(Id::negative, {H(-0.0), H(1.5)}, std::vector<half_t>{H(0.0), H(-1.5)}) == 0);
}

TEST_CASE("complex multiply, divide, square, reciprocal", "[ufunc][kernels][arith][complex]") {
  CHECK(check<c128>(Id::multiply, {c128(-5, 10)}, std::vector<c128>{c128(1, 2)}, std::vector<c128>{c128(3, 4)}) == 0);
  CHECK(check<c64>(Id::multiply, {c64(-5, 10)}, std::vector<c64>{c64(1, 2)}, std::vector<c64>{c64(3, 4)}) == 0);
  CHECK(check<c128>(Id::divide, {c128(3, -1), c128(0, -0.5)}, std::vector<c128>{c128(4, 2), c128(1, 0)},
                    std::vector<c128>{c128(1, 1), c128(0, 2)}) == 0);
  // a zero divisor divides both parts by |re| = 0
  CHECK(check<c128>(Id::divide, {c128(kInf, kInf)}, std::vector<c128>{c128(1, 1)}, std::vector<c128>{c128(0, 0)}) == kDiv);
  CHECK(check<c128>(Id::square, {c128(-3, 4)}, std::vector<c128>{c128(1, 2)}) == 0);
  CHECK(check<c128>(Id::reciprocal, {c128(0, -0.5), c128(0.5, -0.5)}, std::vector<c128>{c128(0, 2), c128(1, 1)}) == 0);
  CHECK(check<c128>(Id::reciprocal, {c128(kNaN, kNaN)}, std::vector<c128>{c128(0, 0)}) == kInv);
}

TEST_CASE("complex128 multiply: plain formula when contiguous, fused multiply-add otherwise (NumPy's two paths)",
          "[ufunc][kernels][arith][complex]") {
  const Loop& l = find_loop(Id::multiply, {CNP_COMPLEX128, CNP_COMPLEX128, CNP_COMPLEX128});
  // (1e300 + 1j) * (-inf + 1e300j): imag = 1 * -inf + 1e300 * 1e300 is -inf + inf = NaN in the plain
  // formula, but fma(1e300, 1e300, -inf) = -inf when fused.
  auto run = [&l](std::vector<c128>& a, std::vector<c128>& b, std::vector<c128>& out, int64_t s, int64_t n) {
    run_raw(l, {reinterpret_cast<char*>(a.data()), reinterpret_cast<char*>(b.data()), reinterpret_cast<char*>(out.data())}, {s, s, s}, n);
  };
  auto plain = [](const c128& z) { return z.real() == -kInf && std::isnan(z.imag()); };
  if (has_avx512()) {  // NumPy on AVX-512F: its AVX-512F loop when contiguous, else its fused scalar loop
    SimdPathScope scope(cnp::ufunc::SimdPath::avx512);
    std::vector<c128> a(4, c128(1e300, 1)), b(4, c128(-kInf, 1e300)), out(4);
    run(a, b, out, 16, 4);
    for (const c128& z : out) CHECK(plain(z));
    run(a, b, out, 32, 2);
    CHECK((out[0] == c128(-kInf, -kInf) && out[2] == c128(-kInf, -kInf)));
    run(a, b, a, 16, 4);
    for (const c128& z : a) CHECK(z == c128(-kInf, -kInf));  // in place: NumPy's scalar loop too
  }
  {  // NumPy without AVX-512F (its avx2/sse2/baseline targets, no FMA): the plain formula everywhere
    SimdPathScope scope(cnp::ufunc::SimdPath::avx2);
    std::vector<c128> a(4, c128(1e300, 1)), b(4, c128(-kInf, 1e300)), out(4);
    run(a, b, out, 16, 4);
    for (const c128& z : out) CHECK(plain(z));
    run(a, b, out, 32, 2);
    CHECK((plain(out[0]) && plain(out[2])));
    run(a, b, a, 16, 4);
    for (const c128& z : a) CHECK(plain(z));
  }
}

TEST_CASE("floor_divide, remainder, fmod, divmod on integers", "[ufunc][kernels][arith][division]") {
  const std::vector<int8_t> a{7, -7, 7, -7, 0, 127, -128}, b{2, 2, -2, -2, 3, -1, 1};
  CHECK(check<int8_t>(Id::floor_divide, {3, -4, -4, 3, 0, -127, -128}, a, b) == 0);
  CHECK(check<int8_t>(Id::remainder, {1, 1, -1, -1, 0, 0, 0}, a, b) == 0);
  CHECK(check<int8_t>(Id::fmod, {1, -1, 1, -1, 0, 0, 0}, a, b) == 0);
  // x // 0 is 0 with "divide by zero"; MIN // -1 is MIN with "overflow"; MIN % -1 is 0, quietly
  CHECK(check<int8_t>(Id::floor_divide, {0, 0}, std::vector<int8_t>{5, 0}, std::vector<int8_t>{0, 0}) == kDiv);
  CHECK(check<int8_t>(Id::floor_divide, {I8MIN}, std::vector<int8_t>{I8MIN}, std::vector<int8_t>{-1}) == kOver);
  CHECK(check<int64_t>(Id::floor_divide, {I64MIN}, std::vector<int64_t>{I64MIN}, std::vector<int64_t>{-1}) == kOver);
  CHECK(check<int64_t>(Id::remainder, {0}, std::vector<int64_t>{I64MIN}, std::vector<int64_t>{-1}) == 0);
  CHECK(check<int32_t>(Id::fmod, {0}, std::vector<int32_t>{I32MIN}, std::vector<int32_t>{-1}) == 0);
  CHECK(check<int32_t>(Id::remainder, {0}, std::vector<int32_t>{9}, std::vector<int32_t>{0}) == kDiv);
  CHECK(check<uint64_t>(Id::fmod, {0, 1}, std::vector<uint64_t>{9, 7}, std::vector<uint64_t>{0, 3}) == kDiv);
  CHECK(check<uint8_t>(Id::floor_divide, {3, 0}, std::vector<uint8_t>{7, 255}, std::vector<uint8_t>{2, 0}) == kDiv);

  const Loop& l = find_loop(Id::divmod, {CNP_INT16, CNP_INT16, CNP_INT16, CNP_INT16});
  std::vector<int16_t> x{7, -7, INT16_MIN, 5}, y{-2, 2, -1, 0}, q(4), r(4);
  const int f = run_raw(l, {reinterpret_cast<char*>(x.data()), reinterpret_cast<char*>(y.data()),
                            reinterpret_cast<char*>(q.data()), reinterpret_cast<char*>(r.data())}, {2, 2, 2, 2}, 4);
  CHECK(q == std::vector<int16_t>{-4, -4, INT16_MIN, 0});
  CHECK(r == std::vector<int16_t>{-1, 1, 0, 0});
  CHECK(f == (kDiv | kOver));
}

TEST_CASE("floor_divide, remainder, fmod, divmod on floats (NumPy's divmod)", "[ufunc][kernels][arith][division]") {
  const std::vector<double> a{7, -7, 7, -7, 0.0, -0.0, 1, -1, 1, 5.0, 0.3, -1e-300};
  const std::vector<double> b{2, 2, -2, -2, -1, 1, kInf, kInf, -kInf, 0.5, 0.1, 1e300};
  CHECK(check<double>(Id::floor_divide, {3, -4, -4, 3, -0.0, -0.0, 0.0, -1, -1, 10, 2, -1}, a, b) == 0);
  CHECK(check<double>(Id::remainder, {1, 1, -1, -1, -0.0, 0.0, 1, kInf, -kInf, 0.0, 0.09999999999999998, 1e300}, a, b) == 0);
  CHECK(check<double>(Id::floor_divide, {kInf, -kInf, kInf}, std::vector<double>{1, -1, kInf}, std::vector<double>{0.0, 0.0, 0.0}) == kDiv);
  CHECK(check<double>(Id::floor_divide, {kNaN, kNaN}, std::vector<double>{0.0, kInf}, std::vector<double>{0.0, 1}) == kInv);
  CHECK(check<double>(Id::floor_divide, {kNaN}, std::vector<double>{kNaN}, std::vector<double>{0.0}) == 0);
  CHECK(check<double>(Id::remainder, {kNaN, kNaN}, std::vector<double>{5, kInf}, std::vector<double>{0.0, 1}) == kInv);
  CHECK(check<float>(Id::fmod, {-1, 5.5f, -0.0f, 1}, std::vector<float>{-7, 5.5f, -0.0f, 7}, std::vector<float>{2, kInfF, 1, -2}) == 0);
  CHECK(check<double>(Id::fmod, {kNaN, kNaN}, std::vector<double>{kInf, 1}, std::vector<double>{1, 0.0}) == kInv);
  CHECK(check<half_t>(Id::floor_divide, {H(-4), H(3)}, std::vector<half_t>{H(7), H(-7)}, std::vector<half_t>{H(-2), H(-2)}) == 0);

  const Loop& l = find_loop(Id::divmod, {CNP_FLOAT64, CNP_FLOAT64, CNP_FLOAT64, CNP_FLOAT64});
  std::vector<double> x{7, -7, 1}, y{-2, 2, 0}, q(3), r(3);
  const int f = run_raw(l, {reinterpret_cast<char*>(x.data()), reinterpret_cast<char*>(y.data()),
                            reinterpret_cast<char*>(q.data()), reinterpret_cast<char*>(r.data())}, {8, 8, 8, 8}, 3);
  CHECK((q[0] == -4 && q[1] == -4 && q[2] == kInf));
  CHECK((r[0] == -1 && r[1] == 1 && std::isnan(r[2])));
  CHECK(f == (kDiv | kInv));
}

TEST_CASE("power: integers by squaring, the negative-exponent error, floats and complex", "[ufunc][kernels][arith][power]") {
  CHECK(check<int8_t>(Id::power, {1, 33, -8, 1, 0}, std::vector<int8_t>{0, 3, -2, 1, 2}, std::vector<int8_t>{0, 40, 3, 100, 8}) == 0);
  CHECK(check<int64_t>(Id::power, {I64MIN, 1024}, std::vector<int64_t>{2, 2}, std::vector<int64_t>{63, 10}) == 0);
  CHECK(check<uint8_t>(Id::power, {0, 1}, std::vector<uint8_t>{2, 7}, std::vector<uint8_t>{8, 0}) == 0);
  for (int64_t base : {2, 1, -1, 0}) {
    std::vector<int64_t> x{base}, y{-1}, out(1);
    const Loop& l = find_loop(Id::power, {CNP_INT64, CNP_INT64, CNP_INT64});
    CHECK_THROWS_WITH(run_raw(l, {reinterpret_cast<char*>(x.data()), reinterpret_cast<char*>(y.data()), reinterpret_cast<char*>(out.data())}, {8, 8, 8}, 1),
                      "Integers to negative integer powers are not allowed.");
  }
  CHECK(check<double>(Id::power, {1024, 1, 1, kNaN}, std::vector<double>{2, kNaN, 1, kNaN}, std::vector<double>{10, 0, kNaN, 1}) == 0);
  CHECK(check<double>(Id::power, {kInf}, std::vector<double>{0.0}, std::vector<double>{-1}) == kDiv);
  CHECK(check<double>(Id::power, {kNaN}, std::vector<double>{-8}, std::vector<double>{1.0 / 3}) == kInv);
  CHECK(check<c128>(Id::power, {c128(0, 2), c128(0.5, -0.5), c128(0, 0), c128(1, 0)},
                    std::vector<c128>{c128(1, 1), c128(1, 1), c128(0, 0), c128(3, -2)},
                    std::vector<c128>{c128(2, 0), c128(-1, 0), c128(2, 0), c128(0, 0)}) == 0);
  CHECK(check<c128>(Id::power, {c128(kNaN, kNaN)}, std::vector<c128>{c128(0, 0)}, std::vector<c128>{c128(0, 1)}) == kInv);
  CHECK(check<double>(Id::float_power, {0.125}, std::vector<double>{2}, std::vector<double>{-3}) == 0);
  // power's flags are those of the SVML pow NumPy runs on AVX512_SKX machines, the C library's
  // elsewhere; float_power's are always the C library's
  if (has_avx512_skx()) {
    SimdPathScope scope(cnp::ufunc::SimdPath::avx512);
    CHECK(check<double>(Id::power, {kInf}, std::vector<double>{0.0}, std::vector<double>{-kInf}) == kDiv);
    CHECK(check<double>(Id::power, {kInf}, std::vector<double>{1e300}, std::vector<double>{kInf}) == kOver);
    CHECK(check<float>(Id::power, {1e-45f}, std::vector<float>{1e-45f}, std::vector<float>{1}) == kUnder);
  }
  {
    SimdPathScope scope(cnp::ufunc::SimdPath::avx2);
    CHECK(check<double>(Id::power, {kInf}, std::vector<double>{0.0}, std::vector<double>{-kInf}) == 0);
    CHECK(check<double>(Id::power, {kInf}, std::vector<double>{1e300}, std::vector<double>{kInf}) == 0);
    CHECK(check<float>(Id::power, {1e-45f}, std::vector<float>{1e-45f}, std::vector<float>{1}) == 0);
  }
  CHECK(check<double>(Id::float_power, {kInf, kInf}, std::vector<double>{0.0, 1e300}, std::vector<double>{-kInf, kInf}) == 0);
}

TEST_CASE("negative, positive, absolute, fabs, conjugate, square", "[ufunc][kernels][arith][unary]") {
  CHECK(check<int8_t>(Id::negative, {-128, -1, 0}, std::vector<int8_t>{-128, 1, 0}) == 0);
  CHECK(check<uint8_t>(Id::negative, {255, 0}, std::vector<uint8_t>{1, 0}) == 0);
  CHECK(check<double>(Id::negative, {0.0, -0.0, -kInf}, std::vector<double>{-0.0, 0.0, kInf}) == 0);
  CHECK(check<c64>(Id::negative, {c64(-1, 0.0f)}, std::vector<c64>{c64(1, -0.0f)}) == 0);
  CHECK(check<int16_t>(Id::positive, {-5}, std::vector<int16_t>{-5}) == 0);
  CHECK(check<bool_t>(Id::absolute, {B(1), B(0)}, std::vector<bool_t>{B(2), B(0)}) == 0);
  CHECK(check<int8_t>(Id::absolute, {-128, 127, 5}, std::vector<int8_t>{-128, -127, -5}) == 0);
  CHECK(check<int64_t>(Id::absolute, {I64MIN}, std::vector<int64_t>{I64MIN}) == 0);
  CHECK(check<double>(Id::absolute, {0.0, kInf, kNaN}, std::vector<double>{-0.0, -kInf, -kNaN}) == 0);
  CHECK(check<half_t>(Id::fabs, {H(0.0), H(2)}, std::vector<half_t>{H(-0.0), H(-2)}) == 0);
  // complex absolute: on AVX-512F NumPy's AVX-512 hypot, and no flags at all (NumPy clears them);
  // elsewhere the C library's hypot with its flags
  const std::vector<c128> z128{c128(3, 4), c128(kInf, kNaN), c128(kNaN, -kInf), c128(kNaN, 1), c128(1e308, 1e308),
                               c128(1.5e308, 1.5e308)};
  const std::vector<double> abs128{5, kInf, kInf, kNaN, 1.4142135623730951e308, kInf};
  if (has_avx512()) {
    SimdPathScope scope(cnp::ufunc::SimdPath::avx512);
    CHECK(check<double>(Id::absolute, abs128, z128) == 0);
    CHECK(check<float>(Id::absolute, {5, 1.4142135e38f}, std::vector<c64>{c64(3, -4), c64(1e38f, 1e38f)}) == 0);
  }
  {
    SimdPathScope scope(cnp::ufunc::SimdPath::avx2);
    CHECK(check<double>(Id::absolute, abs128, z128) == kOver);
    CHECK(check<float>(Id::absolute, {5, 1.4142135e38f}, std::vector<c64>{c64(3, -4), c64(1e38f, 1e38f)}) == 0);
    CHECK(check<float>(Id::absolute, {kInfF}, std::vector<c64>{c64(3e38f, 3e38f)}) == kOver);
    CHECK(check<double>(Id::absolute, {std::hypot(1e-310, 1e-310)}, std::vector<c128>{c128(1e-310, 1e-310)}) == kUnder);
  }
  CHECK(check<c128>(Id::conjugate, {c128(1, 2), c128(0, 0.0)}, std::vector<c128>{c128(1, -2), c128(0, -0.0)}) == 0);
  CHECK(check<int32_t>(Id::conjugate, {-3}, std::vector<int32_t>{-3}) == 0);
  CHECK(check<int8_t>(Id::square, {0, 0, 9}, std::vector<int8_t>{16, -128, -3}) == 0);
  CHECK(check<double>(Id::square, {kInf}, std::vector<double>{1e200}) == kOver);
}

TEST_CASE("sign (NumPy 1.24: complex sign is the sign of the first nonzero part)", "[ufunc][kernels][arith][unary]") {
  CHECK(check<int8_t>(Id::sign, {-1, 0, 1, -1}, std::vector<int8_t>{-5, 0, 7, -128}) == 0);
  CHECK(check<uint64_t>(Id::sign, {0, 1}, std::vector<uint64_t>{0, UINT64_MAX}) == 0);
  CHECK(check<double>(Id::sign, {0.0, 0.0, -1, 1, kNaN, -1}, std::vector<double>{-0.0, 0.0, -2, 3, kNaN, -kInf}) == 0);
  CHECK(check<half_t>(Id::sign, {H(0.0), H(kNaN), H(-1), H(1)}, std::vector<half_t>{H(-0.0), H(kNaN), H(-3), H(0.5)}) == 0);
  CHECK(check<c128>(Id::sign, {c128(-1, 0), c128(0, 0), c128(-1, 0), c128(kNaN, 0), c128(0, 0)},
                    std::vector<c128>{c128(-0.0, -2), c128(0, 0), c128(-kInf, 1), c128(1, kNaN), c128(0, -0.0)}) == 0);
  CHECK(check<c128>(Id::sign, {c128(kNaN, 0), c128(kNaN, 0)}, std::vector<c128>{c128(kNaN, 0), c128(0, kNaN)}) == kInv);
}

TEST_CASE("reciprocal of integers converts 1.0 / x like NumPy", "[ufunc][kernels][arith][unary]") {
  CHECK(check<int32_t>(Id::reciprocal, {1, -1, 0, 0}, std::vector<int32_t>{1, -1, 2, -3}) == 0);
  CHECK(check<int32_t>(Id::reciprocal, {I32MIN}, std::vector<int32_t>{0}) == (kDiv | kInv));
  CHECK(check<int64_t>(Id::reciprocal, {I64MIN}, std::vector<int64_t>{0}) == (kDiv | kInv));
  CHECK(check<int8_t>(Id::reciprocal, {0}, std::vector<int8_t>{0}) == (kDiv | kInv));
  CHECK(check<uint64_t>(Id::reciprocal, {0, 1, 0}, std::vector<uint64_t>{0, 1, 2}) == (kDiv | kInv));
  CHECK(check<double>(Id::reciprocal, {kInf, -0.0, 0.5}, std::vector<double>{0.0, -kInf, 2}) == kDiv);
}

TEST_CASE("maximum/minimum propagate NaN and fmax/fmin ignore it, ties and signed zeros like NumPy",
          "[ufunc][kernels][arith][minmax]") {
  const std::vector<double> a{kNaN, 1, -0.0, 0.0, 1, -kInf}, b{1, kNaN, 0.0, -0.0, 2, kNaN};
  CHECK(check<double>(Id::maximum, {kNaN, kNaN, 0.0, -0.0, 2, kNaN}, a, b) == 0);
  CHECK(check<double>(Id::minimum, {kNaN, kNaN, 0.0, -0.0, 1, kNaN}, a, b) == 0);
  CHECK(check<double>(Id::fmax, {1, 1, 0.0, -0.0, 2, -kInf}, a, b) == 0);
  CHECK(check<double>(Id::fmin, {1, 1, 0.0, -0.0, 1, -kInf}, a, b) == 0);
  // float16 keeps the first operand on ties
  const std::vector<half_t> ha{H(kNaN), H(1), H(-0.0), H(0.0)}, hb{H(1), H(kNaN), H(0.0), H(-0.0)};
  CHECK(check<half_t>(Id::maximum, {H(kNaN), H(kNaN), H(-0.0), H(0.0)}, ha, hb) == 0);
  CHECK(check<half_t>(Id::fmin, {H(1), H(1), H(-0.0), H(0.0)}, ha, hb) == 0);
  // complex: lexicographic, a NaN in either part counts as NaN
  const std::vector<c128> ca{c128(1, kNaN), c128(1, 0), c128(kNaN, 0), c128(2, -1)};
  const std::vector<c128> cb{c128(2, 0), c128(1, 1), c128(1, 0), c128(1, 5)};
  CHECK(check<c128>(Id::maximum, {c128(1, kNaN), c128(1, 1), c128(kNaN, 0), c128(2, -1)}, ca, cb) == 0);
  CHECK(check<c128>(Id::fmax, {c128(2, 0), c128(1, 1), c128(1, 0), c128(2, -1)}, ca, cb) == 0);
  CHECK(check<c128>(Id::minimum, {c128(1, kNaN), c128(1, 0), c128(kNaN, 0), c128(1, 5)}, ca, cb) == 0);
  CHECK(check<int64_t>(Id::maximum, {3, I64MAX}, std::vector<int64_t>{-5, I64MIN}, std::vector<int64_t>{3, I64MAX}) == 0);
  CHECK(check<bool_t>(Id::minimum, {B(0), B(1)}, std::vector<bool_t>{B(2), B(2)}, std::vector<bool_t>{B(0), B(3)}) == 0);
}

TEST_CASE("clip: NaN operands and bounds, lo > hi, signed zeros", "[ufunc][kernels][arith][clip]") {
  CHECK(check<double>(Id::clip, {kNaN, kNaN, kNaN, 0.0, 1},
                      std::vector<double>{kNaN, 5, 0.5, -0.0, 2}, std::vector<double>{0, kNaN, 0, 0.0, 3},
                      std::vector<double>{1, 1, kNaN, 1, 1}) == 0);
  CHECK(check<half_t>(Id::clip, {H(kNaN), H(-0.0), H(1)}, std::vector<half_t>{H(kNaN), H(-0.0), H(2)},
                      std::vector<half_t>{H(0), H(0.0), H(3)}, std::vector<half_t>{H(1), H(1), H(1)}) == 0);
  CHECK(check<int32_t>(Id::clip, {3, 0, 1}, std::vector<int32_t>{5, -5, 2}, std::vector<int32_t>{0, 0, 3},
                       std::vector<int32_t>{3, 3, 1}) == 0);
  CHECK(check<c128>(Id::clip, {c128(1, 0), c128(kNaN, 0), c128(1, 1), c128(0.5, 0)},
                    std::vector<c128>{c128(2, 0), c128(kNaN, 0), c128(1, 5), c128(0.5, 0)},
                    std::vector<c128>{c128(0, 0), c128(0, 0), c128(1, 0), c128(0, kNaN)},
                    std::vector<c128>{c128(1, 0), c128(1, 0), c128(1, 1), c128(1, 0)}) == 0);
  CHECK(check<bool_t>(Id::clip, {B(1), B(0)}, std::vector<bool_t>{B(5), B(0)}, std::vector<bool_t>{B(0), B(0)},
                      std::vector<bool_t>{B(1), B(1)}) == 0);
}
