// OpenBLAS (cblas) and LAPACKE behind one overload set per routine, so the kernels are written
// once as templates over float, double, complex<float>, complex<double> (s/d/c/z).
#pragma once
#include <complex>
#include <cstdint>

// LAPACKE's complex types as std::complex (same layout as NumPy's complex64/complex128).
#define lapack_complex_float std::complex<float>
#define lapack_complex_double std::complex<double>
#include <cblas.h>
#include <lapacke.h>

#include "core/error.hpp"

namespace cnp::linalg {

using c64 = std::complex<float>;
using c128 = std::complex<double>;
using lint = lapack_int;

// The LAPACKE drivers that allocate their own workspace report a failed malloc as a negative
// info; callers read any nonzero info as "did not converge". Out of memory is a MemoryError.
inline lint mem_checked(lint info) {
  if (info == LAPACK_WORK_MEMORY_ERROR || info == LAPACK_TRANSPOSE_MEMORY_ERROR)
    throw Error(CNP_ERR_MEMORY, "Unable to allocate memory for LAPACK's workspace");
  return info;
}

template <class T> struct RealOf { using type = T; };
template <class T> struct RealOf<std::complex<T>> { using type = T; };
template <class T> using real_t = typename RealOf<T>::type;
template <class T> inline constexpr bool kIsComplex = false;
template <class T> inline constexpr bool kIsComplex<std::complex<T>> = true;

constexpr int kCol = LAPACK_COL_MAJOR;

// ---- BLAS ----
inline void gemm(CBLAS_TRANSPOSE ta, CBLAS_TRANSPOSE tb, lint m, lint n, lint k, const float* a, lint lda,
                 const float* b, lint ldb, float* c, lint ldc) {
  cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, 1.0f, a, lda, b, ldb, 0.0f, c, ldc);
}
inline void gemm(CBLAS_TRANSPOSE ta, CBLAS_TRANSPOSE tb, lint m, lint n, lint k, const double* a, lint lda,
                 const double* b, lint ldb, double* c, lint ldc) {
  cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, 1.0, a, lda, b, ldb, 0.0, c, ldc);
}
inline void gemm(CBLAS_TRANSPOSE ta, CBLAS_TRANSPOSE tb, lint m, lint n, lint k, const c64* a, lint lda,
                 const c64* b, lint ldb, c64* c, lint ldc) {
  const c64 one{1, 0}, zero{0, 0};
  cblas_cgemm(CblasRowMajor, ta, tb, m, n, k, &one, a, lda, b, ldb, &zero, c, ldc);
}
inline void gemm(CBLAS_TRANSPOSE ta, CBLAS_TRANSPOSE tb, lint m, lint n, lint k, const c128* a, lint lda,
                 const c128* b, lint ldb, c128* c, lint ldc) {
  const c128 one{1, 0}, zero{0, 0};
  cblas_zgemm(CblasRowMajor, ta, tb, m, n, k, &one, a, lda, b, ldb, &zero, c, ldc);
}

inline void gemv(CBLAS_TRANSPOSE t, lint m, lint n, const float* a, lint lda, const float* x, lint incx, float* y) {
  cblas_sgemv(CblasRowMajor, t, m, n, 1.0f, a, lda, x, incx, 0.0f, y, 1);
}
inline void gemv(CBLAS_TRANSPOSE t, lint m, lint n, const double* a, lint lda, const double* x, lint incx, double* y) {
  cblas_dgemv(CblasRowMajor, t, m, n, 1.0, a, lda, x, incx, 0.0, y, 1);
}
inline void gemv(CBLAS_TRANSPOSE t, lint m, lint n, const c64* a, lint lda, const c64* x, lint incx, c64* y) {
  const c64 one{1, 0}, zero{0, 0};
  cblas_cgemv(CblasRowMajor, t, m, n, &one, a, lda, x, incx, &zero, y, 1);
}
inline void gemv(CBLAS_TRANSPOSE t, lint m, lint n, const c128* a, lint lda, const c128* x, lint incx, c128* y) {
  const c128 one{1, 0}, zero{0, 0};
  cblas_zgemv(CblasRowMajor, t, m, n, &one, a, lda, x, incx, &zero, y, 1);
}
inline float dotu(lint n, const float* x, lint incx, const float* y, lint incy) { return cblas_sdot(n, x, incx, y, incy); }
inline double dotu(lint n, const double* x, lint incx, const double* y, lint incy) { return cblas_ddot(n, x, incx, y, incy); }
inline c64 dotu(lint n, const c64* x, lint incx, const c64* y, lint incy) {
  c64 r;
  cblas_cdotu_sub(n, x, incx, y, incy, &r);
  return r;
}
inline c128 dotu(lint n, const c128* x, lint incx, const c128* y, lint incy) {
  c128 r;
  cblas_zdotu_sub(n, x, incx, y, incy, &r);
  return r;
}

// ---- LAPACK (column-major) ----
inline lint getrf(lint m, lint n, float* a, lint lda, lint* ipiv) { return LAPACKE_sgetrf_work(kCol, m, n, a, lda, ipiv); }
inline lint getrf(lint m, lint n, double* a, lint lda, lint* ipiv) { return LAPACKE_dgetrf_work(kCol, m, n, a, lda, ipiv); }
inline lint getrf(lint m, lint n, c64* a, lint lda, lint* ipiv) { return LAPACKE_cgetrf_work(kCol, m, n, a, lda, ipiv); }
inline lint getrf(lint m, lint n, c128* a, lint lda, lint* ipiv) { return LAPACKE_zgetrf_work(kCol, m, n, a, lda, ipiv); }

