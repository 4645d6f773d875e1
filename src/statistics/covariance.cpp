// numpy.cov and numpy.corrcoef (1.24): the same steps (weights, average, centring, X X^H scaled by
// 1/fact, squeeze). NumPy's X X^H goes through BLAS; ours is a direct loop (variables x samples is
// small in practice), so the last bit can differ from NumPy's GEMM (docs/numpy-differences.md).
#include <cmath>
#include <complex>
#include <cstring>
#include <string>

#include "core/cast.hpp"
#include "core/dtype.hpp"
#include "core/views.hpp"
#include "statistics/statistics.hpp"
#include "ufunc/execute.hpp"
#include "ufunc/functions.hpp"

namespace cnp::statistics {
namespace {

using ufunc::Id;
using c128 = std::complex<double>;

const Dtype* dt(int32_t t) { return builtin_dtype(t); }

// np.array(m, ndmin=2, dtype=d), transposed when the variables are columns.
Array as_rows(const Array& m, const Dtype* d, bool rowvar) {
  Array x = m;
  if (x.ndim() == 0) {
    int64_t one[2] = {1, 1};
    x = reshape(x, 2, one, CNP_ORDER_C);
  } else if (x.ndim() == 1) {
    int64_t shape[2] = {1, x.shape(0)};
    x = reshape(x, 2, shape, CNP_ORDER_C);
  }
  if (!rowvar && x.shape(0) != 1) x = transpose(x, nullptr, -1);
  return cast_copy(x, d, CNP_ORDER_C);
}

std::vector<double> weights_of(const Array& w, int64_t nobs, const char* what) {
  if (w.ndim() > 1) throw Error(CNP_ERR_RUNTIME, std::string("cannot handle multidimensional ") + what);
  if (w.ndim() == 0 || w.shape(0) != nobs)
    throw Error(CNP_ERR_RUNTIME, std::string("incompatible numbers of samples and ") + what);
  Array c = cast_copy(w, dt(CNP_FLOAT64), CNP_ORDER_C);
  std::vector<double> v(static_cast<size_t>(nobs));
  if (nobs) std::memcpy(v.data(), c.data(), v.size() * sizeof(double));
  return v;
}

}  // namespace

Array cov(const Array& m, const Array* y, bool rowvar, bool bias, const double* ddof_in, const Array* fweights,
          const Array* aweights, const Dtype* dtype) {
  if (ddof_in && *ddof_in != std::trunc(*ddof_in)) throw_value("ddof must be integer");
  if (m.ndim() > 2) throw_value("m has more than 2 dimensions");
  if (y && y->ndim() > 2) throw_value("y has more than 2 dimensions");
  const Dtype* d = dtype;
  if (!d) {
    d = promote_types(m.dtype(), dt(CNP_FLOAT64));
    if (y) d = promote_types(d, y->dtype());
  }
  if (!is_inexact(d)) throw_type("cov: dtype must be a floating or complex type");
  Array X = as_rows(m, d, rowvar);
  if (X.shape(0) == 0) {
    int64_t zero[2] = {0, 0};
    return Array::allocate(dt(CNP_FLOAT64), 2, zero, CNP_ORDER_C);
  }
  if (y) X = concat_axis({X, as_rows(*y, d, rowvar)}, 0);
  const int64_t p = X.shape(0), n = X.shape(1);
  const double ddof = ddof_in ? *ddof_in : (bias ? 0.0 : 1.0);

  std::vector<double> w, aw;
  bool have_w = false;
  if (fweights) {
    w = weights_of(*fweights, n, "fweights");
    for (double v : w)
      if (v != std::nearbyint(v)) throw_type("fweights must be integer");
    for (double v : w)
      if (v < 0) throw_value("fweights cannot be negative");
    have_w = true;
  }
  if (aweights) {
    aw = weights_of(*aweights, n, "aweights");
    for (double v : aw)
      if (v < 0) throw_value("aweights cannot be negative");
    if (!have_w) w = aw;
    else
      for (int64_t k = 0; k < n; ++k) w[k] *= aw[k];
    have_w = true;
  }
  Array warr;
  if (have_w) {
    warr = Array::allocate(dt(CNP_FLOAT64), 1, &n, CNP_ORDER_C);
    if (n) std::memcpy(warr.data(), w.data(), w.size() * sizeof(double));
  }
  Axes ax1;
  ax1.mask[1] = true;
  Array scale;
  Array avg = average(X, true, ax1, have_w ? &warr : nullptr, false, &scale);
  const double w_sum = load_scalar(scale.dtype(), scale.data()).value.f;  // the real part for complex
  double fact;
  if (!have_w) fact = static_cast<double>(n) - ddof;
  else if (ddof == 0) fact = w_sum;
  else if (!aweights) fact = w_sum - ddof;
  else {
    double s = 0;  // Python's builtin sum over w * aweights
    for (int64_t k = 0; k < n; ++k) s += w[k] * aw[k];
    fact = w_sum - ddof * s / w_sum;
  }
  if (fact <= 0) {
    warn(CNP_WARN_RUNTIME, "Degrees of freedom <= 0 for slice");
    fact = 0.0;
  }
  // X -= avg[:, None]; c = X @ (X * w).T.conj(); c *= 1 / fact
  int64_t col[2] = {p, 1};
  {
    ufunc::Args args;
    args.out[0] = &X;
    ufunc::call2(Id::subtract, X, reshape(avg, 2, col, CNP_ORDER_C), args);
  }
  const bool cplx = is_complex(d);
  Array Xc = cast_copy(X, dt(cplx ? CNP_COMPLEX128 : CNP_FLOAT64), CNP_ORDER_C);
  int64_t cshape[2] = {p, p};
  Array c = Array::allocate(Xc.dtype(), 2, cshape, CNP_ORDER_C);
  auto body = [&](auto* xp, auto* cp) {
    using T = std::remove_pointer_t<decltype(xp)>;
    for (int64_t i = 0; i < p; ++i)
      for (int64_t j = 0; j < p; ++j) {
        T s{};
        for (int64_t k = 0; k < n; ++k) {
          T b = have_w ? xp[j * n + k] * w[k] : xp[j * n + k];
          if constexpr (std::is_same_v<T, c128>) s += xp[i * n + k] * std::conj(b);
          else s += xp[i * n + k] * b;
        }
        cp[i * p + j] = s;
      }
  };
  if (cplx) body(reinterpret_cast<c128*>(Xc.data()), reinterpret_cast<c128*>(c.data()));
  else body(reinterpret_cast<double*>(Xc.data()), reinterpret_cast<double*>(c.data()));
  c = cast_copy(c, d, CNP_ORDER_C);
  {
    ufunc::Args args;
    args.out[0] = &c;
    ufunc::call2(Id::multiply, c, ufunc::call2(Id::divide, double_scalar(1.0), double_scalar(fact)), args);
  }
  if (p == 1) return reshape(c, 0, nullptr, CNP_ORDER_C);  // squeeze
  return c;
}

Array corrcoef(const Array& x, const Array* y, bool rowvar, const Dtype* dtype) {
  Array c = cov(x, y, rowvar, false, nullptr, nullptr, nullptr, dtype);
  if (c.ndim() != 2) return ufunc::call2(Id::divide, c, c);  // scalar covariance: nan or 1
  const int64_t p = c.shape(0);
  // stddev = sqrt(diag(c).real); c /= stddev[:, None]; c /= stddev[None, :]
  int64_t dshape[1] = {p}, dstride[1] = {c.stride(0) + c.stride(1)};
  Array diag = c.view(1, dshape, dstride, c.data());
  Array sd = ufunc::call1(Id::sqrt, ufunc::real(diag));
  int64_t col[2] = {p, 1}, row[2] = {1, p};
  ufunc::Args args;
  args.out[0] = &c;
  ufunc::call2(Id::divide, c, reshape(sd, 2, col, CNP_ORDER_C), args);
  ufunc::call2(Id::divide, c, reshape(sd, 2, row, CNP_ORDER_C), args);
  // Clip the real and imaginary parts to [-1, 1].
  auto clip_part = [&](Array part) {
    Array lo = ufunc::weak_float(-1.0), hi = ufunc::weak_float(1.0);
    ufunc::Args a2;
    a2.out[0] = &part;
    ufunc::clip(part, &lo, &hi, a2);
  };
  clip_part(ufunc::real(c));
  if (is_complex(c.dtype())) clip_part(ufunc::imag(c));
  return c;
}

}  // namespace cnp::statistics
