// numpy.linalg.cond as NumPy 1.24 composes it: the ratio of extreme singular values for
// p = None / 2 / -2, otherwise norm(x, p) * norm(inv(x), p) with the inverse taken in double
// precision and a singular matrix's inverse all NaN (NumPy runs it under errstate(all='ignore')).
// A NaN result from a matrix without NaNs (a singular one) becomes inf.
#include <cmath>
#include <complex>
#include <limits>

#include "core/cast.hpp"
#include "linalg/batch.hpp"
#include "linalg/lapack.hpp"
#include "linalg/linalg.hpp"
#include "reduce/reduce.hpp"
#include "ufunc/errstate.hpp"
#include "ufunc/execute.hpp"

namespace cnp::linalg {

namespace {
// NumPy's errstate(all='ignore') for the enclosed computation.
struct IgnoreFpe {
  cnp_errstate saved = errstate();
  IgnoreFpe() { errstate() = cnp_errstate{CNP_FPE_IGNORE, CNP_FPE_IGNORE, CNP_FPE_IGNORE, CNP_FPE_IGNORE}; }
  ~IgnoreFpe() { errstate() = saved; }
};

// s[..., i] of a stack of singular-value vectors (a view).
Array last_axis_at(const Array& s, int64_t i) {
  const int32_t nd = s.ndim() - 1;
  return s.view(nd, s.shape(), s.strides(), s.data() + i * s.stride(nd));
}

template <class T>
void nan_to_inf(Array& r, const bool* had_nan) {
  T* p = reinterpret_cast<T*>(r.data());
  const double inf = std::numeric_limits<double>::infinity();
  for (int64_t i = 0; i < r.size(); ++i) {
    bool nan;
    if constexpr (kIsComplex<T>) nan = std::isnan(p[i].real()) || std::isnan(p[i].imag());
    else nan = std::isnan(p[i]);
    if (nan && !had_nan[i]) p[i] = T(inf);
  }
}
}  // namespace

Array cond(const Array& x, int32_t kind, double p) {
  const int32_t nd = x.ndim();
  if (x.size() == 0 && (nd < 2 ? true : x.shape(nd - 1) * x.shape(nd - 2) == 0))
    throw_linalg("cond is not defined on empty arrays");
  const bool by_svd = kind == kNormDefault || (kind == kNormNumber && (p == 2 || p == -2));
  Array r;
  if (by_svd) {
    Array s;
    svd(x, false, nullptr, s, nullptr);
    IgnoreFpe quiet;
    const int64_t k = s.shape(s.ndim() - 1);
    Array first = last_axis_at(s, 0), last = last_axis_at(s, k - 1);
    r = kind == kNormNumber && p == -2 ? ufunc::call2(ufunc::Id::divide, last, first)
                                       : ufunc::call2(ufunc::Id::divide, first, last);
  } else {
    assert_stacked_2d(x);
    assert_stacked_square(x);
    if (kind != kNormNumber && kind != kNormFro && kind != kNormNuc) throw_value("Invalid norm order for matrices.");
    const Dtype* t = compute_dtype(x.dtype());
    const Dtype* wide = builtin_dtype(is_complex(t) ? CNP_COMPLEX128 : CNP_FLOAT64);
    const int64_t axes[2] = {-2, -1};
    Array nx = norm(x, kind, p, axes, 2, false);  // before the inverse: a bad ord fails first, like NumPy's
    IgnoreFpe quiet;
    Array invx = inv(cast_copy(x, wide, CNP_ORDER_K), true);
    r = ufunc::call2(ufunc::Id::multiply, nx, norm(invx, kind, p, axes, 2, false));
    // NumPy casts the product of norms to the input's result type: complex input gives a
    // complex (zero imaginary part) condition number here, unlike the SVD branch.
    r = to_result(cast_copy(r, t, CNP_ORDER_C), single_result(x.dtype()));
  }
  r = cast_copy(r, r.dtype(), CNP_ORDER_C);  // our own contiguous copy, edited in place below
  // Matrices that contain NaN keep a NaN condition number; others (singular ones) get inf.
  Array isn = ufunc::call1(ufunc::Id::isnan, x);
  int64_t both[2] = {nd - 2, nd - 1};
  reduce::Opts o;
  Array had = cast_copy(reduce::any(isn, reduce::parse_axes(both, 2, nd), o), builtin_dtype(CNP_BOOL), CNP_ORDER_C);
  const bool* h = reinterpret_cast<const bool*>(had.data());
  dispatch(r.dtype(), [&]<class T>() { nan_to_inf<T>(r, h); });
  return r;
}

}  // namespace cnp::linalg
