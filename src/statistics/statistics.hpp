// NumPy's statistics beyond the plain reductions (include/cnumpy/statistics.h): order statistics (median, quantile,
// percentile), the nan-skipping functions, average, histogram/bincount, differences (diff,
// ediff1d, gradient, trapz) and cov/corrcoef. Each follows NumPy 1.24's algorithm step by step
// (same casts, same operation order) so values, dtypes and warnings agree; see docs/reduce.md.
#pragma once
#include <cstdint>
#include <vector>

#include "core/array.hpp"
#include "core/creation.hpp"
#include "core/dtype.hpp"
#include "core/error.hpp"
#include "reduce/reduce.hpp"

namespace cnp::statistics {

// Built on the reduction engine (src/reduce): its axis masks, options and reductions.
using reduce::Axes;
using reduce::Op;
using reduce::Opts;
using reduce::accumulate;
using reduce::amax;
using reduce::amin;
using reduce::arg;
using reduce::check_out;
using reduce::mean;
using reduce::parse_axes;
using reduce::prod;
using reduce::sum;
using reduce::to_out;
using reduce::var;

// A 0-d array holding v converted to dtype d (float64 by default): the fill values, NaNs and
// scalar operands the statistics pass to assign() and the ufuncs.
inline Array double_scalar(double v, const Dtype* d = builtin_dtype(CNP_FLOAT64)) {
  cnp_scalar s{};
  s.typenum = CNP_FLOAT64;
  s.value.f = v;
  return from_scalar(s, d);
}

// NumPy's normalize_axis_tuple: the axes in the given order (all axes when naxes < 0), AxisError
// for out-of-range ones and ValueError "repeated axis" (ufunc.reduce's parse_axes words the
// duplicate differently). Used by median/quantile (NumPy's _ureduce) and gradient.
std::vector<int32_t> normalize_axis_tuple(const int64_t* axes, int32_t naxes, int32_t ndim);

// ---- order statistics (quantile.cpp) ----
enum class QMethod {
  inverted_cdf, averaged_inverted_cdf, closest_observation, interpolated_inverted_cdf, hazen, weibull,
  linear, median_unbiased, normal_unbiased, lower, higher, midpoint, nearest
};
QMethod parse_qmethod(const char* name);  // nullptr = linear; ValueError with NumPy's list otherwise
// q: fractions in [0, 1] (checked here, `percent` only changes the message), at most 2-D.
Array quantile(const Array& a, const Array& q, const Axes& ax, QMethod m, bool keepdims, bool skip_nan,
               bool percent, Array* out);
Array median(const Array& a, const Axes& ax, bool keepdims, bool skip_nan, Array* out);

// ---- nan functions (nanfuncs.cpp) ----
Array nansum(const Array& a, const Axes& ax, const Opts& o);
Array nanprod(const Array& a, const Axes& ax, const Opts& o);
Array nanmin(const Array& a, const Axes& ax, const Opts& o);
Array nanmax(const Array& a, const Axes& ax, const Opts& o);
Array nanmean(const Array& a, const Axes& ax, const Opts& o);
Array nanvar(const Array& a, const Axes& ax, const Opts& o, double ddof, bool take_sqrt);
Array nanarg(bool is_max, const Array& a, bool has_axis, int64_t axis, Array* out, bool keepdims);
Array nanaccumulate(bool is_prod, const Array& a, bool has_axis, int64_t axis, const Dtype* dtype, Array* out);
// A copy of `a` (same layout) with NaNs replaced by `value`; `mask` (if given) gets isnan(a).
// Non-inexact input is returned as is (no copy), like NumPy's _replace_nan.
Array replace_nan(const Array& a, double value, Array* mask);

// ---- average (average.cpp) ----
// Returns the average; *scale (if given) gets the sum of weights broadcast like NumPy's `returned`.
Array average(const Array& a, bool has_axis, const Axes& ax, const Array* weights, bool keepdims, Array* scale);

// ---- histograms (histogram.cpp) ----
Array bincount(const Array& x, const Array* weights, int64_t minlength);
// bins: an integer count (edges == nullptr) or explicit edges; range used only with a count.
void histogram(const Array& a, int64_t nbins, const Array* edges, const double* range, const Array* weights,
               bool density, Array* hist, Array* bin_edges);

// ---- differences (differences.cpp) ----
Array diff(const Array& a, int64_t n, int64_t axis, const Array* prepend, const Array* append);
Array ediff1d(const Array& a, const Array* to_end, const Array* to_begin);
// spacing: nsp arrays (0: unit spacing, 1: one for every axis, else one per axis in `axes`).
std::vector<Array> gradient(const Array& f, const Array* const* spacing, int32_t nsp, const int64_t* axes,
                            int32_t naxes, int32_t edge_order);
Array trapz(const Array& y, const Array* x, double dx, int64_t axis);
// np.concatenate of equal-rank arrays along axis (dtypes promoted; NumPy's mismatch messages).
Array concat_axis(const std::vector<Array>& parts, int32_t axis);

// ---- covariance (covariance.cpp) ----
Array cov(const Array& m, const Array* y, bool rowvar, bool bias, const double* ddof, const Array* fweights,
          const Array* aweights, const Dtype* dtype);
Array corrcoef(const Array& x, const Array* y, bool rowvar, const Dtype* dtype);

}  // namespace cnp::statistics
