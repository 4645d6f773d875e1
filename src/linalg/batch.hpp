// Shared plumbing of numpy.linalg: NumPy's dtype rule (_commonType), its argument checks, and the
// batching helper that walks the broadcast leading axes and hands each matrix to LAPACK in the
// layout it wants (column-major, contiguous, in the compute dtype).
#pragma once
#include <complex>
#include <cstdint>
#include <initializer_list>
#include <string>

#include "core/array.hpp"
#include "core/error.hpp"

namespace cnp::linalg {

// The LAPACK dtype for an input. NumPy's linalg (_commonType) computes everything in double
// precision: float64 for real input (float32, integers and bool included), complex128 for
// complex; TypeError "array type float16 is unsupported in linalg" otherwise.
const Dtype* compute_dtype(const Dtype* d);
const Dtype* compute_dtype(const Dtype* a, const Dtype* b);
// Whether NumPy hands the results back in single precision: every input float32 or complex64.
bool single_result(const Dtype* d);
bool single_result(const Dtype* a, const Dtype* b);
// A result computed in double precision, cast to single precision when `single` (float64 ->
// float32, complex128 -> complex64; other dtypes as they are).
Array to_result(const Array& r, bool single);
// The real dtype of the same precision (float32 for complex64, ...).
const Dtype* real_dtype(const Dtype* d);
const Dtype* complex_dtype(const Dtype* d);

[[noreturn]] void throw_linalg(const std::string& m);
// "%d-dimensional array given. Array must be at least two-dimensional"
void assert_stacked_2d(const Array& a);
// "Last 2 dimensions of the array must be square"
void assert_stacked_square(const Array& a);

// A batch of matrices copied out of an array of shape (..., rows, cols): count matrices, each
// column-major (leading dimension rows), contiguous, of dtype `dtype`. With transposed = true
// each matrix is stored row-major instead (i.e. column-major storage of the transpose), which is
// a straight C-order copy.
struct Batch {
  Array buf;
  int64_t count = 0, rows = 0, cols = 0;
  template <class T> T* mat(int64_t i) const { return reinterpret_cast<T*>(buf.data()) + i * rows * cols; }
};
Batch to_lapack(const Array& a, const Dtype* dtype, bool transposed = false);

// An output of shape lead + (rows, cols) whose matrices are written column-major: allocated as
// lead + (cols, rows) in C order and returned (by finish()) as the transposed view copied to C order.
struct OutBatch {
  Array buf;
  int64_t rows = 0, cols = 0;
  template <class T> T* mat(int64_t i) const { return reinterpret_cast<T*>(buf.data()) + i * rows * cols; }
  Array finish() const;
};
OutBatch make_out(const Dtype* dtype, int32_t nlead, const int64_t* lead, int64_t rows, int64_t cols);
// A plain C-order result of shape lead + tail.
Array make_plain(const Dtype* dtype, int32_t nlead, const int64_t* lead, std::initializer_list<int64_t> tail);
int64_t product(int32_t n, const int64_t* shape);

// Calls f.template operator()<T>() with T the C++ type of a compute dtype.
template <class F>
decltype(auto) dispatch(const Dtype* d, F&& f) {
  switch (d->typenum) {
    case CNP_FLOAT32: return f.template operator()<float>();
    case CNP_FLOAT64: return f.template operator()<double>();
    case CNP_COMPLEX64: return f.template operator()<std::complex<float>>();
    case CNP_COMPLEX128: return f.template operator()<std::complex<double>>();
    default: throw Error(CNP_ERR_INTERNAL, "linalg: unexpected compute dtype");
  }
}

// Thread policy (docs/linalg.md): OpenBLAS gets as many threads as the library's own pool
// (cnp_set_num_threads / CNUMPY_NUM_THREADS) unless the user set OPENBLAS_NUM_THREADS or
// OMP_NUM_THREADS; re-synchronised before each BLAS/LAPACK call. LAPACK problems whose largest
// dimension is at most kSmallLapack run OpenBLAS single-threaded (waking its pool for an 8x8
// factorisation costs more than the work: 6x slower for a stack of 8x8 inverses). Also turns
// LAPACKE's NaN scan off (NumPy passes NaNs to LAPACK and lets it produce NaNs).
inline constexpr int64_t kSmallLapack = 64;
void prepare_blas(int64_t dim = -1);
}  // namespace cnp::linalg
