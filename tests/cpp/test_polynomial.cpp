// Polynomial evaluation kernels (src/polynomial, cnp_poly_val): every basis against a plain
// scalar transcription of NumPy 1.24's Python loops (bit for bit, real and complex, real x with
// complex coefficients), the audit's DS-ARRAY-12, output shapes for N-d coefficients, results
// independent of the thread count on inputs large enough to be split, and the error paths.
#include <catch2/catch.hpp>

#include <cmath>
#include <complex>
#include <cstring>
#include <random>
#include <vector>

#include "capi_test_util.hpp"
#include "cnumpy/cnumpy.h"
#include "core/arith.hpp"

using namespace capi_test;
using C = std::complex<double>;

namespace {

// NumPy's loops for one point, in NumPy's operation order (numpy/polynomial/*.py).
template <class T, class X>
T reference(int basis, const std::vector<T>& c, X x) {
  using A = cnp::Arith<T>;
  using AX = cnp::Arith<X>;
  const int64_t n = static_cast<int64_t>(c.size());
  auto k = [](int64_t v) { return A::from_index(v); };
  if (basis == CNP_POLY_LEGACY) {
    T y = T(AX::mul(AX::from_index(0), x));
    y = A::add(y, c[0]);
    for (int64_t i = 1; i < n; ++i) y = A::add(A::mul(y, T(x)), c[i]);
    return y;
  }
  if (basis == CNP_POLY_POWER) {
    T y = A::add(c[n - 1], T(AX::mul(x, AX::from_index(0))));
    for (int64_t i = 2; i <= n; ++i) y = A::add(c[n - i], A::mul(y, T(x)));
    return y;
  }
  X last = basis == CNP_POLY_LAGUERRE ? AX::sub(AX::from_index(1), x)
           : basis == CNP_POLY_HERMITE ? AX::mul(x, AX::from_index(2)) : x;
  if (n == 1) return A::add(c[0], T(AX::mul(AX::from_index(0), last)));
  T c0 = c[n - 2], c1 = c[n - 1];
  int64_t nd = n;
  for (int64_t i = 3; i <= n; ++i) {
    T tmp = c0;
    nd -= 1;
    switch (basis) {
      case CNP_POLY_CHEBYSHEV:
        c0 = A::sub(c[n - i], c1);
        c1 = A::add(tmp, A::mul(c1, T(AX::mul(AX::from_index(2), x))));
        break;
      case CNP_POLY_LEGENDRE:
        c0 = A::sub(c[n - i], A::div(A::mul(c1, k(nd - 1)), k(nd)));
        c1 = A::add(tmp, A::div(A::mul(A::mul(c1, T(x)), k(2 * nd - 1)), k(nd)));
        break;
      case CNP_POLY_LAGUERRE:
        c0 = A::sub(c[n - i], A::div(A::mul(c1, k(nd - 1)), k(nd)));
        c1 = A::add(tmp, A::div(A::mul(c1, T(AX::sub(AX::from_index(2 * nd - 1), x))), k(nd)));
        break;
      case CNP_POLY_HERMITE:
        c0 = A::sub(c[n - i], A::mul(c1, k(2 * (nd - 1))));
        c1 = A::add(tmp, A::mul(c1, T(AX::mul(x, AX::from_index(2)))));
        break;
      default:
        c0 = A::sub(c[n - i], A::mul(c1, k(nd - 1)));
        c1 = A::add(tmp, A::mul(c1, T(x)));
    }
  }
  return A::add(c0, A::mul(c1, T(last)));
}

template <class T>
void fill(Handle& h, int32_t typenum, const std::vector<T>& v, std::vector<int64_t> shape) {
  cnp_dtype* d = dtype(typenum);
  REQUIRE(cnp_empty(static_cast<int32_t>(shape.size()), shape.data(), d, CNP_ORDER_C, h.out()) == CNP_OK);
  cnp_dtype_free(d);
  void* p = nullptr;
  cnp_array_data(h, &p);
  if (!v.empty()) std::memcpy(p, v.data(), v.size() * sizeof(T));
}

template <class T>
const T* data_of(const Handle& h) {
  void* p = nullptr;
  cnp_array_data(h, &p);
  return static_cast<const T*>(p);
}

template <class T>
bool same_bits(const T& a, const T& b) {
  return std::memcmp(&a, &b, sizeof(T)) == 0;
}

std::vector<double> points(size_t n, uint32_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-3.0, 3.0);
  std::vector<double> x(n);
  for (auto& v : x) v = u(rng);
  if (n > 6) {
    x[0] = INFINITY;
    x[1] = -INFINITY;
    x[2] = NAN;
    x[3] = -0.0;
    x[4] = 0.0;
  }
  return x;
}

const int kBases[] = {CNP_POLY_LEGACY, CNP_POLY_POWER, CNP_POLY_CHEBYSHEV, CNP_POLY_LEGENDRE,
                      CNP_POLY_LAGUERRE, CNP_POLY_HERMITE, CNP_POLY_HERMITE_E};

}  // namespace

