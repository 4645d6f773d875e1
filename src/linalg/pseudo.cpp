// pinv and matrix_rank: both from the singular values (NumPy's definitions: singular values at
// or below rcond * largest (pinv) / tol (rank) count as zero).
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "core/cast.hpp"
#include "core/creation.hpp"
#include "core/views.hpp"
#include "linalg/batch.hpp"
#include "linalg/linalg.hpp"
#include "ufunc/execute.hpp"

namespace cnp::linalg {

namespace {
Array swap_last(const Array& a) {
  int32_t nd = a.ndim();
  int64_t shape[kMaxDims], strides[kMaxDims];
  for (int32_t i = 0; i < nd; ++i) shape[i] = a.shape(i), strides[i] = a.stride(i);
  std::swap(shape[nd - 1], shape[nd - 2]);
  std::swap(strides[nd - 1], strides[nd - 2]);
  return a.view(nd, shape, strides, a.data());
}

// Per-matrix thresholds as doubles: `given` (broadcast over the leading shape) or nullptr.
std::vector<double> thresholds(const Array* given, int32_t nlead, const int64_t* lead, int64_t count) {
  std::vector<double> t(count);
  if (!given) return t;
  Array b = cast_copy(broadcast_to(*given, nlead, lead), builtin_dtype(CNP_FLOAT64), CNP_ORDER_C);
  std::copy(reinterpret_cast<const double*>(b.data()), reinterpret_cast<const double*>(b.data()) + count, t.begin());
  return t;
}

// Calls f(row pointer, k) over the singular values (float or double) as doubles.
template <class F>
void each_row(const Array& s, int64_t count, int64_t k, F&& f) {
  std::vector<double> row(k);
  for (int64_t i = 0; i < count; ++i) {
    for (int64_t j = 0; j < k; ++j)
      row[j] = s.dtype()->typenum == CNP_FLOAT32 ? double(reinterpret_cast<const float*>(s.data())[i * k + j])
                                                  : reinterpret_cast<const double*>(s.data())[i * k + j];
    f(i, row.data());
  }
}
}  // namespace

Array pinv(const Array& a, const Array* rcond) {
  assert_stacked_2d(a);
  const int32_t nd = a.ndim();
  const int64_t m = a.shape(nd - 2), n = a.shape(nd - 1);
  int64_t lead[kMaxDims];
  for (int32_t i = 0; i < nd - 2; ++i) lead[i] = a.shape(i);
  if (m == 0 || n == 0) return make_plain(a.dtype(), nd - 2, lead, {n, m});
  Array ac = is_complex(a.dtype()) ? ufunc::call1(ufunc::Id::conjugate, a) : a;
  Array u, s, vh;
  svd(ac, false, &u, s, &vh);
  const int64_t k = std::min(m, n), count = product(nd - 2, lead);
  std::vector<double> rc = thresholds(rcond, nd - 2, lead, count);
  if (!rcond) std::fill(rc.begin(), rc.end(), 1e-15);
  Array sinv = Array::allocate(s.dtype(), nd - 1, s.shape(), CNP_ORDER_C);
  each_row(s, count, k, [&](int64_t i, const double* row) {
    const double cut = rc[i] * *std::max_element(row, row + k);
    for (int64_t j = 0; j < k; ++j) {
      const bool keep = row[j] > cut;
      if (s.dtype()->typenum == CNP_FLOAT32)
        reinterpret_cast<float*>(sinv.data())[i * k + j] = keep ? 1.0f / float(row[j]) : 0.0f;
      else
        reinterpret_cast<double*>(sinv.data())[i * k + j] = keep ? 1.0 / row[j] : 0.0;
    }
  });
  // pinv = V diag(1/s) U^H, with the conjugation folded into a above (as NumPy does).
  int64_t col[kMaxDims];
  for (int32_t i = 0; i < nd - 1; ++i) col[i] = sinv.shape(i);
  col[nd - 1] = 1;
  Array scaled = ufunc::call2(ufunc::Id::multiply, reshape(sinv, nd, col, CNP_ORDER_C), swap_last(u));
  return matmul(swap_last(vh), scaled, /*blas=*/true);  // NumPy's matmul: ?gemm at every size
}

Array matrix_rank(const Array& a, const Array* tol) {
  if (a.ndim() < 2) {
    // NumPy: int(not all(A == 0)).
    Array z = ufunc::call2(ufunc::Id::not_equal, a, ufunc::weak_float(0.0));
    Array flat = cast_copy(z, builtin_dtype(CNP_BOOL), CNP_ORDER_C);
    int64_t any = 0;
    for (int64_t i = 0; i < flat.size(); ++i) any |= reinterpret_cast<const bool*>(flat.data())[i];
    Array r = Array::allocate(builtin_dtype(CNP_INT64), 0, nullptr, CNP_ORDER_C);
    *reinterpret_cast<int64_t*>(r.data()) = any;
    return r;
  }
  const int32_t nd = a.ndim();
  const int64_t m = a.shape(nd - 2), n = a.shape(nd - 1), k = std::min(m, n);
  int64_t lead[kMaxDims];
  for (int32_t i = 0; i < nd - 2; ++i) lead[i] = a.shape(i);
  const int64_t count = product(nd - 2, lead);
  Array s;
  svd(a, false, nullptr, s, nullptr);
  std::vector<double> tl = thresholds(tol, nd - 2, lead, count);
  const bool single = s.dtype()->typenum == CNP_FLOAT32;
  const double eps = single ? double(std::numeric_limits<float>::epsilon()) : std::numeric_limits<double>::epsilon();
  Array r = make_plain(builtin_dtype(CNP_INT64), nd - 2, lead, {});
  if (k == 0 && !tol) throw_value("zero-size array to reduction operation maximum which has no identity");
  each_row(s, count, k, [&](int64_t i, const double* row) {
    double t = tl[i];
    if (!tol) {
      // S.max() * max(M, N) * eps, rounded in S's precision as NumPy computes it.
      double mx = *std::max_element(row, row + k);
      t = single ? double(float(float(mx) * float(std::max(m, n))) * float(eps)) : mx * double(std::max(m, n)) * eps;
    }
    int64_t c = 0;
    for (int64_t j = 0; j < k; ++j) c += single ? float(row[j]) > float(t) : row[j] > t;
    reinterpret_cast<int64_t*>(r.data())[i] = c;
  });
  return r;
}

}  // namespace cnp::linalg
