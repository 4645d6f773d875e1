/*
 * cnumpy/numeric.h: numeric kernels NumPy writes in C outside the ufuncs: numpy.correlate,
 * numpy.convolve (numpy.core.numeric) and numpy.interp (numpy.lib.function_base).
 *
 * Values are NumPy 1.24's bit for bit: the same summation steps (BLAS dot products with a
 * double accumulator at the overlapping ends, direct sums for short float kernels) and the same
 * interpolation formulas. Results are new arrays written to *out only on success.
 *
 * The block between CNP_DECLS_BEGIN and CNP_DECLS_END is plain C99 (read by the bindings).
 */
#ifndef CNUMPY_NUMERIC_H
#define CNUMPY_NUMERIC_H

#include "cnumpy/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Modes of correlate/convolve (NumPy's integer modes). */
enum { CNP_MODE_VALID = 0, CNP_MODE_SAME = 1, CNP_MODE_FULL = 2 };

/* CNP_DECLS_BEGIN */

/** numpy.correlate(a, v, mode): sum of a[n + k] * conj(v[k]) over the overlap, in
 *  promote_types(a, v); 1-D inputs. Errors: CNP_ERR_VALUE "first array argument cannot be
 *  empty", "second array argument cannot be empty", "object too deep for desired array" (2-D
 *  and more), "object of too small depth for desired array" (0-d), "integer convolve/correlate
 *  mode must be 0, 1, or 2". Since ABI 1. */
CNP_API cnp_status cnp_correlate(const cnp_array* a, const cnp_array* v, int32_t mode, cnp_array** out);
/** numpy.convolve(a, v, mode): the discrete linear convolution of 0-d or 1-D inputs, in
 *  promote_types(a, v). Errors: CNP_ERR_VALUE "a cannot be empty", "v cannot be empty",
 *  "object too deep for desired array", the mode error above. Since ABI 1. */
CNP_API cnp_status cnp_convolve(const cnp_array* a, const cnp_array* v, int32_t mode, cnp_array** out);
/** numpy.interp(x, xp, fp, left, right, period): piecewise-linear interpolation of the samples
 *  (xp, fp) at x (any shape; the result has x's shape), float64, or complex128 when fp is
 *  complex. left/right point to the value below xp[0] / above xp[-1] (one double, or two:
 *  real and imaginary parts, when fp is complex), NULL for fp[0] / fp[-1]. period: NULL, or
 *  the period of periodic samples (left/right are then ignored). Errors: CNP_ERR_VALUE "array
 *  of sample points is empty", "fp and xp are not of the same length.", "period must be a
 *  non-zero value", "Data points must be 1-D sequences" (periodic), "object too deep for
 *  desired array" / "object of too small depth for desired array" (xp, fp not 1-D). Since
 *  ABI 1. */
CNP_API cnp_status cnp_interp(const cnp_array* x, const cnp_array* xp, const cnp_array* fp, const double* left,
                              const double* right, const double* period, cnp_array** out);

/* CNP_DECLS_END */

#ifdef __cplusplus
}
#endif

#endif /* CNUMPY_NUMERIC_H */
