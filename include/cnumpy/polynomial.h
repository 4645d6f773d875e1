/*
 * cnumpy/polynomial.h: the numeric kernels of numpy.polyval and numpy.polynomial's evaluation
 * functions (polyval, chebval, legval, lagval, hermval, hermeval). The rest of the polynomial
 * API (fitting, roots, arithmetic, the classes) is composed in the bindings from these and the
 * linalg/ufunc entry points, as NumPy composes it in Python. docs/polynomial.md has the details.
 *
 * The evaluation repeats NumPy 1.24's operation order per point (Horner for the power series,
 * Clenshaw for the other bases, NumPy's complex multiply and division), so results are
 * bit-identical to NumPy's, in one pass over x.
 *
 * The block between CNP_DECLS_BEGIN and CNP_DECLS_END is plain C99 (read by the bindings).
 */
#ifndef CNUMPY_POLYNOMIAL_H
#define CNUMPY_POLYNOMIAL_H

#include "cnumpy/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CNP_DECLS_BEGIN */

/* Bases of cnp_poly_val. CNP_POLY_LEGACY: numpy.polyval (coefficients highest degree first);
 * the others are numpy.polynomial's polyval, chebval, legval, lagval, hermval (physicists'),
 * hermeval (probabilists'). */
enum {
  CNP_POLY_LEGACY = 0,
  CNP_POLY_POWER = 1,
  CNP_POLY_CHEBYSHEV = 2,
  CNP_POLY_LEGENDRE = 3,
  CNP_POLY_LAGUERRE = 4,
  CNP_POLY_HERMITE = 5,
  CNP_POLY_HERMITE_E = 6
};

/** The series with coefficients c (along axis 0; c.ndim >= 1) in the given basis at the points x
 *  (any shape): numpy.polyval(c, x) for CNP_POLY_LEGACY with a 1-D c, else NumPy's
 *  <basis>val(x, c, tensor=True). *out is a new C-contiguous array (the caller frees it with
 *  cnp_array_free; written only on success) of shape c.shape[1:] + x.shape
 *  and dtype `dtype` (float32, float64, complex64 or complex128; NULL: bool and integer
 *  coefficients count as float64, then NumPy's promotion of c and x); c and x are cast to it
 *  (a real x stays real for the terms NumPy computes from x alone).
 *  Errors: CNP_ERR_VALUE "Coefficient array is empty" (c.shape[0] == 0), "unknown polynomial
 *  basis"; CNP_ERR_TYPE for another result dtype. */
CNP_API cnp_status cnp_poly_val(int32_t basis, const cnp_array* c, const cnp_array* x, const cnp_dtype* dtype, cnp_array** out);

/* CNP_DECLS_END */

#ifdef __cplusplus
}
#endif

#endif
