// The C ABI of einsum, cond, multi_dot, qr(mode='raw') and the small-matrix matmul kernel:
// values on small systems worked out by hand or by a naive loop, statuses and NumPy's messages
// for bad input, NULL handles and lists.
#include <catch2/catch.hpp>

#include <cmath>
#include <complex>
#include <string>
#include <vector>

#include "capi_test_util.hpp"
#include "cnumpy/cnumpy.h"

namespace {

using capi_test::Handle;

template <class T>
T* data_of(const cnp_array* a) {
  void* p = nullptr;
  cnp_array_data(a, &p);
  return static_cast<T*>(p);
}

// A C-contiguous array of a builtin dtype filled from values (complex: real parts).
void make(int32_t typenum, std::vector<int64_t> shape, const std::vector<double>& values, Handle& out) {
  cnp_dtype* dt = capi_test::dtype(typenum);
  REQUIRE(cnp_empty(int32_t(shape.size()), shape.data(), dt, CNP_ORDER_C, out.out()) == CNP_OK);
  cnp_dtype_free(dt);
  int64_t n = 1;
  for (int64_t s : shape) n *= s;
  REQUIRE(int64_t(values.size()) >= n);
  for (int64_t i = 0; i < n; ++i) {
    const double v = values[size_t(i)];
    switch (typenum) {
      case CNP_FLOAT64: data_of<double>(out)[i] = v; break;
      case CNP_FLOAT32: data_of<float>(out)[i] = float(v); break;
      case CNP_INT64: data_of<int64_t>(out)[i] = int64_t(v); break;
      case CNP_COMPLEX128: data_of<std::complex<double>>(out)[i] = {v, 0.5 * v - 1.0}; break;
      case CNP_COMPLEX64: data_of<std::complex<float>>(out)[i] = {float(v), float(1.0 - v)}; break;
    }
  }
}

std::vector<int64_t> shape_of(const cnp_array* a) {
  int32_t nd = 0;
  REQUIRE(cnp_array_ndim(a, &nd) == CNP_OK);
  std::vector<int64_t> s(static_cast<size_t>(nd));
  const int64_t* p = nullptr;
  REQUIRE(cnp_array_shape(a, &p) == CNP_OK);
  for (int32_t i = 0; i < nd; ++i) s[size_t(i)] = p[i];
  return s;
}

std::vector<double> seq(int64_t n, double scale = 1.0) {
  std::vector<double> v(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) v[size_t(i)] = scale * double((i * 7) % 11) - 3.0;
  return v;
}

std::string err() { return cnp_last_error(); }

}  // namespace

TEST_CASE("einsum products traces transposes and sums", "[linalg][einsum]") {
  Handle a, b, r1, r2, r3, r4, r5, sq;
  make(CNP_INT64, {2, 3}, {1, 2, 3, 4, 5, 6}, a);
  make(CNP_INT64, {3, 2}, {1, 2, 3, 4, 5, 6}, b);
  const cnp_array* ab[2] = {a, b};
  REQUIRE(cnp_einsum("ij,jk->ik", 2, ab, r1.out()) == CNP_OK);
  CHECK(shape_of(r1) == std::vector<int64_t>{2, 2});
  const int64_t* p = data_of<int64_t>(r1);
  CHECK((p[0] == 22 && p[1] == 28 && p[2] == 49 && p[3] == 64));
  REQUIRE(cnp_einsum("ij,jk", 2, ab, r2.out()) == CNP_OK);  // implicit output: "ik"
  CHECK(data_of<int64_t>(r2)[3] == 64);
  REQUIRE(cnp_einsum("ij->", 1, ab, r3.out()) == CNP_OK);
  CHECK(shape_of(r3).empty());
  CHECK(data_of<int64_t>(r3)[0] == 21);
  make(CNP_FLOAT64, {2, 2}, {1, 2, 3, 4}, sq);
  const cnp_array* s1[1] = {sq};
  REQUIRE(cnp_einsum("ii", 1, s1, r4.out()) == CNP_OK);
  CHECK(data_of<double>(r4)[0] == 5.0);
  // A transpose is a view of the operand, as NumPy returns.
  REQUIRE(cnp_einsum("ij->ji", 1, s1, r5.out()) == CNP_OK);
  CHECK(data_of<double>(r5) == data_of<double>(sq));
  CHECK(shape_of(r5) == std::vector<int64_t>{2, 2});
}