#define CNP_GESV(p, T) \
  inline lint gesv(lint n, lint nrhs, T* a, lint lda, lint* ipiv, T* b, lint ldb) { \
    return mem_checked(LAPACKE_##p##gesv_work(kCol, n, nrhs, a, lda, ipiv, b, ldb)); }
CNP_GESV(s, float) CNP_GESV(d, double) CNP_GESV(c, c64) CNP_GESV(z, c128)

#define CNP_GETRS(p, T) \
  inline lint getrs(char trans, lint n, lint nrhs, const T* a, lint lda, const lint* ipiv, T* b, lint ldb) { \
    return mem_checked(LAPACKE_##p##getrs_work(kCol, trans, n, nrhs, a, lda, ipiv, b, ldb)); }
CNP_GETRS(s, float) CNP_GETRS(d, double) CNP_GETRS(c, c64) CNP_GETRS(z, c128)

#define CNP_POTRF(p, T) \
  inline lint potrf(char uplo, lint n, T* a, lint lda) { return mem_checked(LAPACKE_##p##potrf_work(kCol, uplo, n, a, lda)); }
CNP_POTRF(s, float) CNP_POTRF(d, double) CNP_POTRF(c, c64) CNP_POTRF(z, c128)

// Symmetric / Hermitian eigenproblems (syevd for real, heevd for complex), w real.
inline lint heevd(char jobz, char uplo, lint n, float* a, lint lda, float* w) { return mem_checked(LAPACKE_ssyevd(kCol, jobz, uplo, n, a, lda, w)); }
inline lint heevd(char jobz, char uplo, lint n, double* a, lint lda, double* w) { return mem_checked(LAPACKE_dsyevd(kCol, jobz, uplo, n, a, lda, w)); }
inline lint heevd(char jobz, char uplo, lint n, c64* a, lint lda, float* w) { return mem_checked(LAPACKE_cheevd(kCol, jobz, uplo, n, a, lda, w)); }
inline lint heevd(char jobz, char uplo, lint n, c128* a, lint lda, double* w) { return mem_checked(LAPACKE_zheevd(kCol, jobz, uplo, n, a, lda, w)); }

#define CNP_GESDD(p, T) \
  inline lint gesdd(char jobz, lint m, lint n, T* a, lint lda, real_t<T>* s, T* u, lint ldu, T* vt, lint ldvt) { \
    return mem_checked(LAPACKE_##p##gesdd(kCol, jobz, m, n, a, lda, s, u, ldu, vt, ldvt)); }
CNP_GESDD(s, float) CNP_GESDD(d, double) CNP_GESDD(c, c64) CNP_GESDD(z, c128)

#define CNP_GEQRF(p, T) \
  inline lint geqrf(lint m, lint n, T* a, lint lda, T* tau) { return mem_checked(LAPACKE_##p##geqrf(kCol, m, n, a, lda, tau)); }
CNP_GEQRF(s, float) CNP_GEQRF(d, double) CNP_GEQRF(c, c64) CNP_GEQRF(z, c128)
inline lint orgqr(lint m, lint n, lint k, float* a, lint lda, const float* tau) { return mem_checked(LAPACKE_sorgqr(kCol, m, n, k, a, lda, tau)); }
inline lint orgqr(lint m, lint n, lint k, double* a, lint lda, const double* tau) { return mem_checked(LAPACKE_dorgqr(kCol, m, n, k, a, lda, tau)); }
inline lint orgqr(lint m, lint n, lint k, c64* a, lint lda, const c64* tau) { return mem_checked(LAPACKE_cungqr(kCol, m, n, k, a, lda, tau)); }
inline lint orgqr(lint m, lint n, lint k, c128* a, lint lda, const c128* tau) { return mem_checked(LAPACKE_zungqr(kCol, m, n, k, a, lda, tau)); }

#define CNP_GELSD(p, T) \
  inline lint gelsd(lint m, lint n, lint nrhs, T* a, lint lda, T* b, lint ldb, real_t<T>* s, real_t<T> rcond, lint* rank) { \
    return mem_checked(LAPACKE_##p##gelsd(kCol, m, n, nrhs, a, lda, b, ldb, s, rcond, rank)); }
CNP_GELSD(s, float) CNP_GELSD(d, double) CNP_GELSD(c, c64) CNP_GELSD(z, c128)

// General eigenproblem. Real inputs: eigenvalues as (wr, wi) and packed real eigenvectors.
inline lint geev_real(char jvr, lint n, float* a, lint lda, float* wr, float* wi, float* vr, lint ldvr) {
  return mem_checked(LAPACKE_sgeev(kCol, 'N', jvr, n, a, lda, wr, wi, nullptr, 1, vr, ldvr));
}
inline lint geev_real(char jvr, lint n, double* a, lint lda, double* wr, double* wi, double* vr, lint ldvr) {
  return mem_checked(LAPACKE_dgeev(kCol, 'N', jvr, n, a, lda, wr, wi, nullptr, 1, vr, ldvr));
}
inline lint geev_cplx(char jvr, lint n, c64* a, lint lda, c64* w, c64* vr, lint ldvr) {
  return mem_checked(LAPACKE_cgeev(kCol, 'N', jvr, n, a, lda, w, nullptr, 1, vr, ldvr));
}
inline lint geev_cplx(char jvr, lint n, c128* a, lint lda, c128* w, c128* vr, lint ldvr) {
  return mem_checked(LAPACKE_zgeev(kCol, 'N', jvr, n, a, lda, w, nullptr, 1, vr, ldvr));
}

}  // namespace cnp::linalg
