// numpy.linalg.norm: vector norms along one axis and matrix norms over two, written with the
// library's ufuncs and reductions exactly as NumPy composes them (so float32 stays float32 and
// the summation order is NumPy's pairwise one).
#include <cmath>
#include <limits>
#include <string>

#include "core/cast.hpp"
#include "core/creation.hpp"
#include "core/views.hpp"
#include "linalg/batch.hpp"
#include "linalg/linalg.hpp"
#include "reduce/reduce.hpp"
#include "ufunc/execute.hpp"

namespace cnp::linalg {

namespace {
using ufunc::Id;

Array part_view(const Array& c, bool imag) {  // the real or imaginary part of a complex array (a view)
  const Dtype* rt = real_dtype(c.dtype());
  int64_t st[kMaxDims];
  for (int32_t i = 0; i < c.ndim(); ++i) st[i] = c.stride(i);
  return c.view_as(rt, c.ndim(), c.shape(), st, c.data() + (imag ? rt->itemsize : 0));
}

// (conj(x) * x).real, NumPy's squared magnitude for norms.
Array sq_mag(const Array& x) {
  if (!is_complex(x.dtype())) return ufunc::call2(Id::multiply, x, x);
  Array p = ufunc::call2(Id::multiply, ufunc::call1(Id::conjugate, x), x);
  return cast_copy(part_view(p, false), real_dtype(p.dtype()), CNP_ORDER_C);
}

Array red(reduce::Op op, const Array& a, int32_t naxes, const int64_t* axes, bool keepdims) {
  reduce::Axes ax = reduce::parse_axes(axes, naxes, a.ndim());
  reduce::Opts o;
  o.keepdims = keepdims;
  switch (op) {
    case reduce::Op::max: return reduce::amax(a, ax, o);
    case reduce::Op::min: return reduce::amin(a, ax, o);
    default: return reduce::sum(a, ax, o);
  }
}

Array scalar_of(double v, const Dtype* dt) {  // a 0-d array of dtype dt holding v
  Array z = Array::allocate(builtin_dtype(CNP_FLOAT64), 0, nullptr, CNP_ORDER_C);
  *reinterpret_cast<double*>(z.data()) = v;
  return cast_copy(z, dt, CNP_ORDER_C);
}
}  // namespace

Array norm(const Array& x0, int32_t kind, double ord, const int64_t* axes_in, int32_t naxes, bool keepdims) {
  Array x = is_inexact(x0.dtype()) ? x0 : cast_copy(x0, builtin_dtype(CNP_FLOAT64), CNP_ORDER_K);
  const int32_t nd = x.ndim();
  const double inf = std::numeric_limits<double>::infinity();
  const bool is_num = kind == kNormNumber;
  if (naxes < 0) {
    if (kind == kNormDefault || (kind == kNormFro && nd == 2) || (is_num && ord == 2 && nd == 1)) {
      Array v = ravel(x, CNP_ORDER_K);
      Array sq = is_complex(v.dtype()) ? ufunc::call2(Id::add, dot(part_view(v, false), part_view(v, false)),
                                                      dot(part_view(v, true), part_view(v, true)))
                                       : dot(v, v);
      Array r = ufunc::call1(Id::sqrt, sq);
      if (keepdims) {
        int64_t ones[kMaxDims];
        for (int32_t i = 0; i < nd; ++i) ones[i] = 1;
        r = reshape(r, nd, ones, CNP_ORDER_C);
      }
      return r;
    }
  }
  int64_t axes[kMaxDims];
  if (naxes < 0) {
    naxes = nd;
    for (int32_t i = 0; i < nd; ++i) axes[i] = i;
  } else {
    if (naxes > kMaxDims) throw_value("Improper number of dimensions to norm.");
    for (int32_t i = 0; i < naxes; ++i) axes[i] = axes_in[i];
  }
  if (naxes == 1) {
    if (is_num && ord == inf) return red(reduce::Op::max, ufunc::call1(Id::absolute, x), 1, axes, keepdims);
    if (is_num && ord == -inf) return red(reduce::Op::min, ufunc::call1(Id::absolute, x), 1, axes, keepdims);
    if (kind == kNormFro || kind == kNormNuc)
      throw_value(std::string("Invalid norm order '") + (kind == kNormFro ? "fro" : "nuc") + "' for vectors");
    if (is_num && ord == 0) {
      Array nz = ufunc::call2(Id::not_equal, x, ufunc::weak_float(0.0));
      return red(reduce::Op::add, cast_copy(nz, real_dtype(x.dtype()), CNP_ORDER_K), 1, axes, keepdims);
    }
    if (is_num && ord == 1) return red(reduce::Op::add, ufunc::call1(Id::absolute, x), 1, axes, keepdims);
    if (!is_num || ord == 2) return ufunc::call1(Id::sqrt, red(reduce::Op::add, sq_mag(x), 1, axes, keepdims));
    Array absx = ufunc::call1(Id::absolute, x);
    absx = ufunc::call2(Id::power, absx, scalar_of(ord, absx.dtype()));
    Array r = red(reduce::Op::add, absx, 1, axes, keepdims);
    return ufunc::call2(Id::power, r, ufunc::call1(Id::reciprocal, scalar_of(ord, r.dtype())));
  }
  if (naxes == 2) {
    int64_t row = normalize_axis(axes[0], nd), col = normalize_axis(axes[1], nd);
    if (row == col) throw_value("Duplicate axes given.");
    Array r;
    if ((is_num && (ord == 2 || ord == -2)) || kind == kNormNuc) {
      // Singular values of the matrices formed by (row, col), moved last.
      int64_t perm[kMaxDims];
      int32_t k = 0;
      for (int32_t i = 0; i < nd; ++i)
        if (i != row && i != col) perm[k++] = i;
      perm[k++] = row;
      perm[k++] = col;
      Array s;
      svd(transpose(x, perm, nd), false, nullptr, s, nullptr);
      int64_t last = -1;
      r = red(kind == kNormNuc ? reduce::Op::add : ord == 2 ? reduce::Op::max : reduce::Op::min, s, 1, &last, false);
    } else if (is_num && (ord == 1 || ord == -1)) {
      int64_t c = col > row ? col - 1 : col;
      r = red(ord == 1 ? reduce::Op::max : reduce::Op::min,
              red(reduce::Op::add, ufunc::call1(Id::absolute, x), 1, &row, false), 1, &c, false);
    } else if (is_num && (ord == inf || ord == -inf)) {
      int64_t rr = row > col ? row - 1 : row;
      r = red(ord == inf ? reduce::Op::max : reduce::Op::min,
              red(reduce::Op::add, ufunc::call1(Id::absolute, x), 1, &col, false), 1, &rr, false);
    } else if (kind == kNormDefault || kind == kNormFro) {
      int64_t both[2] = {row, col};
      r = ufunc::call1(Id::sqrt, red(reduce::Op::add, sq_mag(x), 2, both, false));
    } else {
      throw_value("Invalid norm order for matrices.");
    }
    if (keepdims) {
      int64_t shape[kMaxDims];
      for (int32_t i = 0; i < nd; ++i) shape[i] = (i == row || i == col) ? 1 : x.shape(i);
      r = reshape(r, nd, shape, CNP_ORDER_C);
    }
    return r;
  }
  throw_value("Improper number of dimensions to norm.");
}

}  // namespace cnp::linalg
