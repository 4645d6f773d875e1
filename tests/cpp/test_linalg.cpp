// The C ABI of the matrix products and numpy.linalg: values on small known systems, statuses and
// messages for bad input, NULL handles and out-parameters.
#include <catch2/catch.hpp>

#include "capi_test_util.hpp"
#include <cmath>
#include <cstdlib>
#include <complex>
#include <string>

#include "cnumpy/cnumpy.h"

namespace {

using capi_test::Handle;
using capi_test::dtype;

template <class T>
T* data_of(const cnp_array* a) {
  void* p = nullptr;
  cnp_array_data(a, &p);
  return static_cast<T*>(p);
}

// A C-contiguous float64 (or other builtin) array filled from values.
bool make(int32_t typenum, int32_t ndim, const int64_t* shape, const double* values, Handle& out) {
  cnp_dtype* dt = nullptr;
  if (cnp_dtype_from_typenum(typenum, &dt) != CNP_OK) return false;
  cnp_status st = cnp_empty(ndim, shape, dt, CNP_ORDER_C, out.out());
  cnp_dtype_free(dt);
  if (st != CNP_OK) return false;
  int64_t n = 1;
  for (int32_t i = 0; i < ndim; ++i) n *= shape[i];
  for (int64_t i = 0; i < n; ++i) {
    if (typenum == CNP_FLOAT64) data_of<double>(out)[i] = values[i];
    else if (typenum == CNP_FLOAT32) data_of<float>(out)[i] = float(values[i]);
    else if (typenum == CNP_INT64) data_of<int64_t>(out)[i] = int64_t(values[i]);
    else if (typenum == CNP_COMPLEX128) data_of<std::complex<double>>(out)[i] = values[i];
  }
  return true;
}

int32_t dtype_num(const cnp_array* a) {
  cnp_dtype* dt = nullptr;
  cnp_array_dtype(a, &dt);
  int32_t t = -1;
  cnp_dtype_typenum(dt, &t);
  cnp_dtype_free(dt);
  return t;
}

}  // namespace

TEST_CASE("linalg solve and inv of DS-ARRAY-10", "[linalg]") {
  const int64_t s2[2] = {2, 2}, s1[1] = {2};
  const double A[4] = {3, 1, 1, 2}, b[2] = {9, 8};
  Handle a, bb, x, ai, d;
  REQUIRE(make(CNP_FLOAT64, 2, s2, A, a));
  REQUIRE(make(CNP_FLOAT64, 1, s1, b, bb));
  REQUIRE(cnp_linalg_solve(a, bb, x.out()) == CNP_OK);
  CHECK(data_of<double>(x)[0] == Approx(2.0));
  CHECK(data_of<double>(x)[1] == Approx(3.0));
  REQUIRE(cnp_linalg_inv(a, ai.out()) == CNP_OK);
  CHECK(data_of<double>(ai)[0] == Approx(0.4));
  CHECK(data_of<double>(ai)[1] == Approx(-0.2));
  CHECK(data_of<double>(ai)[3] == Approx(0.6));
  REQUIRE(cnp_linalg_det(a, d.out()) == CNP_OK);
  CHECK(data_of<double>(d)[0] == Approx(5.0));
}

TEST_CASE("linalg matmul keeps the product dtype", "[linalg]") {
  const int64_t s23[2] = {2, 3}, s32[2] = {3, 2};
  const double v[6] = {1, 2, 3, 4, 5, 6};
  Handle a, b, c, f, g, h;
  REQUIRE(make(CNP_INT64, 2, s23, v, a));
  REQUIRE(make(CNP_INT64, 2, s32, v, b));
  REQUIRE(cnp_matmul(a, b, c.out()) == CNP_OK);
  CHECK(dtype_num(c) == CNP_INT64);
  const int64_t* p = data_of<int64_t>(c);
  CHECK(p[0] == 22);
  CHECK(p[1] == 28);
  CHECK(p[2] == 49);
  CHECK(p[3] == 64);
  REQUIRE(make(CNP_FLOAT32, 2, s23, v, f));
  REQUIRE(make(CNP_FLOAT32, 2, s32, v, g));
  REQUIRE(cnp_dot(f, g, h.out()) == CNP_OK);
  CHECK(dtype_num(h) == CNP_FLOAT32);
  CHECK(data_of<float>(h)[3] == 64.0f);
}

