/*
 * cnumpy/linalg.h: matrix products and numpy.linalg, computed with OpenBLAS and LAPACKE.
 *
 * Conventions (see docs/linalg.md):
 *   Every function batches over the leading axes like NumPy's gufuncs: a (..., M, N) array is a
 *   stack of matrices, and the stacks of two operands broadcast.
 *   dtypes follow numpy.linalg: float32, float64, complex64, complex128 are computed in their own
 *   precision (s/d/c/z LAPACK routines); integer and bool inputs become float64; float16 is a
 *   TypeError ("array type float16 is unsupported in linalg"). cnp_matmul and cnp_dot keep
 *   NumPy's product dtypes (ints stay ints, bool stays bool).
 *   Errors: CNP_ERR_LINALG (numpy.linalg.LinAlgError) with NumPy's messages: "Singular matrix",
 *   "Last 2 dimensions of the array must be square", "Matrix is not positive definite",
 *   "%d-dimensional array given. Array must be at least two-dimensional", "SVD did not converge",
 *   "Eigenvalues did not converge", "Array must not contain infs or NaNs" (eig/eigvals);
 *   CNP_ERR_VALUE for shape mismatches (NumPy's gufunc messages).
 *   Every out-parameter receives a new reference (NULL on failure).
 *
 * The block between CNP_DECLS_BEGIN and CNP_DECLS_END is plain C99 (read by the bindings).
 */
#ifndef CNUMPY_LINALG_H
#define CNUMPY_LINALG_H

#include "cnumpy/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CNP_DECLS_BEGIN */

/** numpy.linalg.qr's mode= argument. */
enum {
    CNP_LINALG_QR_REDUCED = 0,
    CNP_LINALG_QR_COMPLETE = 1,
    CNP_LINALG_QR_R = 2,
    CNP_LINALG_QR_RAW = 3
};

/** numpy.linalg.norm's ord= argument: None, a number (given separately as a double, inf allowed),
 *  'fro', 'nuc'. */
enum {
    CNP_LINALG_NORM_DEFAULT = 0,
    CNP_LINALG_NORM_NUMBER = 1,
    CNP_LINALG_NORM_FRO = 2,
    CNP_LINALG_NORM_NUC = 3
};

/** numpy.matmul(a, b): stacked matrix product with NumPy's 1-D promotion rules. Errors:
 *  CNP_ERR_VALUE "matmul: Input operand 1 has a mismatch in its core dimension 0, ..." and the
 *  broadcast message of the leading axes. \param[out] out new reference. */
CNP_API cnp_status cnp_matmul(const cnp_array* a, const cnp_array* b, cnp_array** out);
/** numpy.dot(a, b): sum over the last axis of a and the second-to-last of b (multiply for 0-d).
 *  Errors: CNP_ERR_VALUE "shapes (2,3) and (2,3) not aligned: ...". \param[out] out new reference. */
CNP_API cnp_status cnp_dot(const cnp_array* a, const cnp_array* b, cnp_array** out);
/** numpy.vdot(a, b): dot of the flattened arrays, a conjugated. \param[out] out new reference (0-d). */
CNP_API cnp_status cnp_vdot(const cnp_array* a, const cnp_array* b, cnp_array** out);
/** numpy.inner(a, b): sum over the last axes of both. \param[out] out new reference. */
CNP_API cnp_status cnp_inner(const cnp_array* a, const cnp_array* b, cnp_array** out);
/** numpy.outer(a, b): out[i, j] = a.ravel()[i] * b.ravel()[j]. \param[out] out new reference. */
CNP_API cnp_status cnp_outer(const cnp_array* a, const cnp_array* b, cnp_array** out);

/** numpy.trace(a, offset, axis1, axis2, dtype): sum along a diagonal. dtype NULL: sum's default.
 *  Errors: CNP_ERR_VALUE for a < 2-d or equal axes, CNP_ERR_AXIS. \param[out] out new reference. */
CNP_API cnp_status cnp_trace(const cnp_array* a, int64_t offset, int64_t axis1, int64_t axis2, const cnp_dtype* dtype,
                             cnp_array** out);
