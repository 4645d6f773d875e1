// numpy.diff, ediff1d, gradient and trapz (numpy/lib/function_base.py, 1.24), written as the same
// sequence of views and ufunc calls NumPy makes, so dtypes and rounding agree. NumPy 1.24 treats
// Python and NumPy scalars by value when they meet arrays; the scalar steps here are therefore
// weak (a float32 array stays float32).
#include <string>

#include "core/cast.hpp"
#include "core/creation.hpp"
#include "core/dtype.hpp"
#include "core/views.hpp"
#include "statistics/statistics.hpp"
#include "ufunc/execute.hpp"
#include "ufunc/functions.hpp"

namespace cnp::statistics {
namespace {

using ufunc::Id;
using ufunc::call2;
using ufunc::weak_float;

// a[..., start:stop, ...] along `axis` (start/stop already within [0, len]).
Array slice_axis(const Array& a, int32_t axis, int64_t start, int64_t stop) {
  int64_t shape[kMaxDims], strides[kMaxDims];
  for (int32_t i = 0; i < a.ndim(); ++i) {
    shape[i] = a.shape(i);
    strides[i] = a.stride(i);
  }
  shape[axis] = stop > start ? stop - start : 0;
  return a.view(a.ndim(), shape, strides, a.data() + (shape[axis] ? start * a.stride(axis) : 0));
}

// Writes src into dst[..., start:stop, ...] (unsafe casting, like out[slice] = value).
void store_axis(Array& dst, int32_t axis, int64_t start, int64_t stop, const Array& src) {
  Array v = slice_axis(dst, axis, start, stop);
  assign(v, src, CNP_CASTING_UNSAFE);
}

double scalar_value(const Array& s) {
  Array d = cast_copy(s, builtin_dtype(CNP_FLOAT64), CNP_ORDER_C);
  return *reinterpret_cast<const double*>(d.data());
}

}  // namespace

Array concat_axis(const std::vector<Array>& parts, int32_t axis) {
  const Array& first = parts[0];
  const Dtype* d = first.dtype();
  if (axis >= first.ndim()) throw_axis(axis, first.ndim());  // NumPy checks against the first array
  int64_t total = 0;
  for (size_t k = 0; k < parts.size(); ++k) {
    const Array& p = parts[k];
    if (p.ndim() != first.ndim())
      throw_value("all the input arrays must have same number of dimensions, but the array at index 0 has " +
                  std::to_string(first.ndim()) + " dimension(s) and the array at index " + std::to_string(k) +
                  " has " + std::to_string(p.ndim()) + " dimension(s)");
    for (int32_t i = 0; i < p.ndim(); ++i)
      if (i != axis && p.shape(i) != first.shape(i))
        throw_value("all the input array dimensions except for the concatenation axis must match exactly, but "
                    "along dimension " + std::to_string(i) + ", the array at index 0 has size " +
                    std::to_string(first.shape(i)) + " and the array at index " + std::to_string(k) +
                    " has size " + std::to_string(p.shape(i)));
    total += p.shape(axis);
    if (k) d = promote_types(d, p.dtype());
  }
  int64_t shape[kMaxDims];
  for (int32_t i = 0; i < first.ndim(); ++i) shape[i] = first.shape(i);
  shape[axis] = total;
  Array r = Array::allocate(d, first.ndim(), shape, CNP_ORDER_C);
  int64_t at = 0;
  for (const Array& p : parts) {
    store_axis(r, axis, at, at + p.shape(axis), p);
    at += p.shape(axis);
  }
  return r;
}

namespace {

// prepend/append: a 0-d value is broadcast to a's shape with length 1 along axis.
Array edge_part(const Array& v, const Array& a, int32_t axis) {
  if (v.ndim() != 0) return v;
  int64_t shape[kMaxDims];
  for (int32_t i = 0; i < a.ndim(); ++i) shape[i] = i == axis ? 1 : a.shape(i);
  return broadcast_to(v, a.ndim(), shape);
}

}  // namespace

Array diff(const Array& a0, int64_t n, int64_t axis64, const Array* prepend, const Array* append) {
  if (n == 0) return a0;
  if (n < 0) throw_value("order must be non-negative but got " + std::to_string(n));
  if (a0.ndim() == 0) throw_value("diff requires input that is at least one dimensional");
  const int32_t axis = static_cast<int32_t>(normalize_axis(axis64, a0.ndim()));
  Array a = a0;
  if (prepend || append) {
    std::vector<Array> parts;
    if (prepend) parts.push_back(edge_part(*prepend, a0, axis));
    parts.push_back(a0);
    if (append) parts.push_back(edge_part(*append, a0, axis));
    a = concat_axis(parts, axis);
  }
  const Id op = a.dtype()->typenum == CNP_BOOL ? Id::not_equal : Id::subtract;
  for (int64_t k = 0; k < n; ++k) {
    const int64_t len = a.shape(axis);
    if (len == 0 && k > 0) break;  // empty with its final dtype: the remaining orders change nothing
    a = call2(op, slice_axis(a, axis, 1, len), slice_axis(a, axis, 0, len > 0 ? len - 1 : 0));
  }
  return a;
}

Array ediff1d(const Array& a0, const Array* to_end, const Array* to_begin) {
  Array ary = ravel(a0, CNP_ORDER_C);
  const Dtype* d = ary.dtype();
  auto check = [&](const Array* v, const char* name) {
    if (v && !can_cast(v->dtype(), d, CNP_CASTING_SAME_KIND))
      throw_type(std::string("dtype of `") + name + "` must be compatible with input `ary` under the `same_kind` rule.");
  };
  check(to_begin, "to_begin");
  check(to_end, "to_end");
  Array begin = to_begin ? ravel(*to_begin, CNP_ORDER_C) : Array();
  Array end = to_end ? ravel(*to_end, CNP_ORDER_C) : Array();
  const int64_t lb = to_begin ? begin.size() : 0, le = to_end ? end.size() : 0;
  const int64_t n = ary.size(), ld = n > 0 ? n - 1 : 0;
  const int64_t total = ld + lb + le;
  Array r = Array::allocate(d, 1, &total, CNP_ORDER_C);
  if (lb) store_axis(r, 0, 0, lb, begin);
  if (le) store_axis(r, 0, lb + ld, total, end);
  Array mid = slice_axis(r, 0, lb, lb + ld);
  ufunc::Args args;
  args.out[0] = &mid;
  if (n > 0) call2(Id::subtract, slice_axis(ary, 0, 1, n), slice_axis(ary, 0, 0, n - 1), args);
  return r;
}

std::vector<Array> gradient(const Array& f0, const Array* const* spacing, int32_t nsp, const int64_t* axes_in,
                            int32_t naxes, int32_t edge_order) {
  const int32_t N = f0.ndim();
  const std::vector<int32_t> axes = normalize_axis_tuple(axes_in, naxes, N);
  const size_t nax = axes.size();
  // Per axis: a uniform step (weak scalar) or the coordinate differences (1-D array).
  std::vector<double> step(nax, 1.0);
  std::vector<Array> dxs(nax);
  if (nsp == 1 && spacing[0]->ndim() == 0) {
    for (size_t i = 0; i < nax; ++i) step[i] = scalar_value(*spacing[0]);
  } else if (nsp == static_cast<int32_t>(nax) && nsp > 0) {
    for (size_t i = 0; i < nax; ++i) {
      const Array& d = *spacing[i];
      if (d.ndim() == 0) {
        step[i] = scalar_value(d);
        continue;
      }
      if (d.ndim() != 1) throw_value("distances must be either scalars or 1d");
      if (d.shape(0) != f0.shape(axes[i]))
        throw_value("when 1d, distances must match the length of the corresponding dimension");
      Array dd = is_integer(d.dtype()) ? cast_copy(d, builtin_dtype(CNP_FLOAT64), CNP_ORDER_C) : d;
      Array diffx = diff(dd, 1, 0, nullptr, nullptr);
      Array first = slice_axis(diffx, 0, 0, diffx.shape(0) ? 1 : 0);
      if (diffx.shape(0) > 0 && ufunc::all_true(call2(Id::equal, diffx, first)))
        step[i] = scalar_value(first);
      else
        dxs[i] = diffx;
    }
  } else if (nsp != 0) {
    throw_type("invalid number of arguments");
  }
  if (edge_order > 2) throw_value("'edge_order' greater than 2 not supported");
  if (edge_order < 1) throw_value("'edge_order' must be 1 or 2");
  Array f = f0;
  const Dtype* otype = f0.dtype();
  if (!is_inexact(otype)) {
    if (is_integer(otype)) f = cast_copy(f0, builtin_dtype(CNP_FLOAT64), CNP_ORDER_K);
    otype = builtin_dtype(CNP_FLOAT64);
  }
  auto S = [&](int32_t axis, int64_t i) {  // f[..., i:i+1, ...] with negative i from the end
    int64_t len = f.shape(axis);
    if (i < 0) i += len;
    return slice_axis(f, axis, i, i + 1);
  };
  auto lin3 = [&](const Array& a, const Array& x, const Array& b, const Array& y, const Array& c, const Array& z) {
    return call2(Id::add, call2(Id::add, call2(Id::multiply, a, x), call2(Id::multiply, b, y)),
                 call2(Id::multiply, c, z));
  };
  std::vector<Array> outs;
  for (size_t k = 0; k < nax; ++k) {
    const int32_t axis = axes[k];
    const int64_t len = f.shape(axis);
    if (len < edge_order + 1)
      throw_value("Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) "
                  "elements are required.");
    Array out = allocate_like(f, otype, CNP_ORDER_K, f.ndim(), f.shape(), false);
    const bool uniform = !dxs[k].dtype();
    const double h = step[k];
    Array f2 = slice_axis(f, axis, 0, len - 2), f3 = slice_axis(f, axis, 1, len - 1), f4 = slice_axis(f, axis, 2, len);
    if (uniform) {
      store_axis(out, axis, 1, len - 1, call2(Id::divide, call2(Id::subtract, f4, f2), weak_float(2. * h)));
    } else {
      const Array& dx = dxs[k];
      const int64_t m = dx.shape(0);
      Array dx1 = slice_axis(dx, 0, 0, m - 1), dx2 = slice_axis(dx, 0, 1, m);
      Array sum12 = call2(Id::add, dx1, dx2);
      Array a = call2(Id::divide, ufunc::call1(Id::negative, dx2), call2(Id::multiply, dx1, sum12));
      Array b = call2(Id::divide, call2(Id::subtract, dx2, dx1), call2(Id::multiply, dx1, dx2));
      Array c = call2(Id::divide, dx1, call2(Id::multiply, dx2, sum12));
      int64_t shape[kMaxDims];
      for (int32_t i = 0; i < N; ++i) shape[i] = i == axis ? m - 1 : 1;
      a = reshape(a, N, shape, CNP_ORDER_C);
      b = reshape(b, N, shape, CNP_ORDER_C);
      c = reshape(c, N, shape, CNP_ORDER_C);
      store_axis(out, axis, 1, len - 1, lin3(a, f2, b, f3, c, f4));
    }
    auto dx_at = [&](int64_t i) {  // ax_dx[i] as a NumPy scalar
      const Array& dx = dxs[k];
      if (i < 0) i += dx.shape(0);
      return scalar_value(slice_axis(dx, 0, i, i + 1));
    };
    if (edge_order == 1) {
      const double d0 = uniform ? h : dx_at(0), dn = uniform ? h : dx_at(-1);
      store_axis(out, axis, 0, 1, call2(Id::divide, call2(Id::subtract, S(axis, 1), S(axis, 0)), weak_float(d0)));
      store_axis(out, axis, len - 1, len,
                 call2(Id::divide, call2(Id::subtract, S(axis, -1), S(axis, -2)), weak_float(dn)));
    } else {
      double a, b, c;
      if (uniform) {
        a = -1.5 / h; b = 2. / h; c = -0.5 / h;
      } else {
        double dx1 = dx_at(0), dx2 = dx_at(1);
        a = -(2. * dx1 + dx2) / (dx1 * (dx1 + dx2));
        b = (dx1 + dx2) / (dx1 * dx2);
        c = -dx1 / (dx2 * (dx1 + dx2));
      }
      store_axis(out, axis, 0, 1, lin3(weak_float(a), S(axis, 0), weak_float(b), S(axis, 1), weak_float(c), S(axis, 2)));
      if (uniform) {
        a = 0.5 / h; b = -2. / h; c = 1.5 / h;
      } else {
        double dx1 = dx_at(-2), dx2 = dx_at(-1);
        a = dx2 / (dx1 * (dx1 + dx2));
        b = -(dx2 + dx1) / (dx1 * dx2);
        c = (2. * dx2 + dx1) / (dx2 * (dx1 + dx2));
      }
      store_axis(out, axis, len - 1, len,
                 lin3(weak_float(a), S(axis, -3), weak_float(b), S(axis, -2), weak_float(c), S(axis, -1)));
    }
    outs.push_back(out);
  }
  return outs;
}

Array trapz(const Array& y, const Array* x, double dx, int64_t axis64) {
  const int32_t nd = y.ndim();
  const int32_t axis = static_cast<int32_t>(normalize_axis(axis64, nd));
  Array d;
  if (!x) {
    d = weak_float(dx);
  } else if (x->ndim() == 1) {
    d = diff(*x, 1, 0, nullptr, nullptr);
    int64_t shape[kMaxDims];
    for (int32_t i = 0; i < nd; ++i) shape[i] = i == axis ? d.shape(0) : 1;
    d = reshape(d, nd, shape, CNP_ORDER_C);
  } else {
    d = diff(*x, 1, axis64, nullptr, nullptr);
  }
  const int64_t len = y.shape(axis);
  Array s = call2(Id::add, slice_axis(y, axis, 1, len), slice_axis(y, axis, 0, len > 0 ? len - 1 : 0));
  Array t = call2(Id::divide, call2(Id::multiply, d, s), weak_float(2.0));
  Axes ax;
  ax.mask[axis] = true;
  Opts o;
  return sum(t, ax, o);
}

}  // namespace cnp::statistics