TEST_CASE("linalg decompositions return every out-parameter", "[linalg]") {
  const int64_t s2[2] = {2, 2};
  const double A[4] = {4, 1, 1, 3};
  Handle a, w, v, u, s, vh, q, r, l, sign, logdet;
  REQUIRE(make(CNP_FLOAT64, 2, s2, A, a));
  REQUIRE(cnp_linalg_eigh(a, 'L', w.out(), v.out()) == CNP_OK);
  CHECK(data_of<double>(w)[0] + data_of<double>(w)[1] == Approx(7.0));
  REQUIRE(cnp_linalg_svd(a, 1, u.out(), s.out(), vh.out()) == CNP_OK);
  CHECK(data_of<double>(s)[0] * data_of<double>(s)[1] == Approx(11.0));
  REQUIRE(cnp_linalg_qr(a, CNP_LINALG_QR_REDUCED, q.out(), r.out()) == CNP_OK);
  CHECK(std::abs(data_of<double>(r)[0]) == Approx(std::sqrt(17.0)));
  REQUIRE(cnp_linalg_cholesky(a, l.out()) == CNP_OK);
  CHECK(data_of<double>(l)[0] == Approx(2.0));
  CHECK(data_of<double>(l)[1] == 0.0);
  REQUIRE(cnp_linalg_slogdet(a, sign.out(), logdet.out()) == CNP_OK);
  CHECK(data_of<double>(sign)[0] == 1.0);
  CHECK(data_of<double>(logdet)[0] == Approx(std::log(11.0)));
}

TEST_CASE("linalg errors carry NumPy's status and message", "[linalg]") {
  const int64_t s2[2] = {2, 2}, s23[2] = {2, 3}, s1[1] = {3};
  const double ones[6] = {1, 1, 1, 1, 1, 1};
  Handle sing, rect, vec, out, neg;
  REQUIRE(make(CNP_FLOAT64, 2, s2, ones, sing));
  REQUIRE(make(CNP_FLOAT64, 2, s23, ones, rect));
  REQUIRE(make(CNP_FLOAT64, 1, s1, ones, vec));
  CHECK(cnp_linalg_inv(sing, out.out()) == CNP_ERR_LINALG);
  CHECK(std::string(cnp_last_error()) == "Singular matrix");
  CHECK(out.h == nullptr);
  CHECK(cnp_linalg_det(rect, out.out()) == CNP_ERR_LINALG);
  CHECK(std::string(cnp_last_error()) == "Last 2 dimensions of the array must be square");
  CHECK(cnp_linalg_inv(vec, out.out()) == CNP_ERR_LINALG);
  CHECK(std::string(cnp_last_error()) == "1-dimensional array given. Array must be at least two-dimensional");
  const double m[4] = {-1, 0, 0, -1};
  REQUIRE(make(CNP_FLOAT64, 2, s2, m, neg));
  CHECK(cnp_linalg_cholesky(neg, out.out()) == CNP_ERR_LINALG);
  CHECK(std::string(cnp_last_error()) == "Matrix is not positive definite");
  CHECK(cnp_matmul(rect, rect, out.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()).rfind("matmul: Input operand 1 has a mismatch in its core dimension 0", 0) == 0);
  CHECK(cnp_linalg_eigh(sing, 'X', out.out(), nullptr) == CNP_ERR_VALUE);
}