TEST_CASE("poly_val: DS-ARRAY-12 in every basis's own terms", "[polynomial]") {
  Handle c, x, out;
  fill<double>(x, CNP_FLOAT64, {2.0}, {1});
  fill<double>(c, CNP_FLOAT64, {1.0, -2.0, 3.0}, {3});
  REQUIRE(cnp_poly_val(CNP_POLY_POWER, c, x, nullptr, out.out()) == CNP_OK);
  CHECK(data_of<double>(out)[0] == 9.0);                 // 1 - 4 + 12
  fill<double>(c, CNP_FLOAT64, {3.0, -2.0, 1.0}, {3});
  REQUIRE(cnp_poly_val(CNP_POLY_LEGACY, c, x, nullptr, out.out()) == CNP_OK);
  CHECK(data_of<double>(out)[0] == 9.0);                 // 3*4 - 4 + 1
  fill<double>(c, CNP_FLOAT64, {1.0, -2.0, 3.0}, {3});
  REQUIRE(cnp_poly_val(CNP_POLY_CHEBYSHEV, c, x, nullptr, out.out()) == CNP_OK);
  CHECK(data_of<double>(out)[0] == 18.0);                // 1 - 2*2 + 3*(2*4 - 1)
}

TEST_CASE("poly_val: every basis matches NumPy's loop bit for bit", "[polynomial]") {
  const std::vector<double> xs = points(1000, 11);
  for (int basis : kBases) {
    for (size_t ncoef : {1u, 2u, 3u, 9u}) {
      std::vector<double> c(ncoef);
      for (size_t i = 0; i < ncoef; ++i) c[i] = 0.5 * static_cast<double>(i) - 1.25 + (i % 3 == 0 ? 0.1 : 0.0);
      Handle hc, hx, out;
      fill(hc, CNP_FLOAT64, c, {static_cast<int64_t>(ncoef)});
      fill(hx, CNP_FLOAT64, xs, {static_cast<int64_t>(xs.size())});
      REQUIRE(cnp_poly_val(basis, hc, hx, nullptr, out.out()) == CNP_OK);
      const double* r = data_of<double>(out);
      for (size_t j = 0; j < xs.size(); ++j) {
        INFO("basis " << basis << " ncoef " << ncoef << " x " << xs[j]);
        REQUIRE(same_bits(r[j], reference<double, double>(basis, c, xs[j])));
      }
      // complex coefficients with real x: x stays real for its own terms
      std::vector<C> cc(ncoef);
      for (size_t i = 0; i < ncoef; ++i) cc[i] = C(c[i], 0.25 * static_cast<double>(i) - 0.5);
      Handle hcc, outc;
      fill(hcc, CNP_COMPLEX128, cc, {static_cast<int64_t>(ncoef)});
      REQUIRE(cnp_poly_val(basis, hcc, hx, nullptr, outc.out()) == CNP_OK);
      const C* rc = data_of<C>(outc);
      for (size_t j = 0; j < xs.size(); ++j) {
        INFO("complex basis " << basis << " ncoef " << ncoef << " x " << xs[j]);
        REQUIRE(same_bits(rc[j], reference<C, double>(basis, cc, xs[j])));
      }
      // complex x
      std::vector<C> xc(64);
      for (size_t j = 0; j < xc.size(); ++j) xc[j] = C(xs[j + 10], xs[j + 100]);
      Handle hxc, outcc;
      fill(hxc, CNP_COMPLEX128, xc, {64});
      REQUIRE(cnp_poly_val(basis, hcc, hxc, nullptr, outcc.out()) == CNP_OK);
      const C* rcc = data_of<C>(outcc);
      for (size_t j = 0; j < xc.size(); ++j) REQUIRE(same_bits(rcc[j], reference<C, C>(basis, cc, xc[j])));
    }
  }
}

TEST_CASE("poly_val: float32 stays float32 and rounds in float32", "[polynomial]") {
  std::vector<float> xs = {0.1f, -1.7f, 2.3f, 1e10f};
  std::vector<float> c = {0.3f, -1.1f, 2.7f, 0.9f};
  Handle hc, hx, out;
  fill(hc, CNP_FLOAT32, c, {4});
  fill(hx, CNP_FLOAT32, xs, {4});
  for (int basis : kBases) {
    REQUIRE(cnp_poly_val(basis, hc, hx, nullptr, out.out()) == CNP_OK);
    const float* r = data_of<float>(out);
    for (size_t j = 0; j < xs.size(); ++j) REQUIRE(same_bits(r[j], reference<float, float>(basis, c, xs[j])));
  }
}

