// numpy.average (1.24): the mean without weights; with weights sum(a * w, dtype=R) / sum(w, dtype=R)
// where R promotes a and w (and float64 for integer or bool a).
#include "core/cast.hpp"
#include "core/error.hpp"
#include "core/creation.hpp"
#include "core/dtype.hpp"
#include "statistics/statistics.hpp"
#include "ufunc/execute.hpp"
#include "ufunc/functions.hpp"

namespace cnp::statistics {

using ufunc::Id;

Array average(const Array& a, bool has_axis, const Axes& ax, const Array* weights, bool keepdims, Array* scale) {
  Opts o;
  o.keepdims = keepdims;
  Array avg, scl;
  if (!weights) {
    avg = mean(a, ax, o);
    if (scale) {
      int64_t n = avg.size();
      if (n == 0) throw Error(CNP_ERR_ZERO_DIVISION, "division by zero");
      const Array v = double_scalar(static_cast<double>(a.size()) / static_cast<double>(n));
      *scale = full(avg.ndim(), avg.shape(), v, avg.dtype(), CNP_ORDER_C);
    }
    return avg;
  }
  const Array& w0 = *weights;
  const Dtype* rt = promote_types(a.dtype(), w0.dtype());
  if (a.dtype()->kind == 'b' || is_integer(a.dtype())) rt = promote_types(rt, builtin_dtype(CNP_FLOAT64));
  Array w = w0;
  bool same = a.ndim() == w0.ndim();
  for (int32_t i = 0; same && i < a.ndim(); ++i) same = a.shape(i) == w0.shape(i);
  if (!same) {
    if (!has_axis) throw_type("Axis must be specified when shapes of a and weights differ.");
    if (w0.ndim() != 1) throw_type("1D weights expected when shapes of a and weights differ.");
    int32_t axis = -1, count = 0;
    for (int32_t i = 0; i < a.ndim(); ++i)
      if (ax.mask[i]) {
        axis = i;
        ++count;
      }
    if (count != 1) throw_type("tuple indices must be integers or slices, not tuple");
    if (w0.shape(0) != a.shape(axis)) throw_value("Length of weights not compatible with specified axis.");
    // The weights along `axis`, broadcast over the other axes (a zero-stride view).
    int64_t shape[kMaxDims], strides[kMaxDims];
    for (int32_t i = 0; i < a.ndim(); ++i) {
      shape[i] = i == axis ? w0.shape(0) : 1;
      strides[i] = i == axis ? w0.stride(0) : 0;
    }
    w = w0.view(a.ndim(), shape, strides, w0.data());
  }
  Opts so = o;
  so.dtype = rt;
  scl = sum(w, ax, so);
  if (!ufunc::all_true(ufunc::call2(Id::not_equal, scl, ufunc::weak_float(0.0))))
    throw Error(CNP_ERR_ZERO_DIVISION, "Weights sum to zero, can't be normalized");
  ufunc::Args margs;
  margs.dtype = rt;
  Array prod = ufunc::call2(Id::multiply, a, w, margs);
  avg = ufunc::call2(Id::divide, sum(prod, ax, o), scl);
  if (scale) {
    bool same_shape = scl.ndim() == avg.ndim();
    for (int32_t i = 0; same_shape && i < avg.ndim(); ++i) same_shape = scl.shape(i) == avg.shape(i);
    *scale = same_shape ? scl : cast_copy(broadcast_to(scl, avg.ndim(), avg.shape()), scl.dtype(), CNP_ORDER_C);
  }
  return avg;
}

}  // namespace cnp::statistics