TEST_CASE("linalg NULL handles and out-parameters are errors", "[linalg]") {
  const int64_t s2[2] = {2, 2};
  const double A[4] = {3, 1, 1, 2};
  Handle a, out, w, x, r, k, s;
  REQUIRE(make(CNP_FLOAT64, 2, s2, A, a));
  CHECK(cnp_linalg_inv(nullptr, out.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_linalg_inv(a, nullptr) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_matmul(a, nullptr, out.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_linalg_slogdet(a, out.out(), nullptr) == CNP_ERR_INVALID_HANDLE);
  CHECK(out.h == nullptr);
  CHECK(cnp_linalg_eig(nullptr, w.out(), nullptr) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_linalg_lstsq(a, nullptr, -1.0, x.out(), r.out(), k.out(), s.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(x.h == nullptr);
  CHECK(cnp_linalg_svd(a, 1, nullptr, s.out(), nullptr) == CNP_OK);
  CHECK(data_of<double>(s)[0] > 0);
}

extern "C" int openblas_get_num_threads(void);

TEST_CASE("linalg OpenBLAS follows cnp_set_num_threads", "[linalg]") {
  if (std::getenv("OPENBLAS_NUM_THREADS") || std::getenv("OMP_NUM_THREADS")) return;  // the user's choice wins
  const int64_t s2[2] = {20, 20};
  double v[400];
  for (int i = 0; i < 400; ++i) v[i] = (i % 21 == 0) ? 10.0 : 0.5;
  Handle a, out1, out2;
  REQUIRE(make(CNP_FLOAT64, 2, s2, v, a));
  Handle out3;
  REQUIRE(cnp_set_num_threads(1) == CNP_OK);
  REQUIRE(cnp_matmul(a, a, out1.out()) == CNP_OK);
  CHECK(openblas_get_num_threads() == 1);
  REQUIRE(cnp_set_num_threads(2) == CNP_OK);
  REQUIRE(cnp_matmul(a, a, out2.out()) == CNP_OK);
  CHECK(openblas_get_num_threads() == 2);
  // A small LAPACK problem runs OpenBLAS on one thread.
  REQUIRE(cnp_linalg_inv(a, out3.out()) == CNP_OK);
  CHECK(openblas_get_num_threads() == 1);
  REQUIRE(cnp_set_num_threads(0) == CNP_OK);
}

TEST_CASE("linalg trace tensordot kron and matrix_power through the C ABI", "[linalg]") {
  const int64_t s22[2] = {2, 2};
  const double v[4] = {1, 2, 3, 4};
  Handle a, tr, td, kr, mp, bad;
  REQUIRE(make(CNP_FLOAT64, 2, s22, v, a));
  REQUIRE(cnp_trace(a, 0, 0, 1, nullptr, tr.out()) == CNP_OK);
  CHECK(data_of<double>(tr)[0] == 5.0);
  const int64_t ax_a[1] = {1}, ax_b[1] = {0};
  REQUIRE(cnp_tensordot(a, a, ax_a, ax_b, 1, td.out()) == CNP_OK);  // a @ a
  CHECK(data_of<double>(td)[0] == 7.0);
  CHECK(data_of<double>(td)[3] == 22.0);
  REQUIRE(cnp_kron(a, a, kr.out()) == CNP_OK);
  CHECK(data_of<double>(kr)[5] == 4.0);  // kron[1,1] = a[0,0] * a[1,1]
  REQUIRE(cnp_linalg_matrix_power(a, -1, mp.out()) == CNP_OK);
  CHECK(data_of<double>(mp)[0] == Approx(-2.0));
  CHECK(cnp_tensordot(a, a, nullptr, ax_b, 1, bad.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_trace(a, 0, 0, 0, nullptr, bad.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "axis1 and axis2 cannot be the same");
}

TEST_CASE("linalg norm through the C ABI", "[linalg]") {
  const int64_t s22[2] = {2, 2};
  const double v[4] = {3, 0, 0, -4};
  Handle a, fro, one, bad;
  REQUIRE(make(CNP_FLOAT64, 2, s22, v, a));
  REQUIRE(cnp_linalg_norm(a, CNP_LINALG_NORM_DEFAULT, 0.0, nullptr, -1, 0, fro.out()) == CNP_OK);
  CHECK(data_of<double>(fro)[0] == Approx(5.0));
  const int64_t ax[1] = {0};
  REQUIRE(cnp_linalg_norm(a, CNP_LINALG_NORM_NUMBER, 1.0, ax, 1, 0, one.out()) == CNP_OK);
  CHECK(data_of<double>(one)[1] == 4.0);
  CHECK(cnp_linalg_norm(a, CNP_LINALG_NORM_NUMBER, 3.0, nullptr, -1, 0, bad.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "Invalid norm order for matrices.");
  CHECK(cnp_linalg_norm(a, 7, 0.0, nullptr, -1, 0, bad.out()) == CNP_ERR_VALUE);
}

TEST_CASE("linalg pinv and matrix_rank through the C ABI", "[linalg]") {
  const int64_t s22[2] = {2, 2};
  const double v[4] = {1, 2, 2, 4};
  Handle a, p, r, none;
  REQUIRE(make(CNP_FLOAT64, 2, s22, v, a));
  REQUIRE(cnp_linalg_pinv(a, nullptr, p.out()) == CNP_OK);
  CHECK(data_of<double>(p)[0] == Approx(0.04));  // a / 25 for this rank-1 matrix
  CHECK(data_of<double>(p)[3] == Approx(0.16));
  REQUIRE(cnp_linalg_matrix_rank(a, nullptr, r.out()) == CNP_OK);
  CHECK(data_of<int64_t>(r)[0] == 1);
  CHECK(cnp_linalg_pinv(nullptr, nullptr, none.out()) == CNP_ERR_INVALID_HANDLE);  // p keeps its result
}
