// numpy.linalg and the matrix products on cnp::Array (OpenBLAS + LAPACKE underneath; see
// docs/linalg.md). Every function batches over leading axes like NumPy's gufuncs.
#pragma once
#include <cstdint>
#include <vector>

#include "core/array.hpp"

namespace cnp::linalg {

// products.cpp
// blas: float products through BLAS even when small (NumPy's matmul always calls ?gemm;
// pinv needs its bits); otherwise matrices of at most 16 use the small-matrix kernel.
Array matmul(const Array& a, const Array& b, bool blas = false);
Array dot(const Array& a, const Array& b);
Array vdot(const Array& a, const Array& b);
Array inner(const Array& a, const Array& b);
Array outer(const Array& a, const Array& b);

// composed.cpp
Array diagonal(const Array& a, int64_t offset, int64_t axis1, int64_t axis2);  // a view
Array trace(const Array& a, int64_t offset, int64_t axis1, int64_t axis2, const Dtype* dtype);
Array tensordot(const Array& a, const Array& b, const int64_t* axes_a, const int64_t* axes_b, int32_t n);
Array kron(const Array& a, const Array& b);
Array matrix_power(const Array& a, int64_t n);

// einsum.cpp: numpy.einsum(subscripts, *ops) without optimize (a view of the operand when a
// single one is only transposed / diagonalised, as NumPy returns).
Array einsum(const char* subscripts, const std::vector<const Array*>& ops);
// chain.cpp: numpy.linalg.multi_dot in NumPy's optimal order.
Array multi_dot(const std::vector<const Array*>& arrays);

// norms.cpp: kind is one of kNorm*; ord is used for kNormNumber; naxes -1 = None.
enum : int32_t { kNormDefault = 0, kNormNumber = 1, kNormFro = 2, kNormNuc = 3 };
Array norm(const Array& x, int32_t kind, double ord, const int64_t* axes, int32_t naxes, bool keepdims);
// cond.cpp: numpy.linalg.cond(x, p) with p given like norm's ord.
Array cond(const Array& x, int32_t kind, double p);

// pseudo.cpp: rcond/tol nullptr = NumPy's default (1e-15 / S.max() * max(M, N) * eps).
Array pinv(const Array& a, const Array* rcond);
Array matrix_rank(const Array& a, const Array* tol);

// solvers.cpp. singular_nan: a singular matrix's inverse is all NaN instead of a LinAlgError
// (NumPy's inv gufunc under errstate(all='ignore'), which cond relies on).
Array inv(const Array& a, bool singular_nan = false);
Array det(const Array& a);
void slogdet(const Array& a, Array& sign, Array& logdet);
Array solve(const Array& a, const Array& b);
// rcond < 0: machine precision * max(M, N) (NumPy's rcond=None).
void lstsq(const Array& a, const Array& b, double rcond, Array& x, Array& residuals, Array& rank, Array& s);

// decompositions.cpp
Array cholesky(const Array& a);
// uplo 'L' or 'U'; w only when v is nullptr.
void eigh(const Array& a, char uplo, Array& w, Array* v);
void eig(const Array& a, Array& w, Array* v);
// s only when u is nullptr.
void svd(const Array& a, bool full_matrices, Array* u, Array& s, Array* vh);
// mode: 0 reduced, 1 complete, 2 r (q not written), 3 raw (q receives h, r receives tau).
void qr(const Array& a, int32_t mode, Array* q, Array& r);

}  // namespace cnp::linalg
