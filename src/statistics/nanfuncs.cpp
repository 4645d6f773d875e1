// NumPy's nan-skipping reductions (numpy/lib/nanfunctions.py, 1.24): NaNs are replaced by the
// operation's neutral value in a copy and the ordinary reduction runs on it, so results equal
// NumPy's bit for bit (same summation order); non-float input goes straight to the plain function.
#include <cmath>
#include <cstring>

#include "core/cast.hpp"
#include "core/dtype.hpp"
#include "core/types.hpp"
#include "core/views.hpp"
#include "statistics/statistics.hpp"
#include "ufunc/errstate.hpp"
#include "ufunc/execute.hpp"
#include "ufunc/functions.hpp"
#include "ufunc/loops.hpp"

namespace cnp::statistics {
namespace {

using ufunc::Id;

bool inexact(const Array& a) { return a.dtype()->kind == 'f' || a.dtype()->kind == 'c'; }

// np.errstate(invalid='ignore', divide='ignore') for the scope.
struct QuietDivide {
  cnp_errstate saved;
  QuietDivide() : saved(errstate()) {
    cnp_errstate s = saved;
    s.divide = s.invalid = CNP_FPE_IGNORE;
    errstate() = s;
  }
  ~QuietDivide() { errstate() = saved; }
};

bool any_true(const Array& b) { return !ufunc::all_true(ufunc::call1(Id::logical_not, b)); }

bool any_nan(const Array& r) { return inexact(r) && any_true(ufunc::call1(Id::isnan, r)); }

// NumPy's _divide_by_count: tot / cnt computed in the promoted type and stored back (unsafe).
Array divide_by_count(Array tot, const Array& cnt) {
  QuietDivide quiet;
  ufunc::Args args;
  args.out[0] = &tot;
  args.casting = CNP_CASTING_UNSAFE;
  ufunc::call2(Id::divide, tot, cnt, args);
  return tot;
}

// Count of non-NaN values per output element (NumPy: sum(~mask, dtype=intp)).
Array count_valid(const Array& mask, const Axes& ax, bool keepdims, const Array* where) {
  Array valid = ufunc::call1(Id::logical_not, mask);
  return reduce::reduce(Op::add, valid, ax, builtin_dtype(CNP_INT64), keepdims, nullptr, where);
}

void empty_check(const Array& a, const Axes& ax, const Opts& o, const char* name) {
  if (o.initial) return;
  for (int32_t i = 0; i < a.ndim(); ++i)
    if ((ax.all || ax.mask[i]) && a.shape(i) == 0)
      throw_value(std::string("zero-size array to reduction operation ") + name + " which has no identity");
}

Array nan_minmax(bool is_max, const Array& a, const Axes& ax, const Opts& o) {
  check_out(is_max ? "fmax" : "fmin", a, ax, o.keepdims, o.out);
  if (!inexact(a)) return is_max ? amax(a, ax, o) : amin(a, ax, o);
  empty_check(a, ax, o, is_max ? "fmax" : "fmin");
  Array mask;
  Array b = replace_nan(a, is_max ? -INFINITY : INFINITY, &mask);
  Opts inner = o;
  inner.out = nullptr;
  Array r = is_max ? amax(b, ax, inner) : amin(b, ax, inner);
  if (!o.initial) {
    Array all_nan = reduce::reduce(Op::land, mask, ax, builtin_dtype(CNP_BOOL), o.keepdims, nullptr, o.where);
    assign(r, double_scalar(NAN, r.dtype()), CNP_CASTING_UNSAFE, &all_nan);
  }
  if (any_nan(r)) warn(CNP_WARN_RUNTIME, "All-NaN slice encountered");
  return to_out(r, o.out);
}

}  // namespace

Array replace_nan(const Array& a, double value, Array* mask) {
  if (!inexact(a)) return a;
  Array m = ufunc::call1(Id::isnan, a);
  Array c = cast_copy(a, a.dtype(), CNP_ORDER_K);
  assign(c, double_scalar(value, a.dtype()), CNP_CASTING_UNSAFE, &m);
  if (mask) *mask = m;
  return c;
}

Array nansum(const Array& a, const Axes& ax, const Opts& o) { return sum(replace_nan(a, 0, nullptr), ax, o); }
Array nanprod(const Array& a, const Axes& ax, const Opts& o) { return prod(replace_nan(a, 1, nullptr), ax, o); }
Array nanmin(const Array& a, const Axes& ax, const Opts& o) { return nan_minmax(false, a, ax, o); }
Array nanmax(const Array& a, const Axes& ax, const Opts& o) { return nan_minmax(true, a, ax, o); }

Array nanmean(const Array& a, const Axes& ax, const Opts& o) {
  if (!inexact(a)) return mean(a, ax, o);
  if (o.dtype && !(o.dtype->kind == 'f' || o.dtype->kind == 'c'))
    throw_type("If a is inexact, then dtype must be inexact");
  if (o.out && !inexact(*o.out)) throw_type("If a is inexact, then out must be inexact");
  Array mask;
  Array arr = replace_nan(a, 0, &mask);
  Array cnt = count_valid(mask, ax, o.keepdims, o.where);
  Opts so = o;
  so.initial = nullptr;
  Array tot = sum(arr, ax, so);
  Array avg = divide_by_count(tot, cnt);
  if (any_true(ufunc::call2(Id::equal, cnt, ufunc::weak_float(0)))) warn(CNP_WARN_RUNTIME, "Mean of empty slice");
  return avg;
}

Array nanvar(const Array& a, const Axes& ax, const Opts& o, double ddof, bool take_sqrt) {
  if (!inexact(a)) return var(a, ax, o, ddof, take_sqrt);
  if (o.dtype && !(o.dtype->kind == 'f' || o.dtype->kind == 'c'))
    throw_type("If a is inexact, then dtype must be inexact");
  if (o.out && !inexact(*o.out)) throw_type("If a is inexact, then out must be inexact");
  Array mask;
  Array arr = replace_nan(a, 0, &mask);
  Array cnt = count_valid(mask, ax, true, o.where);
  Opts ko = o;
  ko.out = nullptr;
  ko.keepdims = true;
  Array avg = divide_by_count(sum(arr, ax, ko), cnt);
  // arr - avg in place (unsafe), NaN positions back to 0, then squared magnitudes.
  {
    ufunc::Args args;
    args.out[0] = &arr;
    args.casting = CNP_CASTING_UNSAFE;
    args.where = o.where;
    ufunc::call2(Id::subtract, arr, avg, args);
  }
  assign(arr, double_scalar(0, arr.dtype()), CNP_CASTING_UNSAFE, &mask);
  Array sqr;
  {
    ufunc::Args args;
    args.out[0] = &arr;
    args.where = o.where;
    if (arr.dtype()->kind == 'c') {
      Array prod = ufunc::call2(Id::multiply, arr, ufunc::call1(Id::conjugate, arr), args);
      sqr = ufunc::real(prod);  // NumPy takes .real of the product (a view)
    } else {
      sqr = ufunc::call2(Id::multiply, arr, arr, args);
    }
  }
  Opts vo = o;
  vo.out = nullptr;
  Array v = sum(sqr, ax, vo);
  if (!o.keepdims) {
    int64_t shape[kMaxDims];  // drop the reduced (length-1) axes of cnt to match v
    int32_t nd = 0;
    for (int32_t i = 0; i < cnt.ndim(); ++i)
      if (!(ax.all || ax.mask[i])) shape[nd++] = cnt.shape(i);
    cnt = reshape(cnt, nd, shape, CNP_ORDER_C);
  }
  Array dof = ufunc::call2(Id::subtract, cnt, ufunc::weak_float(ddof));
  v = divide_by_count(v, dof);
  Array bad = ufunc::call2(Id::less_equal, dof, ufunc::weak_float(0));
  if (any_true(bad)) {
    warn(CNP_WARN_RUNTIME, "Degrees of freedom <= 0 for slice.");
    assign(v, double_scalar(NAN, v.dtype()), CNP_CASTING_UNSAFE, &bad);
  }
  if (take_sqrt) {
    ufunc::Args args;
    args.out[0] = &v;
    ufunc::call1(Id::sqrt, v, args);
  }
  return to_out(v, o.out);
}

Array nanarg(bool is_max, const Array& a, bool has_axis, int64_t axis, Array* out, bool keepdims) {
  if (!inexact(a)) return arg(is_max, a, has_axis, axis, out, keepdims);
  Array mask;
  Array b = replace_nan(a, is_max ? -INFINITY : INFINITY, &mask);
  Axes ax;
  if (has_axis) {
    ax.mask[normalize_axis(axis, a.ndim())] = true;
  } else {
    ax.all = true;
    for (int32_t i = 0; i < a.ndim(); ++i) ax.mask[i] = true;
  }
  if (a.size() > 0 && any_true(reduce::reduce(Op::land, mask, ax, builtin_dtype(CNP_BOOL), false, nullptr, nullptr)))
    throw_value("All-NaN slice encountered");
  return arg(is_max, b, has_axis, axis, out, keepdims);
}

Array nanaccumulate(bool is_prod, const Array& a, bool has_axis, int64_t axis, const Dtype* dtype, Array* out) {
  return accumulate(is_prod, replace_nan(a, is_prod ? 1 : 0, nullptr), has_axis, axis, dtype, out);
}

}  // namespace cnp::statistics
