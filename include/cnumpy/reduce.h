/*
 * cnumpy/reduce.h: reductions and accumulations (sum, prod, min/max, mean, std/var, ptp,
 * all/any, count_nonzero, argmin/argmax, cumsum/cumprod).
 *
 * Common scheme (docs/reduce.md):
 *  - a: the input array. (axes, naxes): the axes to reduce, an optional tuple of axes (axes NULL
 *    = NumPy's axis=None; otherwise naxes >= 0 entries, 0 = the empty tuple; negative axes count
 *    from the end; AxisError / "duplicate value in 'axis'"; naxes < 0 with axes given:
 *    CNP_ERR_VALUE). argmin/argmax/cumsum/cumprod take an optional single axis, `const int64_t*
 *    axis` (NULL = the flattened array). See docs/api-conventions.md.
 *  - dtype: the accumulator and result dtype (NULL = NumPy's default: sum/prod/cumsum/cumprod of
 *    bool and small integers give int64 (unsigned: uint64), mean/var/std of integers float64).
 *  - out_array: NumPy's out=, optional, receives the result (unsafe casting); *out is then a new
 *    reference to out_array. keepdims: int32 0/1. initial: optional 0-d array, the start value. where: optional
 *    bool array broadcast against a.
 *  - *out: a new array (ownership: the caller frees it with cnp_array_free); a reduction to a
 *    scalar gives a 0-d array.
 * Summation is NumPy's (pairwise along contiguous runs, sequential per element across rows), so
 * results are bit-identical to NumPy 1.24 and independent of the thread count.
 *
 * The block between CNP_DECLS_BEGIN and CNP_DECLS_END is plain C99 (read by the bindings).
 */
#ifndef CNUMPY_REDUCE_H
#define CNUMPY_REDUCE_H

#include "cnumpy/core.h"
#include "cnumpy/indexing.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CNP_DECLS_BEGIN */

/** numpy.sum / numpy.prod (also ndarray.sum/prod): the scheme above; initial is added (multiplied)
 *  once; where= elements that are False contribute the identity (0, 1). Errors: CNP_ERR_AXIS,
 *  CNP_ERR_VALUE (axes, a where that does not broadcast), CNP_ERR_TYPE (a dtype or out the
 *  result cannot be cast to). */
CNP_API cnp_status cnp_sum(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype, cnp_array* out_array, int32_t keepdims, const cnp_array* initial, const cnp_array* where, cnp_array** out);
CNP_API cnp_status cnp_prod(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype, cnp_array* out_array, int32_t keepdims, const cnp_array* initial, const cnp_array* where, cnp_array** out);
/** min/max (amin/amax are the same functions): ValueError for an empty reduction without initial. */
CNP_API cnp_status cnp_min(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out_array, int32_t keepdims, const cnp_array* initial, const cnp_array* where, cnp_array** out);
CNP_API cnp_status cnp_max(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out_array, int32_t keepdims, const cnp_array* initial, const cnp_array* where, cnp_array** out);
CNP_API cnp_status cnp_amin(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out_array, int32_t keepdims, const cnp_array* initial, const cnp_array* where, cnp_array** out);
CNP_API cnp_status cnp_amax(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out_array, int32_t keepdims, const cnp_array* initial, const cnp_array* where, cnp_array** out);
/** mean: RuntimeWarning "Mean of empty slice." for empty reductions. */
CNP_API cnp_status cnp_mean(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype, cnp_array* out_array, int32_t keepdims, const cnp_array* where, cnp_array** out);
/** var/std: NumPy's two-pass algorithm, divided by max(n - ddof, 0); complex input gives real. */
CNP_API cnp_status cnp_var(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype, cnp_array* out_array, double ddof, int32_t keepdims, const cnp_array* where, cnp_array** out);
CNP_API cnp_status cnp_std(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype, cnp_array* out_array, double ddof, int32_t keepdims, const cnp_array* where, cnp_array** out);
CNP_API cnp_status cnp_ptp(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out_array, int32_t keepdims, cnp_array** out);
CNP_API cnp_status cnp_all(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out_array, int32_t keepdims, const cnp_array* where, cnp_array** out);
CNP_API cnp_status cnp_any(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out_array, int32_t keepdims, const cnp_array* where, cnp_array** out);
/** count_nonzero: an int64 array (0-d for axis None). */
CNP_API cnp_status cnp_count_nonzero(const cnp_array* a, const int64_t* axes, int32_t naxes, int32_t keepdims, cnp_array** out);
/** argmin/argmax: axis NULL = over the flattened array; int64 indices of the first extreme (first NaN). */
CNP_API cnp_status cnp_argmin(const cnp_array* a, const int64_t* axis, cnp_array* out_array, int32_t keepdims, cnp_array** out);
CNP_API cnp_status cnp_argmax(const cnp_array* a, const int64_t* axis, cnp_array* out_array, int32_t keepdims, cnp_array** out);
/** cumsum/cumprod: axis NULL = over the flattened array (a 1-D result). */
CNP_API cnp_status cnp_cumsum(const cnp_array* a, const int64_t* axis, const cnp_dtype* dtype, cnp_array* out_array, cnp_array** out);
CNP_API cnp_status cnp_cumprod(const cnp_array* a, const int64_t* axis, const cnp_dtype* dtype, cnp_array* out_array, cnp_array** out);
/** The methods of NumPy's ufuncs, for the ufunc named `name` (NumPy's name, e.g. "add",
 *  "maximum", "logaddexp", or an alias listed by cnp_ufunc_info_at such as "true_divide" or
 *  "mod"). Type resolution, identities and messages follow NumPy 1.24 (out stands in for the
 *  accumulator operand; add/multiply widen bool and small integers when neither dtype nor out is
 *  given).
 *  reduce: (axes, naxes) as for cnp_sum (axes NULL = all axes); at most one axis for ufuncs without
 *  an identity other than maximum/minimum/fmax/fmin ("not reorderable"). initial = start value;
 *  NULL = the ufunc's identity, or none if no_identity != 0 (Python's initial=None). */
CNP_API cnp_status cnp_ufunc_reduce(const char* name, const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype, cnp_array* out_array, int32_t keepdims, const cnp_array* initial, int32_t no_identity, const cnp_array* where, cnp_array** out);
/** accumulate along one axis: r[0] = a[0], r[i] = f(r[i-1], a[i]). */
CNP_API cnp_status cnp_ufunc_accumulate(const char* name, const cnp_array* a, int64_t axis, const cnp_dtype* dtype, cnp_array* out_array, cnp_array** out);
/** reduceat: reduce over a[indices[i]:indices[i+1]] along axis (just a[indices[i]] when
 *  indices[i] >= indices[i+1]; the last runs to the end); indices are 1-D, cast to int64. */
CNP_API cnp_status cnp_ufunc_reduceat(const char* name, const cnp_array* a, const cnp_array* indices, int64_t axis, const cnp_dtype* dtype, cnp_array* out_array, cnp_array** out);
/** at: a[items] = f(a[items], b) in place and unbuffered (repeated indices apply repeatedly);
 *  items as for cnp_array_index; b NULL for unary ufuncs, broadcast to the indexed shape. */
CNP_API cnp_status cnp_ufunc_at(const char* name, cnp_array* a, int32_t nitems, const cnp_index* items, const cnp_array* b);

/* CNP_DECLS_END */

#ifdef __cplusplus
}
#endif

#endif