TEST_CASE("einsum batched product with ellipsis broadcasting", "[linalg][einsum]") {
  Handle a, b, r;
  make(CNP_FLOAT64, {3, 2, 4}, seq(24), a);
  make(CNP_FLOAT64, {4, 5}, seq(20, 0.5), b);
  const cnp_array* ops[2] = {a, b};
  REQUIRE(cnp_einsum("...ij,...jk->...ik", 2, ops, r.out()) == CNP_OK);
  REQUIRE(shape_of(r) == std::vector<int64_t>{3, 2, 5});
  const double *pa = data_of<double>(a), *pb = data_of<double>(b), *pr = data_of<double>(r);
  for (int s = 0; s < 3; ++s)
    for (int i = 0; i < 2; ++i)
      for (int k = 0; k < 5; ++k) {
        double want = 0;
        for (int j = 0; j < 4; ++j) want += pa[s * 8 + i * 4 + j] * pb[j * 5 + k];
        CHECK(pr[s * 10 + i * 5 + k] == Approx(want));
      }
}

TEST_CASE("einsum errors carry NumPy's messages", "[linalg][einsum]") {
  Handle a, c, out;
  make(CNP_FLOAT64, {2, 3}, seq(6), a);
  make(CNP_FLOAT64, {2, 3}, seq(6), c);
  const cnp_array* one[1] = {a};
  const cnp_array* two[2] = {a, c};
  CHECK(cnp_einsum(nullptr, 1, one, out.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_einsum("ij", 1, nullptr, out.out()) == CNP_ERR_INVALID_HANDLE);
  const cnp_array* null_op[1] = {nullptr};
  CHECK(cnp_einsum("ij", 1, null_op, out.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_einsum("ij", 1, one, nullptr) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_einsum("ij", -1, one, out.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_einsum("ij", 0, one, out.out()) == CNP_ERR_VALUE);
  CHECK(err() == "must specify the einstein sum subscripts string and at least one operand");
  CHECK(cnp_einsum("ij,jk", 1, one, out.out()) == CNP_ERR_VALUE);
  CHECK(err() == "more operands provided to einstein sum function than specified in the subscripts string");
  CHECK(cnp_einsum("i1", 1, one, out.out()) == CNP_ERR_VALUE);
  CHECK(err() == "invalid subscript '1' in einstein sum subscripts string, subscripts must be letters");
  CHECK(cnp_einsum("ijk", 1, one, out.out()) == CNP_ERR_VALUE);
  CHECK(err() == "einstein sum subscripts string contains too many subscripts for operand 0");
  CHECK(cnp_einsum("ij->k", 1, one, out.out()) == CNP_ERR_VALUE);
  CHECK(err() == "einstein sum subscripts string included output subscript 'k' which never appeared in an input");
  CHECK(cnp_einsum("ii", 1, one, out.out()) == CNP_ERR_VALUE);
  CHECK(err() == "dimensions in operand 0 for collapsing index 'i' don't match (2 != 3)");
  CHECK(cnp_einsum("ij,jk", 2, two, out.out()) == CNP_ERR_VALUE);
  CHECK(err() == "operands could not be broadcast together with remapped shapes [original->remapped]: "
                 "(2,3)->(2,newaxis,3) (2,3)->(3,2) ");
  CHECK(cnp_einsum("ij-", 1, one, out.out()) == CNP_ERR_VALUE);
  CHECK(err() == "einstein sum subscript string does not contain proper '->' output specified");
  CHECK(out.h == nullptr);
}

TEST_CASE("cond in every norm of a known matrix", "[linalg][cond]") {
  Handle a, sing;
  make(CNP_FLOAT64, {2, 2}, {3, 1, 1, 2}, a);
  auto cond = [&](const cnp_array* x, int32_t kind, double p) {
    Handle r;
    REQUIRE(cnp_linalg_cond(x, kind, p, r.out()) == CNP_OK);
    REQUIRE(shape_of(r).empty());
    return data_of<double>(r)[0];
  };
  const double inf = INFINITY;
  // eigenvalues (5 +- sqrt 5) / 2; inv = [[.4, -.2], [-.2, .6]]
  CHECK(cond(a, CNP_LINALG_NORM_DEFAULT, 0) == Approx((5 + std::sqrt(5.0)) / (5 - std::sqrt(5.0))));
  CHECK(cond(a, CNP_LINALG_NORM_NUMBER, 2) == Approx((5 + std::sqrt(5.0)) / (5 - std::sqrt(5.0))));
  CHECK(cond(a, CNP_LINALG_NORM_NUMBER, -2) == Approx((5 - std::sqrt(5.0)) / (5 + std::sqrt(5.0))));
  CHECK(cond(a, CNP_LINALG_NORM_NUMBER, 1) == Approx(3.2));
  CHECK(cond(a, CNP_LINALG_NORM_NUMBER, inf) == Approx(3.2));
  CHECK(cond(a, CNP_LINALG_NORM_NUMBER, -1) == Approx(3.0 * 0.6));
  CHECK(cond(a, CNP_LINALG_NORM_FRO, 0) == Approx(3.0));
  CHECK(cond(a, CNP_LINALG_NORM_NUC, 0) == Approx(5.0 * (1.0 / ((5 + std::sqrt(5.0)) / 2) + 1.0 / ((5 - std::sqrt(5.0)) / 2))));
  make(CNP_FLOAT64, {2, 2}, {1, 2, 2, 4}, sing);
  CHECK(std::isinf(cond(sing, CNP_LINALG_NORM_NUMBER, 1)));
  CHECK(std::isinf(cond(sing, CNP_LINALG_NORM_FRO, 0)));
}

TEST_CASE("cond keeps single precision and batches", "[linalg][cond]") {
  Handle a, r;
  make(CNP_FLOAT32, {3, 2, 2}, {3, 1, 1, 2, 2, 0, 0, 4, 1, 0, 0, 1}, a);
  REQUIRE(cnp_linalg_cond(a, CNP_LINALG_NORM_NUMBER, 1, r.out()) == CNP_OK);
  REQUIRE(shape_of(r) == std::vector<int64_t>{3});
  cnp_dtype* dt = nullptr;
  int32_t tn = -1;
  cnp_array_dtype(r, &dt);
  cnp_dtype_typenum(dt, &tn);
  cnp_dtype_free(dt);
  CHECK(tn == CNP_FLOAT32);
  CHECK(data_of<float>(r)[0] == Approx(3.2f));
  CHECK(data_of<float>(r)[1] == Approx(2.0f));
  CHECK(data_of<float>(r)[2] == Approx(1.0f));
}

TEST_CASE("cond errors carry NumPy's messages", "[linalg][cond]") {
  Handle empty, vec, rect, a, out;
  make(CNP_FLOAT64, {0, 0}, {}, empty);
  make(CNP_FLOAT64, {3}, {1, 2, 3}, vec);
  make(CNP_FLOAT64, {2, 3}, seq(6), rect);
  make(CNP_FLOAT64, {2, 2}, {3, 1, 1, 2}, a);
  CHECK(cnp_linalg_cond(nullptr, CNP_LINALG_NORM_DEFAULT, 0, out.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_linalg_cond(a, CNP_LINALG_NORM_DEFAULT, 0, nullptr) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_linalg_cond(empty, CNP_LINALG_NORM_DEFAULT, 0, out.out()) == CNP_ERR_LINALG);
  CHECK(err() == "cond is not defined on empty arrays");
  CHECK(cnp_linalg_cond(vec, CNP_LINALG_NORM_NUMBER, 1, out.out()) == CNP_ERR_LINALG);
  CHECK(err() == "1-dimensional array given. Array must be at least two-dimensional");
  CHECK(cnp_linalg_cond(rect, CNP_LINALG_NORM_NUMBER, 1, out.out()) == CNP_ERR_LINALG);
  CHECK(err() == "Last 2 dimensions of the array must be square");
  CHECK(cnp_linalg_cond(a, CNP_LINALG_NORM_NUMBER, 3, out.out()) == CNP_ERR_VALUE);
  CHECK(err() == "Invalid norm order for matrices.");
  CHECK(cnp_linalg_cond(a, 99, 0, out.out()) == CNP_ERR_VALUE);
  CHECK(out.h == nullptr);
}

TEST_CASE("multi_dot picks NumPy's order and drops 1-d ends", "[linalg][multi_dot]") {
  Handle v, m1, m2, w, r, r2;
  make(CNP_FLOAT64, {3}, {1, 2, 3}, v);
  make(CNP_FLOAT64, {3, 4}, seq(12), m1);
  make(CNP_FLOAT64, {4, 2}, seq(8, 2.0), m2);
  make(CNP_FLOAT64, {2}, {1, -1}, w);
  const cnp_array* chain[4] = {v, m1, m2, w};
  REQUIRE(cnp_linalg_multi_dot(4, chain, r.out()) == CNP_OK);
  CHECK(shape_of(r).empty());
  const double *p1 = data_of<double>(m1), *p2 = data_of<double>(m2);
  double want = 0;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 4; ++j)
      for (int k = 0; k < 2; ++k) want += double(i + 1) * p1[i * 4 + j] * p2[j * 2 + k] * (k == 0 ? 1.0 : -1.0);
  CHECK(data_of<double>(r)[0] == Approx(want));
  const cnp_array* three[3] = {m1, m2, w};
  REQUIRE(cnp_linalg_multi_dot(3, three, r2.out()) == CNP_OK);
  CHECK(shape_of(r2) == std::vector<int64_t>{3});
}

TEST_CASE("multi_dot errors carry NumPy's messages", "[linalg][multi_dot]") {
  Handle a, cube, b, out;
  make(CNP_FLOAT64, {2, 3}, seq(6), a);
  make(CNP_FLOAT64, {2, 2, 2}, seq(8), cube);
  make(CNP_FLOAT64, {2, 2}, seq(4), b);
  const cnp_array* one[1] = {a};
  CHECK(cnp_linalg_multi_dot(1, one, out.out()) == CNP_ERR_VALUE);
  CHECK(err() == "Expecting at least two arrays.");
  const cnp_array* bad[3] = {b, cube, b};
  CHECK(cnp_linalg_multi_dot(3, bad, out.out()) == CNP_ERR_LINALG);
  CHECK(err() == "3-dimensional array given. Array must be two-dimensional");
  const cnp_array* mism[3] = {a, b, b};
  CHECK(cnp_linalg_multi_dot(3, mism, out.out()) == CNP_ERR_VALUE);
  CHECK(err() == "shapes (2,3) and (2,2) not aligned: 3 (dim 1) != 2 (dim 0)");
  CHECK(cnp_linalg_multi_dot(2, nullptr, out.out()) == CNP_ERR_INVALID_HANDLE);
  const cnp_array* with_null[2] = {a, nullptr};
  CHECK(cnp_linalg_multi_dot(2, with_null, out.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(out.h == nullptr);
}

TEST_CASE("qr raw returns geqrf's h and tau", "[linalg][qr]") {
  Handle a, h, tau, r;
  make(CNP_FLOAT64, {3, 2}, {3, 1, 4, 1, 0, 2}, a);
  REQUIRE(cnp_linalg_qr(a, CNP_LINALG_QR_RAW, h.out(), tau.out()) == CNP_OK);
  CHECK(shape_of(h) == std::vector<int64_t>{2, 3});
  CHECK(shape_of(tau) == std::vector<int64_t>{2});
  // h[0][0] is R's first diagonal entry: -+ the norm of a's first column.
  CHECK(std::abs(data_of<double>(h)[0]) == Approx(5.0));
  REQUIRE(cnp_linalg_qr(a, CNP_LINALG_QR_R, nullptr, r.out()) == CNP_OK);
  CHECK(data_of<double>(h)[0] == Approx(data_of<double>(r)[0]));
  CHECK(data_of<double>(h)[4] == Approx(data_of<double>(r)[3]));  // R[1][1] = h[1][1]
  Handle t2;
  CHECK(cnp_linalg_qr(a, CNP_LINALG_QR_RAW, nullptr, t2.out()) == CNP_ERR_INVALID_HANDLE);
  Handle h2;
  CHECK(cnp_linalg_qr(a, 4, h2.out(), t2.out()) == CNP_ERR_VALUE);
}

namespace {
// matmul of a stack against a naive triple loop, for the vectorised small kernels.
template <class T>
void check_small(int32_t typenum, int64_t batch, int64_t n, int64_t k, int64_t m) {
  Handle a, b, c;
  make(typenum, {batch, n, k}, seq(batch * n * k, 0.25), a);
  make(typenum, {k, m}, seq(k * m, 0.5), b);  // broadcast over the stack
  REQUIRE(cnp_matmul(a, b, c.out()) == CNP_OK);
  REQUIRE(shape_of(c) == std::vector<int64_t>{batch, n, m});
  const T *pa = data_of<T>(a), *pb = data_of<T>(b), *pc = data_of<T>(c);
  for (int64_t s = 0; s < batch; ++s)
    for (int64_t i = 0; i < n; ++i)
      for (int64_t j = 0; j < m; ++j) {
        T want = T(0);
        for (int64_t p = 0; p < k; ++p) want += pa[(s * n + i) * k + p] * pb[p * m + j];
        const T got = pc[(s * n + i) * m + j];
        CHECK(std::abs(got - want) <= 1e-4 * (1 + std::abs(want)));
      }
}
}  // namespace

TEST_CASE("small batched matmul kernels match a naive product", "[linalg][matmul]") {
  check_small<double>(CNP_FLOAT64, 7, 8, 8, 8);
  check_small<double>(CNP_FLOAT64, 3, 5, 3, 4);
  check_small<double>(CNP_FLOAT64, 2, 16, 16, 16);
  check_small<double>(CNP_FLOAT64, 4, 3, 7, 2);
  check_small<float>(CNP_FLOAT32, 5, 8, 8, 8);
  check_small<float>(CNP_FLOAT32, 2, 7, 5, 16);
  check_small<std::complex<double>>(CNP_COMPLEX128, 6, 4, 4, 4);
  check_small<std::complex<double>>(CNP_COMPLEX128, 2, 3, 5, 8);
  check_small<std::complex<float>>(CNP_COMPLEX64, 3, 5, 8, 8);
}