TEST_CASE("poly_val: N-d coefficients give c.shape[1:] + x.shape, strided x", "[polynomial]") {
  Handle c, x, out;
  iota<double>(c, CNP_FLOAT64, {3, 2}, 1.0);  // columns [1,3,5] and [2,4,6]
  iota<double>(x, CNP_FLOAT64, {2, 2}, -1.0);
  REQUIRE(cnp_poly_val(CNP_POLY_POWER, c, x, nullptr, out.out()) == CNP_OK);
  int32_t ndim = 0;
  cnp_array_ndim(out, &ndim);
  REQUIRE(ndim == 3);
  const int64_t* shape = nullptr;
  cnp_array_shape(out, &shape);
  CHECK(shape[0] == 2);
  CHECK(shape[1] == 2);
  CHECK(shape[2] == 2);
  const double* r = data_of<double>(out);
  for (int col = 0; col < 2; ++col)
    for (int j = 0; j < 4; ++j) {
      double xv = -1.0 + j;
      std::vector<double> cc = {1.0 + col, 3.0 + col, 5.0 + col};
      CHECK(same_bits(r[col * 4 + j], reference<double, double>(CNP_POLY_POWER, cc, xv)));
    }
  // a transposed (non-contiguous) x
  Handle xt;
  REQUIRE(cnp_transpose(x, nullptr, 0, xt.out()) == CNP_OK);
  Handle c1, out2;
  fill<double>(c1, CNP_FLOAT64, {1.0, -2.0, 3.0}, {3});
  REQUIRE(cnp_poly_val(CNP_POLY_LEGENDRE, c1, xt, nullptr, out2.out()) == CNP_OK);
  const double* r2 = data_of<double>(out2);
  const double xv[4] = {-1.0, 1.0, 0.0, 2.0};  // x.T in C order
  for (int j = 0; j < 4; ++j)
    CHECK(same_bits(r2[j], reference<double, double>(CNP_POLY_LEGENDRE, {1.0, -2.0, 3.0}, xv[j])));
}

TEST_CASE("poly_val: large inputs give the same bits with 1, 2 and 3 threads", "[polynomial]") {
  const std::vector<double> xs = points(300001, 5);
  std::vector<double> c = {0.5, -1.0, 0.25, 2.0, -0.75, 1.5, 0.1, -0.2, 3.0};
  Handle hc, hx;
  fill(hc, CNP_FLOAT64, c, {9});
  fill(hx, CNP_FLOAT64, xs, {static_cast<int64_t>(xs.size())});
  for (int basis : kBases) {
    std::vector<double> first;
    for (int threads : {1, 2, 3}) {
      cnp_set_num_threads(threads);
      Handle out;
      REQUIRE(cnp_poly_val(basis, hc, hx, nullptr, out.out()) == CNP_OK);
      const double* r = data_of<double>(out);
      if (first.empty()) {
        first.assign(r, r + xs.size());
        for (size_t j = 0; j < xs.size(); j += 997) REQUIRE(same_bits(r[j], reference<double, double>(basis, c, xs[j])));
      } else {
        REQUIRE(std::memcmp(first.data(), r, first.size() * sizeof(double)) == 0);
      }
    }
  }
  cnp_set_num_threads(0);
}

TEST_CASE("poly_val: errors", "[polynomial]") {
  Handle c, x, empty_c, out;
  fill<double>(c, CNP_FLOAT64, {1.0, 2.0}, {2});
  fill<double>(x, CNP_FLOAT64, {1.0}, {1});
  fill<double>(empty_c, CNP_FLOAT64, {}, {0});
  CHECK(cnp_poly_val(CNP_POLY_POWER, empty_c, x, nullptr, out.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "Coefficient array is empty");
  CHECK(out.h == nullptr);
  CHECK(cnp_poly_val(7, c, x, nullptr, out.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "unknown polynomial basis");
  cnp_dtype* i64 = dtype(CNP_INT64);
  CHECK(cnp_poly_val(CNP_POLY_POWER, c, x, i64, out.out()) == CNP_ERR_TYPE);
  cnp_dtype_free(i64);
  Handle scalar_c;
  fill<double>(scalar_c, CNP_FLOAT64, {1.0}, {});
  CHECK(cnp_poly_val(CNP_POLY_POWER, scalar_c, x, nullptr, out.out()) == CNP_ERR_VALUE);
  CHECK(cnp_poly_val(CNP_POLY_POWER, nullptr, x, nullptr, out.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_poly_val(CNP_POLY_POWER, c, nullptr, nullptr, out.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_poly_val(CNP_POLY_POWER, c, x, nullptr, nullptr) != CNP_OK);
  // integer coefficients evaluate as float64 (NumPy's astype(double))
  Handle ci, xi;
  iota<int64_t>(ci, CNP_INT64, {3}, 1);
  iota<int64_t>(xi, CNP_INT64, {2}, 2);
  REQUIRE(cnp_poly_val(CNP_POLY_POWER, ci, xi, nullptr, out.out()) == CNP_OK);
  CHECK(data_of<double>(out)[0] == 1.0 + 2 * 2 + 3 * 4);
}