/** numpy.tensordot(a, b, axes=(axes_a, axes_b)) with naxes axes in each list (the integer form
 *  N is axes_a = [-N..-1], axes_b = [0..N-1]). Errors: CNP_ERR_VALUE "shape-mismatch for sum".
 *  \param[out] out new reference. */
CNP_API cnp_status cnp_tensordot(const cnp_array* a, const cnp_array* b, const int64_t* axes_a, const int64_t* axes_b,
                                 int32_t naxes, cnp_array** out);
/** numpy.kron(a, b): Kronecker product. \param[out] out new reference. */
CNP_API cnp_status cnp_kron(const cnp_array* a, const cnp_array* b, cnp_array** out);
/** numpy.linalg.matrix_power(a, n): n < 0 inverts first; n == 0 gives identities of a's dtype.
 *  \param[out] out new reference. */
CNP_API cnp_status cnp_linalg_matrix_power(const cnp_array* a, int64_t n, cnp_array** out);

/** numpy.linalg.norm(x, ord, axis, keepdims): ord_kind is CNP_LINALG_NORM_*, ord its value for
 *  CNP_LINALG_NORM_NUMBER; (axes, naxes) the axis or axis pair (axes NULL = None). Errors: CNP_ERR_VALUE
 *  "Invalid norm order for matrices.", "Improper number of dimensions to norm.", "Duplicate axes
 *  given.", CNP_ERR_AXIS. \param[out] out new reference. */
CNP_API cnp_status cnp_linalg_norm(const cnp_array* x, int32_t ord_kind, double ord, const int64_t* axes, int32_t naxes,
                                   int32_t keepdims, cnp_array** out);

/** numpy.linalg.cond(x, p): p_kind is CNP_LINALG_NORM_* with p its value for
 *  CNP_LINALG_NORM_NUMBER, as for cnp_linalg_norm (CNP_LINALG_NORM_DEFAULT is p=None). A singular
 *  matrix gives inf (NaN if it holds NaNs); float32/complex64 give float32/complex64. Errors:
 *  CNP_ERR_LINALG "cond is not defined on empty arrays", the non-square/2-d messages;
 *  CNP_ERR_VALUE "Invalid norm order for matrices.". \param[out] out new reference. */
CNP_API cnp_status cnp_linalg_cond(const cnp_array* x, int32_t p_kind, double p, cnp_array** out);
/** numpy.linalg.multi_dot(arrays): the n >= 2 arrays multiplied in the cheapest order (NumPy's
 *  choice); the first may be 1-d (a row), the last 1-d (a column), the others 2-d. Errors:
 *  CNP_ERR_VALUE "Expecting at least two arrays.", CNP_ERR_LINALG "3-dimensional array given.
 *  Array must be two-dimensional", dot's shape messages. \param[out] out new reference. */
CNP_API cnp_status cnp_linalg_multi_dot(int32_t n, const cnp_array* const* arrays, cnp_array** out);
/** numpy.einsum(subscripts, *operands) with optimize=False: explicit ("ij,jk->ik") or implicit
 *  output, "..." broadcasting, repeated labels (diagonals, traces), sums; contractions are
 *  (batched) matmuls, so GEMM-shaped ones run on BLAS. The operands are computed in their common
 *  dtype. Errors: CNP_ERR_VALUE with NumPy's messages ("invalid subscript 'X' in einstein sum
 *  subscripts string, subscripts must be letters", "operands could not be broadcast together
 *  with remapped shapes [original->remapped]: ...", ...). \param[out] out new reference (a view
 *  of the operand when a single operand is only transposed or diagonalised, as NumPy returns). */
CNP_API cnp_status cnp_einsum(const char* subscripts, int32_t n, const cnp_array* const* operands, cnp_array** out);

/** numpy.linalg.pinv(a, rcond): Moore-Penrose pseudo-inverse through the SVD; rcond NULL = 1e-15,
 *  else broadcast over the stack. \param[out] out new reference. */
CNP_API cnp_status cnp_linalg_pinv(const cnp_array* a, const cnp_array* rcond, cnp_array** out);
/** numpy.linalg.matrix_rank(A, tol): number of singular values above tol (NULL = S.max() *
 *  max(M, N) * eps); for A of < 2 dimensions, 1 unless all zero. \param[out] out new reference
 *  (int64, the stack's leading shape). */
