/*
 * cnumpy/statistics.h: order statistics (median, quantile, percentile), the nan-skipping
 * reductions, average, histogram and bincount, differences (diff, ediff1d, gradient, trapz) and
 * cov/corrcoef, with NumPy 1.24's semantics (docs/reduce.md).
 *
 * Arguments follow cnumpy/reduce.h and docs/api-conventions.md: (axes, naxes) an optional tuple
 * of axes (axes NULL = axis None), `const int64_t* axis` an optional single axis (NULL = None),
 * out_array NumPy's out= (optional, unsafe casting; *out is then a new reference to it), keepdims
 * 0/1, where (optional bool mask), *out a new array (0-d for a reduction to a scalar).
 *
 * The block between CNP_DECLS_BEGIN and CNP_DECLS_END is plain C99 (read by the bindings).
 */
#ifndef CNUMPY_STATISTICS_H
#define CNUMPY_STATISTICS_H

#include "cnumpy/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CNP_DECLS_BEGIN */

/** median: the mean of the middle one or two values (so NumPy's mean dtypes); NaN propagates. */
CNP_API cnp_status cnp_median(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out_array, int32_t keepdims, cnp_array** out);
/**
 * quantile/percentile: q (0-d, 1-d or 2-d) in [0, 1] (percentile: [0, 100]); method is one of
 * NumPy's 13 names ("linear" when NULL). The result has shape q.shape + the reduced shape.
 */
CNP_API cnp_status cnp_quantile(const cnp_array* a, const cnp_array* q, const int64_t* axes, int32_t naxes, const char* method, cnp_array* out_array, int32_t keepdims, cnp_array** out);
CNP_API cnp_status cnp_percentile(const cnp_array* a, const cnp_array* q, const int64_t* axes, int32_t naxes, const char* method, cnp_array* out_array, int32_t keepdims, cnp_array** out);
/** nanmedian/nanquantile/nanpercentile: NaNs ignored; an all-NaN slice gives NaN and a RuntimeWarning. */
CNP_API cnp_status cnp_nanmedian(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out_array, int32_t keepdims, cnp_array** out);
CNP_API cnp_status cnp_nanquantile(const cnp_array* a, const cnp_array* q, const int64_t* axes, int32_t naxes, const char* method, cnp_array* out_array, int32_t keepdims, cnp_array** out);
CNP_API cnp_status cnp_nanpercentile(const cnp_array* a, const cnp_array* q, const int64_t* axes, int32_t naxes, const char* method, cnp_array* out_array, int32_t keepdims, cnp_array** out);

/** nansum/nanprod: NaN counts as 0 (1); same signature as cnp_sum. */
CNP_API cnp_status cnp_nansum(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype, cnp_array* out_array, int32_t keepdims, const cnp_array* initial, const cnp_array* where, cnp_array** out);
CNP_API cnp_status cnp_nanprod(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype, cnp_array* out_array, int32_t keepdims, const cnp_array* initial, const cnp_array* where, cnp_array** out);
/** nanmin/nanmax: NaNs ignored; an all-NaN slice gives NaN with "All-NaN slice encountered". */
CNP_API cnp_status cnp_nanmin(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out_array, int32_t keepdims, const cnp_array* initial, const cnp_array* where, cnp_array** out);
CNP_API cnp_status cnp_nanmax(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out_array, int32_t keepdims, const cnp_array* initial, const cnp_array* where, cnp_array** out);
/** nanmean/nanvar/nanstd: over the non-NaN values; empty slices give NaN with NumPy's warnings. */
CNP_API cnp_status cnp_nanmean(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype, cnp_array* out_array, int32_t keepdims, const cnp_array* where, cnp_array** out);
CNP_API cnp_status cnp_nanvar(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype, cnp_array* out_array, double ddof, int32_t keepdims, const cnp_array* where, cnp_array** out);
CNP_API cnp_status cnp_nanstd(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype, cnp_array* out_array, double ddof, int32_t keepdims, const cnp_array* where, cnp_array** out);
/** nanargmin/nanargmax: ValueError "All-NaN slice encountered" for an all-NaN slice. */
CNP_API cnp_status cnp_nanargmin(const cnp_array* a, const int64_t* axis, cnp_array* out_array, int32_t keepdims, cnp_array** out);
CNP_API cnp_status cnp_nanargmax(const cnp_array* a, const int64_t* axis, cnp_array* out_array, int32_t keepdims, cnp_array** out);
/** nancumsum/nancumprod: NaN counts as 0 (1). */
CNP_API cnp_status cnp_nancumsum(const cnp_array* a, const int64_t* axis, const cnp_dtype* dtype, cnp_array* out_array, cnp_array** out);
CNP_API cnp_status cnp_nancumprod(const cnp_array* a, const int64_t* axis, const cnp_dtype* dtype, cnp_array* out_array, cnp_array** out);

