// inv, det, slogdet, solve, lstsq. A C-order copy of a matrix is, to column-major LAPACK, its
// transpose: inv and det use that directly (inv(A^T) = inv(A)^T, det(A^T) = det(A)) and solve
// factors A^T and solves with trans = 'T', so only b needs a layout change.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "core/cast.hpp"
#include "core/creation.hpp"
#include "linalg/batch.hpp"
#include "linalg/lapack.hpp"
#include "linalg/linalg.hpp"

namespace cnp::linalg {

namespace {
inline lint ld(int64_t rows) { return lint(std::max<int64_t>(rows, 1)); }

// sign and log|det| of an LU factorisation (NumPy's det_from_factored).
template <class T>
void det_from_lu(const T* lu, const lint* ipiv, int64_t n, T& sign, real_t<T>& logdet) {
  using R = real_t<T>;
  int changes = 0;
  for (int64_t i = 0; i < n; ++i) changes += ipiv[i] != lint(i + 1);
  sign = T(changes % 2 ? -1 : 1);
  logdet = 0;
  for (int64_t i = 0; i < n; ++i) {
    T d = lu[i * n + i];
    R ad = std::abs(d);
    if constexpr (kIsComplex<T>) sign *= d / ad;
    else if (d < 0) sign = -sign;
    logdet += std::log(ad);
  }
}

// slogdet of every matrix: factor and fold (a singular matrix gives sign 0, logdet -inf).
template <class T>
void slogdet_batch(const Array& a, T* sign_out, real_t<T>* log_out) {
  const Dtype* t = compute_dtype(a.dtype());
  // A itself in column-major order, as NumPy linearises it: factoring the transpose instead has
  // the same determinant in exact arithmetic but other pivots and roundings.
  Batch b = to_lapack(a, t);
  const int64_t n = b.rows;
  std::vector<lint> ipiv(std::max<int64_t>(n, 1));
  prepare_blas(n);
  for (int64_t i = 0; i < b.count; ++i) {
    T* m = b.mat<T>(i);
    lint info = getrf(lint(n), lint(n), m, ld(n), ipiv.data());
    if (info > 0) {
      sign_out[i] = T(0);
      log_out[i] = -std::numeric_limits<real_t<T>>::infinity();
    } else {
      det_from_lu(m, ipiv.data(), n, sign_out[i], log_out[i]);
    }
  }
}

// Leading (loop) shape of a, as a vector.
int32_t lead_of(const Array& a, int32_t core, int64_t* lead) {
  int32_t nl = a.ndim() - core;
  for (int32_t i = 0; i < nl; ++i) lead[i] = a.shape(i);
  return nl;
}
}  // namespace

Array inv(const Array& a, bool singular_nan) {
  assert_stacked_2d(a);
  assert_stacked_square(a);
  const Dtype* t = compute_dtype(a.dtype());
  return dispatch(t, [&]<class T>() {
    // NumPy's inv: gesv on A itself (column-major) with the identity as right-hand side, the
    // column-major solution handed out in C order.
    Batch b = to_lapack(a, t);
    const int64_t n = b.rows;
    int64_t lead[kMaxDims];
    int32_t nl = lead_of(a, 2, lead);
    OutBatch out = make_out(t, nl, lead, n, n);
    std::vector<lint> ipiv(std::max<int64_t>(n, 1));
    prepare_blas(n);
    for (int64_t i = 0; i < b.count; ++i) {
      T* x = out.mat<T>(i);
      std::fill(x, x + n * n, T(0));
      for (int64_t j = 0; j < n; ++j) x[j * n + j] = T(1);
      if (gesv(lint(n), lint(n), b.mat<T>(i), ld(n), ipiv.data(), x, ld(n)) > 0) {
        if (!singular_nan) throw_linalg("Singular matrix");
        std::fill(x, x + n * n, T(std::numeric_limits<real_t<T>>::quiet_NaN()));
      }
    }
    return to_result(out.finish(), single_result(a.dtype()));
  });
}

Array det(const Array& a) {
  assert_stacked_2d(a);
  assert_stacked_square(a);
  const Dtype* t = compute_dtype(a.dtype());
  int64_t lead[kMaxDims];
  int32_t nl = lead_of(a, 2, lead);
  Array out = make_plain(t, nl, lead, {});
  dispatch(t, [&]<class T>() {
    const int64_t count = out.size();
    std::vector<T> sign(count);
    std::vector<real_t<T>> logdet(count);
    slogdet_batch<T>(a, sign.data(), logdet.data());
    T* o = reinterpret_cast<T*>(out.data());
    for (int64_t i = 0; i < count; ++i) o[i] = sign[i] * T(std::exp(logdet[i]));
  });
  return to_result(out, single_result(a.dtype()));
}

void slogdet(const Array& a, Array& sign, Array& logdet) {
  assert_stacked_2d(a);
  assert_stacked_square(a);
  const Dtype* t = compute_dtype(a.dtype());
  int64_t lead[kMaxDims];
  int32_t nl = lead_of(a, 2, lead);
  Array s = make_plain(t, nl, lead, {});
  Array l = make_plain(real_dtype(t), nl, lead, {});
  dispatch(t, [&]<class T>() {
    slogdet_batch<T>(a, reinterpret_cast<T*>(s.data()), reinterpret_cast<real_t<T>*>(l.data()));
  });
  sign = to_result(s, single_result(a.dtype()));
  logdet = to_result(l, single_result(a.dtype()));
}

Array solve(const Array& a, const Array& b0) {
  assert_stacked_2d(a);
  assert_stacked_square(a);
  const Dtype* t = compute_dtype(a.dtype(), b0.dtype());
  const bool vec = b0.ndim() == a.ndim() - 1;
  const int64_t n = a.shape(a.ndim() - 1);
  const char* name = vec ? "solve1" : "solve";
  const char* sig = vec ? "(m,m),(m)->(m)" : "(m,m),(m,n)->(m,n)";
  if (b0.ndim() < (vec ? 1 : 2))
    throw_value(std::string(name) + ": Input operand 1 does not have enough dimensions (has " + std::to_string(b0.ndim()) +
                ", gufunc core with signature " + sig + " requires " + (vec ? "1" : "2") + ")");
  const int64_t bm = vec ? b0.shape(b0.ndim() - 1) : b0.shape(b0.ndim() - 2);
  if (bm != n)
    throw_value(std::string(name) + ": Input operand 1 has a mismatch in its core dimension 0, with gufunc signature " + sig +
                " (size " + std::to_string(bm) + " is different from " + std::to_string(n) + ")");
  // b as a stack of (n, nrhs) matrices; broadcast the leading axes of both.
  Array b = b0;
  if (vec) {
    int64_t shp[kMaxDims], st[kMaxDims];
    for (int32_t i = 0; i < b0.ndim(); ++i) shp[i] = b0.shape(i), st[i] = b0.stride(i);
    shp[b0.ndim()] = 1;
    st[b0.ndim()] = 0;
    b = b0.view(b0.ndim() + 1, shp, st, b0.data());
  }
  const int64_t nrhs = b.shape(b.ndim() - 1);
  const int32_t la = a.ndim() - 2, lb = b.ndim() - 2, nl = std::max(la, lb);
  int64_t lead[kMaxDims];
  for (int32_t d = 0; d < nl; ++d) {
    int32_t da = d - (nl - la), db = d - (nl - lb);
    int64_t sa = da >= 0 ? a.shape(da) : 1, sb = db >= 0 ? b.shape(db) : 1;
    if (sa != sb && sa != 1 && sb != 1)
      throw_value("operands could not be broadcast together with remapped shapes [original->remapped]: " +
                  numpy_shape_string(a.ndim(), a.shape()) + " " + numpy_shape_string(b0.ndim(), b0.shape()));
    lead[d] = sa == 1 ? sb : sa;
  }
  int64_t full[kMaxDims];
  std::copy(lead, lead + nl, full);
  full[nl] = n;
  full[nl + 1] = n;
  Array ab = broadcast_to(a, nl + 2, full);
  full[nl + 1] = nrhs;
  Array bb = broadcast_to(b, nl + 2, full);
  return dispatch(t, [&]<class T>() {
    Batch A = to_lapack(ab, t);  // A itself, as NumPy's gesv sees it
    Batch B = to_lapack(bb, t, false);
    std::vector<lint> ipiv(std::max<int64_t>(n, 1));
    prepare_blas(n);
    for (int64_t i = 0; i < A.count; ++i) {
      if (getrf(lint(n), lint(n), A.mat<T>(i), ld(n), ipiv.data()) > 0) throw_linalg("Singular matrix");
      if (nrhs > 0) getrs('N', lint(n), lint(nrhs), A.mat<T>(i), ld(n), ipiv.data(), B.mat<T>(i), ld(n));
    }
    Array x = OutBatch{B.buf, n, nrhs}.finish();
    if (vec) {
      int64_t shp[kMaxDims];
      std::copy(lead, lead + nl, shp);
      shp[nl] = n;
      int64_t st[kMaxDims];
      contiguous_strides(nl + 1, shp, x.itemsize(), CNP_ORDER_C, st);
      x = x.view(nl + 1, shp, st, x.data());
    }
    return to_result(x, single_result(a.dtype(), b0.dtype()));
  });
}

void lstsq(const Array& a, const Array& b0, double rcond, Array& x_out, Array& resid_out, Array& rank_out, Array& s_out) {
  const bool vec = b0.ndim() == 1;
  // By position, never by address: lstsq(e, e) passes one array as both.
  for (int32_t nd : {a.ndim(), vec ? 2 : b0.ndim()})
    if (nd != 2) throw_linalg(std::to_string(nd) + "-dimensional array given. Array must be two-dimensional");
  Array b = b0;
  if (vec) {
    int64_t shp[2] = {b0.shape(0), 1}, st[2] = {b0.stride(0), 0};
    b = b0.view(2, shp, st, b0.data());
  }
  const int64_t m = a.shape(0), n = a.shape(1), nrhs = b.shape(1);
  if (b.shape(0) != m) throw_linalg("Incompatible dimensions");
  const Dtype* t = compute_dtype(a.dtype(), b0.dtype());
  const Dtype* rt = real_dtype(t);
  const int64_t k = std::min(m, n), ldb = std::max<int64_t>({1, m, n});
  dispatch(t, [&]<class T>() {
    using R = real_t<T>;
    Batch A = to_lapack(a, t, false);
    // b padded to max(m, n) rows, column-major: LAPACK writes the n-row solution over it.
    int64_t bshape[2] = {nrhs, ldb};
    Array B = Array::allocate(t, 2, bshape, CNP_ORDER_C, true);
    Batch bsrc = to_lapack(b, t, false);
    for (int64_t j = 0; j < nrhs; ++j)
      std::copy(bsrc.mat<T>(0) + j * m, bsrc.mat<T>(0) + (j + 1) * m, reinterpret_cast<T*>(B.data()) + j * ldb);
    int64_t kk = k;
    Array s = Array::allocate(rt, 1, &kk, CNP_ORDER_C);
    lint rank = 0;
    if (k > 0 && nrhs > 0) {
      prepare_blas(std::max(m, n));
      lint info = gelsd(lint(m), lint(n), lint(nrhs), A.mat<T>(0), ld(m), reinterpret_cast<T*>(B.data()), lint(ldb),
                        reinterpret_cast<R*>(s.data()), R(rcond), &rank);
      if (info != 0) throw_linalg("SVD did not converge in Linear Least Squares");
    } else if (k > 0) {
      // No right-hand side: LAPACK is still needed for s and the rank; use a zero column.
      Array B1 = Array::allocate(t, 1, &ldb, CNP_ORDER_C, true);
      prepare_blas(std::max(m, n));
      lint info = gelsd(lint(m), lint(n), 1, A.mat<T>(0), ld(m), reinterpret_cast<T*>(B1.data()), lint(ldb),
                        reinterpret_cast<R*>(s.data()), R(rcond), &rank);
      if (info != 0) throw_linalg("SVD did not converge in Linear Least Squares");
    }
    const T* bb = reinterpret_cast<const T*>(B.data());
    // x: rows 0..n-1 of each column (zeros when m == 0, as NumPy sets them).
    int64_t xshape[2] = {n, nrhs};
    Array x = Array::allocate(t, vec ? 1 : 2, xshape, CNP_ORDER_C, true);
    T* xp = reinterpret_cast<T*>(x.data());
    if (m > 0)
      for (int64_t i = 0; i < n; ++i)
        for (int64_t j = 0; j < nrhs; ++j) xp[i * nrhs + j] = bb[j * ldb + i];
    // Residuals: squared norms of rows n..m-1, only for a full-rank overdetermined system.
    if (m > n && rank == n) {
      int64_t nr = nrhs;
      Array r = Array::allocate(rt, 1, &nr, CNP_ORDER_C);
      R* rp = reinterpret_cast<R*>(r.data());
      for (int64_t j = 0; j < nrhs; ++j) {
        R acc = 0;
        for (int64_t i = n; i < m; ++i) acc += std::norm(std::complex<R>(bb[j * ldb + i]));
        rp[j] = acc;
      }
      resid_out = std::move(r);
    } else {
      int64_t zero = 0;
      resid_out = Array::allocate(rt, 1, &zero, CNP_ORDER_C);
    }
    Array rk = Array::allocate(builtin_dtype(CNP_INT32), 0, nullptr, CNP_ORDER_C);
    *reinterpret_cast<int32_t*>(rk.data()) = int32_t(rank);
    rank_out = std::move(rk);
    const bool single = single_result(a.dtype(), b0.dtype());
    resid_out = to_result(resid_out, single);
    s_out = to_result(s, single);
    x_out = to_result(x, single);
  });
}

}  // namespace cnp::linalg
