// cholesky, eigh/eigvalsh, eig/eigvals, svd, qr: each matrix copied column-major into the compute
// dtype, factored in place by LAPACK, results written back in C order.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "core/cast.hpp"
#include "linalg/batch.hpp"
#include "linalg/lapack.hpp"
#include "linalg/linalg.hpp"

namespace cnp::linalg {

namespace {
inline lint ld(int64_t rows) { return lint(std::max<int64_t>(rows, 1)); }

int32_t lead_of(const Array& a, int64_t* lead) {
  int32_t nl = a.ndim() - 2;
  for (int32_t i = 0; i < nl; ++i) lead[i] = a.shape(i);
  return nl;
}

// NumPy's _assert_finite.
template <class T>
void assert_finite(const T* p, int64_t n) {
  for (int64_t i = 0; i < n; ++i) {
    bool ok;
    if constexpr (kIsComplex<T>) ok = std::isfinite(p[i].real()) && std::isfinite(p[i].imag());
    else ok = std::isfinite(p[i]);
    if (!ok) throw_linalg("Array must not contain infs or NaNs");
  }
}
}  // namespace

Array cholesky(const Array& a) {
  assert_stacked_2d(a);
  assert_stacked_square(a);
  const Dtype* t = compute_dtype(a.dtype());
  return dispatch(t, [&]<class T>() {
    Batch b = to_lapack(a, t, false);
    const int64_t n = b.rows;
    prepare_blas(n);
    for (int64_t i = 0; i < b.count; ++i) {
      T* m = b.mat<T>(i);
      if (potrf('L', lint(n), m, ld(n)) > 0) throw_linalg("Matrix is not positive definite");
      for (int64_t c = 1; c < n; ++c) std::fill(m + c * n, m + c * n + c, T(0));  // rows above the diagonal
    }
    return to_result(OutBatch{b.buf, n, n}.finish(), single_result(a.dtype()));
  });
}

void eigh(const Array& a, char uplo, Array& w_out, Array* v_out) {
  assert_stacked_2d(a);
  assert_stacked_square(a);
  const Dtype* t = compute_dtype(a.dtype());
  int64_t lead[kMaxDims];
  int32_t nl = lead_of(a, lead);
  dispatch(t, [&]<class T>() {
    using R = real_t<T>;
    Batch b = to_lapack(a, t, false);
    const int64_t n = b.rows;
    Array w = make_plain(real_dtype(t), nl, lead, {n});
    prepare_blas(n);
    for (int64_t i = 0; i < b.count; ++i)
      if (heevd(v_out ? 'V' : 'N', uplo, lint(n), b.mat<T>(i), ld(n), reinterpret_cast<R*>(w.data()) + i * n) != 0)
        throw_linalg("Eigenvalues did not converge");
    const bool single = single_result(a.dtype());
    if (v_out) *v_out = to_result(OutBatch{b.buf, n, n}.finish(), single);
    w_out = to_result(w, single);
  });
}

void eig(const Array& a, Array& w_out, Array* v_out) {
  assert_stacked_2d(a);
  assert_stacked_square(a);
  const Dtype* t = compute_dtype(a.dtype());
  const Dtype* ct = complex_dtype(t);
  int64_t lead[kMaxDims];
  int32_t nl = lead_of(a, lead);
  dispatch(t, [&]<class T>() {
    using R = real_t<T>;
    using C = std::complex<R>;
    Batch b = to_lapack(a, t, false);
    const int64_t n = b.rows;
    assert_finite(b.mat<T>(0), b.count * n * n);
    Array w = make_plain(ct, nl, lead, {n});
    OutBatch v = make_out(ct, nl, lead, n, n);
    C* wp = reinterpret_cast<C*>(w.data());
    const char jv = v_out ? 'V' : 'N';
    bool all_real = !kIsComplex<T>;
    prepare_blas(n);
    if constexpr (kIsComplex<T>) {
      for (int64_t i = 0; i < b.count; ++i)
        if (geev_cplx(jv, lint(n), b.mat<T>(i), ld(n), wp + i * n, v.mat<C>(i), ld(n)) != 0)
          throw_linalg("Eigenvalues did not converge");
    } else {
      std::vector<R> wr(n), wi(n), vr(v_out ? n * n : 1);
      for (int64_t i = 0; i < b.count; ++i) {
        if (geev_real(jv, lint(n), b.mat<T>(i), ld(n), wr.data(), wi.data(), vr.data(), ld(n)) != 0)
          throw_linalg("Eigenvalues did not converge");
        C* vo = v.mat<C>(i);
        for (int64_t j = 0; j < n; ++j) {
          wp[i * n + j] = C(wr[j], wi[j]);
          if (wi[j] != 0) all_real = false;
          if (!v_out) continue;
          // LAPACK packs a conjugate pair as (re, im) in columns j, j+1.
          if (wi[j] != 0 && j + 1 < n && wi[j] > 0) {
            for (int64_t r = 0; r < n; ++r) {
              vo[j * n + r] = C(vr[j * n + r], vr[(j + 1) * n + r]);
              vo[(j + 1) * n + r] = C(vr[j * n + r], -vr[(j + 1) * n + r]);
            }
          } else if (wi[j] == 0) {
            for (int64_t r = 0; r < n; ++r) vo[j * n + r] = C(vr[j * n + r], 0);
          }
        }
      }
    }
    // NumPy returns real results for a real input whose eigenvalues are all real.
    auto real_part = [&](const Array& c) {
      int64_t st[kMaxDims];
      for (int32_t d = 0; d < c.ndim(); ++d) st[d] = c.stride(d);
      Array view = c.view_as(t, c.ndim(), c.shape(), st, c.data());
      return cast_copy(view, t, CNP_ORDER_C);
    };
    const bool single = single_result(a.dtype());
    if (v_out) *v_out = to_result(all_real ? real_part(v.finish()) : v.finish(), single);
    w_out = to_result(all_real ? real_part(w) : w, single);
  });
}

void svd(const Array& a, bool full, Array* u_out, Array& s_out, Array* vh_out) {
  assert_stacked_2d(a);
  const Dtype* t = compute_dtype(a.dtype());
  int64_t lead[kMaxDims];
  int32_t nl = lead_of(a, lead);
  dispatch(t, [&]<class T>() {
    using R = real_t<T>;
    Batch b = to_lapack(a, t, false);
    const int64_t m = b.rows, n = b.cols, k = std::min(m, n);
    const bool uv = u_out != nullptr;
    const int64_t ucols = full ? m : k, vrows = full ? n : k;
    Array s = make_plain(real_dtype(t), nl, lead, {k});
    OutBatch u = make_out(t, nl, lead, uv ? m : 0, uv ? ucols : 0);
    OutBatch vh = make_out(t, nl, lead, uv ? vrows : 0, uv ? n : 0);
    const char jobz = !uv ? 'N' : full ? 'A' : 'S';
    if (k == 0) {
      // Nothing to factor: identities where full matrices are asked for (NumPy does the same).
      for (int64_t i = 0; i < b.count && uv; ++i) {
        T* up = u.mat<T>(i);
        T* vp = vh.mat<T>(i);
        std::fill(up, up + u.rows * u.cols, T(0));
        std::fill(vp, vp + vh.rows * vh.cols, T(0));
        for (int64_t j = 0; j < std::min(u.rows, u.cols); ++j) up[j * u.rows + j] = T(1);
        for (int64_t j = 0; j < std::min(vh.rows, vh.cols); ++j) vp[j * vh.rows + j] = T(1);
      }
    } else {
      prepare_blas(std::max(m, n));
      T dummy[1];
      for (int64_t i = 0; i < b.count; ++i)
        if (gesdd(jobz, lint(m), lint(n), b.mat<T>(i), ld(m), reinterpret_cast<R*>(s.data()) + i * k,
                  uv ? u.mat<T>(i) : dummy, ld(m), uv ? vh.mat<T>(i) : dummy, ld(uv ? vrows : 1)) != 0)  // LAPACK reports NaN input as info = -4
          throw_linalg("SVD did not converge");
    }
    const bool single = single_result(a.dtype());
    if (uv) {
      *u_out = to_result(u.finish(), single);
      *vh_out = to_result(vh.finish(), single);
    }
    s_out = to_result(s, single);
  });
}

void qr(const Array& a, int32_t mode, Array* q_out, Array& r_out) {
  assert_stacked_2d(a);
  const Dtype* t = compute_dtype(a.dtype());
  int64_t lead[kMaxDims];
  int32_t nl = lead_of(a, lead);
  dispatch(t, [&]<class T>() {
    Batch b = to_lapack(a, t, false);
    const int64_t m = b.rows, n = b.cols, k = std::min(m, n);
    if (mode == 3) {
      // 'raw': geqrf's column-major output read in C order, i.e. (..., n, m) = NumPy's h, and tau.
      Array tau = make_plain(t, nl, lead, {k});
      prepare_blas(std::max(m, n));
      for (int64_t i = 0; i < b.count && k > 0; ++i)
        if (geqrf(lint(m), lint(n), b.mat<T>(i), ld(m), reinterpret_cast<T*>(tau.data()) + i * k) != 0)
          throw_linalg("Incorrect argument found while performing LAPACK routine");
      Array h = make_plain(t, nl, lead, {n, m});
      if (h.size() > 0) std::memcpy(h.data(), b.buf.data(), size_t(h.size()) * sizeof(T));
      *q_out = to_result(h, single_result(a.dtype()));
      r_out = to_result(tau, single_result(a.dtype()));
      return;
    }
    const int64_t rrows = mode == 1 ? m : k, qcols = (mode == 1) ? m : k;
    OutBatch r = make_out(t, nl, lead, rrows, n);
    OutBatch q = make_out(t, nl, lead, m, mode == 2 ? 0 : qcols);
    std::vector<T> tau(std::max<int64_t>(k, 1));
    prepare_blas(std::max(m, n));
    for (int64_t i = 0; i < b.count; ++i) {
      T* f = b.mat<T>(i);
      if (k > 0 && geqrf(lint(m), lint(n), f, ld(m), tau.data()) != 0) throw_linalg("Incorrect argument found while performing LAPACK routine");
      // R: the upper triangle (trapezoid) of the factored matrix.
      T* rp = r.mat<T>(i);
      // rrows 0 (an empty R, e.g. of a (0, 2**59) input) has nothing to fill: no pass over n.
      for (int64_t c = 0; rrows > 0 && c < n; ++c)
        for (int64_t row = 0; row < rrows; ++row) rp[c * rrows + row] = row <= c && row < m ? f[c * m + row] : T(0);
      if (mode == 2) continue;
      T* qp = q.mat<T>(i);
      const int64_t copy = std::min(n, qcols);
      std::copy(f, f + copy * m, qp);
      std::fill(qp + copy * m, qp + qcols * m, T(0));
      if (m > 0 && qcols > 0 && orgqr(lint(m), lint(qcols), lint(k), qp, ld(m), tau.data()) != 0)
        throw_linalg("Incorrect argument found while performing LAPACK routine");
    }
    if (q_out && mode != 2) *q_out = to_result(q.finish(), single_result(a.dtype()));
    r_out = to_result(r.finish(), single_result(a.dtype()));
  });
}

}  // namespace cnp::linalg