CNP_API cnp_status cnp_linalg_matrix_rank(const cnp_array* a, const cnp_array* tol, cnp_array** out);

/** numpy.linalg.inv. Errors: CNP_ERR_LINALG "Singular matrix", non-square, < 2-d.
 *  \param[out] out new reference. */
CNP_API cnp_status cnp_linalg_inv(const cnp_array* a, cnp_array** out);
/** numpy.linalg.det (0 for a singular matrix). \param[out] out new reference. */
CNP_API cnp_status cnp_linalg_det(const cnp_array* a, cnp_array** out);
/** numpy.linalg.slogdet: sign (the compute dtype) and log|det| (its real dtype).
 *  \param[out] sign new reference. \param[out] logdet new reference. */
CNP_API cnp_status cnp_linalg_slogdet(const cnp_array* a, cnp_array** sign, cnp_array** logdet);
/** numpy.linalg.solve(a, b): b is a stack of vectors when b.ndim == a.ndim - 1, else of matrices.
 *  Errors: CNP_ERR_LINALG "Singular matrix"; CNP_ERR_VALUE for mismatched shapes.
 *  \param[out] out new reference. */
CNP_API cnp_status cnp_linalg_solve(const cnp_array* a, const cnp_array* b, cnp_array** out);
/** numpy.linalg.lstsq(a, b, rcond) for 2-d a and 1- or 2-d b (LAPACK ?gelsd). rcond is passed to
 *  LAPACK: negative means machine precision (NumPy 1.24's rcond=-1 default).
 *  \param[out] x new reference. \param[out] residuals new reference. \param[out] rank new
 *  reference (0-d int32). \param[out] s new reference (singular values). */
CNP_API cnp_status cnp_linalg_lstsq(const cnp_array* a, const cnp_array* b, double rcond, cnp_array** x,
                                    cnp_array** residuals, cnp_array** rank, cnp_array** s);
/** numpy.linalg.cholesky: the lower factor L with a = L L^H. Errors: CNP_ERR_LINALG "Matrix is not
 *  positive definite". \param[out] out new reference. */
CNP_API cnp_status cnp_linalg_cholesky(const cnp_array* a, cnp_array** out);
/** numpy.linalg.eigh / eigvalsh: uplo is 'L' or 'U'. v may be NULL (eigenvalues only).
 *  \param[out] w new reference (ascending eigenvalues, real dtype). \param[out] v new reference or
 *  not written when NULL. */
CNP_API cnp_status cnp_linalg_eigh(const cnp_array* a, int32_t uplo, cnp_array** w, cnp_array** v);
/** numpy.linalg.eig / eigvals: complex results unless the input is real and every eigenvalue is
 *  real. v may be NULL. Errors: CNP_ERR_LINALG "Array must not contain infs or NaNs".
 *  \param[out] w new reference. \param[out] v new reference or not written when NULL. */
CNP_API cnp_status cnp_linalg_eig(const cnp_array* a, cnp_array** w, cnp_array** v);
/** numpy.linalg.svd: u and vh may both be NULL (compute_uv=False). full_matrices is 0 or 1.
 *  \param[out] u new reference. \param[out] s new reference. \param[out] vh new reference. */
CNP_API cnp_status cnp_linalg_svd(const cnp_array* a, int32_t full_matrices, cnp_array** u, cnp_array** s, cnp_array** vh);
/** numpy.linalg.qr with mode CNP_LINALG_QR_*; q is not written for CNP_LINALG_QR_R (may be NULL).
 *  CNP_LINALG_QR_RAW returns NumPy's (h, tau) in q and r: h (..., N, M) is LAPACK ?geqrf's
 *  column-major output read in C order (R above the diagonal, Householder vectors below), tau
 *  (..., min(M, N)) the reflector scales. \param[out] q new reference. \param[out] r new reference. */
CNP_API cnp_status cnp_linalg_qr(const cnp_array* a, int32_t mode, cnp_array** q, cnp_array** r);

/* CNP_DECLS_END */

#ifdef __cplusplus
}
#endif

#endif