/**
 * average: weights (optional) shaped like a, or 1-D along the single axis; axes NULL = all axes.
 * *sum_of_weights (optional) receives NumPy's `returned` second value, broadcast to the result.
 */
CNP_API cnp_status cnp_average(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_array* weights, int32_t keepdims, cnp_array** out, cnp_array** sum_of_weights);

/** bincount: x 1-D of non-negative integers; weights optional (float64 result); minlength >= 0. */
CNP_API cnp_status cnp_bincount(const cnp_array* x, const cnp_array* weights, int64_t minlength, cnp_array** out);
/**
 * histogram: bins as a count (edges NULL; range optional: range[0] < range[1], else the data's
 * min/max) or as monotonically increasing edges. weights optional; density 0/1.
 * *hist and *bin_edges are new arrays.
 */
CNP_API cnp_status cnp_histogram(const cnp_array* a, int64_t bins, const cnp_array* edges, const double* range, const cnp_array* weights, int32_t density, cnp_array** hist, cnp_array** bin_edges);

/** diff: the n-th discrete difference along axis; prepend/append optional (broadcast to a). */
CNP_API cnp_status cnp_diff(const cnp_array* a, int64_t n, int64_t axis, const cnp_array* prepend, const cnp_array* append, cnp_array** out);
/** ediff1d: differences of the flattened array, with optional to_end/to_begin values. */
CNP_API cnp_status cnp_ediff1d(const cnp_array* a, const cnp_array* to_end, const cnp_array* to_begin, cnp_array** out);
/**
 * gradient: central differences inside, one-sided (edge_order 1 or 2) at the edges, along the
 * given axes (axes NULL = all). spacing: nspacing arrays (0 = unit; 1 = one for every axis; or
 * one per axis), each a 0-d step or 1-D coordinates. results receives one new array per axis
 * (the caller passes room for ndim entries); *nresults is set. On failure neither is written.
 */
CNP_API cnp_status cnp_gradient(const cnp_array* f, const cnp_array* const* spacing, int32_t nspacing, const int64_t* axes, int32_t naxes, int32_t edge_order, cnp_array** results, int32_t* nresults);
/** trapz: trapezoidal rule along axis; x optional sample points, else spacing dx. */
CNP_API cnp_status cnp_trapz(const cnp_array* y, const cnp_array* x, double dx, int64_t axis, cnp_array** out);

/**
 * cov: rows are variables when rowvar (columns otherwise); y optional extra observations;
 * ddof optional (NULL: 1, or 0 when bias); fweights/aweights optional 1-D; dtype optional.
 */
CNP_API cnp_status cnp_cov(const cnp_array* m, const cnp_array* y, int32_t rowvar, int32_t bias, const double* ddof, const cnp_array* fweights, const cnp_array* aweights, const cnp_dtype* dtype, cnp_array** out);
/** corrcoef: Pearson correlation coefficients, clipped to [-1, 1] like NumPy. */
CNP_API cnp_status cnp_corrcoef(const cnp_array* x, const cnp_array* y, int32_t rowvar, const cnp_dtype* dtype, cnp_array** out);

/* CNP_DECLS_END */

#ifdef __cplusplus
}
#endif

#endif
