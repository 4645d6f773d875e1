// numpy.linalg's dtype rule, argument checks, batching helpers and the BLAS thread policy.
#include "linalg/batch.hpp"

#include <atomic>
#include <cstdlib>
#include <mutex>

#include "core/cast.hpp"
#include "core/parallel.hpp"
#include "linalg/lapack.hpp"

namespace cnp::linalg {

const Dtype* compute_dtype(const Dtype* d) {
  switch (d->typenum) {
    case CNP_FLOAT32: case CNP_FLOAT64: return builtin_dtype(CNP_FLOAT64);
    case CNP_COMPLEX64: case CNP_COMPLEX128: return builtin_dtype(CNP_COMPLEX128);
    default: break;
  }
  if (d->kind == 'b' || d->kind == 'i' || d->kind == 'u') return builtin_dtype(CNP_FLOAT64);
  throw_type("array type " + d->name + " is unsupported in linalg");
}

// NumPy's _commonType: complex if any is complex; the computation always in double precision.
const Dtype* compute_dtype(const Dtype* a, const Dtype* b) {
  const bool cplx = is_complex(compute_dtype(a)) || is_complex(compute_dtype(b));
  return builtin_dtype(cplx ? CNP_COMPLEX128 : CNP_FLOAT64);
}

bool single_result(const Dtype* d) { return d->typenum == CNP_FLOAT32 || d->typenum == CNP_COMPLEX64; }
bool single_result(const Dtype* a, const Dtype* b) { return single_result(a) && single_result(b); }

Array to_result(const Array& r, bool single) {
  if (!single) return r;
  if (r.dtype()->typenum == CNP_FLOAT64) return cast_copy(r, builtin_dtype(CNP_FLOAT32), CNP_ORDER_K);
  if (r.dtype()->typenum == CNP_COMPLEX128) return cast_copy(r, builtin_dtype(CNP_COMPLEX64), CNP_ORDER_K);
  return r;
}

const Dtype* real_dtype(const Dtype* d) {
  if (d->typenum == CNP_COMPLEX64) return builtin_dtype(CNP_FLOAT32);
  if (d->typenum == CNP_COMPLEX128) return builtin_dtype(CNP_FLOAT64);
  return d;
}
const Dtype* complex_dtype(const Dtype* d) {
  if (d->typenum == CNP_FLOAT32) return builtin_dtype(CNP_COMPLEX64);
  if (d->typenum == CNP_FLOAT64) return builtin_dtype(CNP_COMPLEX128);
  return d;
}

void throw_linalg(const std::string& m) { throw Error(CNP_ERR_LINALG, m); }

void assert_stacked_2d(const Array& a) {
  if (a.ndim() < 2)
    throw_linalg(std::to_string(a.ndim()) + "-dimensional array given. Array must be at least two-dimensional");
}
void assert_stacked_square(const Array& a) {
  if (a.shape(a.ndim() - 1) != a.shape(a.ndim() - 2)) throw_linalg("Last 2 dimensions of the array must be square");
}

int64_t product(int32_t n, const int64_t* shape) {
  int64_t p = 1;
  for (int32_t i = 0; i < n; ++i) p *= shape[i];
  return p;
}

Batch to_lapack(const Array& a, const Dtype* dtype, bool transposed) {
  int32_t nd = a.ndim();
  Batch b;
  b.rows = a.shape(nd - 2);
  b.cols = a.shape(nd - 1);
  b.count = product(nd - 2, a.shape());
  // Column-major matrices are the C-order copy of the view with the last two axes swapped.
  int64_t shape[kMaxDims], strides[kMaxDims];
  for (int32_t i = 0; i < nd; ++i) shape[i] = a.shape(i), strides[i] = a.stride(i);
  if (!transposed) {
    std::swap(shape[nd - 1], shape[nd - 2]);
    std::swap(strides[nd - 1], strides[nd - 2]);
  }
  Array v = a.view(nd, shape, strides, a.data());
  b.buf = cast_copy(v, dtype, CNP_ORDER_C);
  return b;
}

OutBatch make_out(const Dtype* dtype, int32_t nlead, const int64_t* lead, int64_t rows, int64_t cols) {
  int64_t shape[kMaxDims];
  for (int32_t i = 0; i < nlead; ++i) shape[i] = lead[i];
  shape[nlead] = cols;
  shape[nlead + 1] = rows;
  OutBatch o;
  o.buf = Array::allocate(dtype, nlead + 2, shape, CNP_ORDER_C);
  o.rows = rows;
  o.cols = cols;
  return o;
}

Array OutBatch::finish() const {
  int32_t nd = buf.ndim();
  int64_t shape[kMaxDims], strides[kMaxDims];
  for (int32_t i = 0; i < nd; ++i) shape[i] = buf.shape(i), strides[i] = buf.stride(i);
  std::swap(shape[nd - 1], shape[nd - 2]);
  std::swap(strides[nd - 1], strides[nd - 2]);
  return cast_copy(buf.view(nd, shape, strides, buf.data()), buf.dtype(), CNP_ORDER_C);
}

Array make_plain(const Dtype* dtype, int32_t nlead, const int64_t* lead, std::initializer_list<int64_t> tail) {
  int64_t shape[kMaxDims];
  int32_t n = 0;
  for (; n < nlead; ++n) shape[n] = lead[n];
  for (int64_t t : tail) shape[n++] = t;
  return Array::allocate(dtype, n, shape, CNP_ORDER_C);
}

namespace {
std::once_flag g_init;
bool g_user_set = false;             // OPENBLAS_NUM_THREADS / OMP_NUM_THREADS given: leave OpenBLAS alone
std::atomic<int> g_synced{-1};       // the count last given to openblas_set_num_threads
std::mutex g_set_mutex;
}  // namespace

void prepare_blas(int64_t dim) {
  std::call_once(g_init, [] {
    LAPACKE_set_nancheck(0);
    g_user_set = std::getenv("OPENBLAS_NUM_THREADS") || std::getenv("OMP_NUM_THREADS");
  });
  if (g_user_set) return;
  int n = (dim >= 0 && dim <= kSmallLapack) ? 1 : num_threads();
  if (g_synced.load(std::memory_order_relaxed) != n) {
    // One setter at a time; OpenBLAS only reads the count when a call starts.
    std::lock_guard<std::mutex> lk(g_set_mutex);
    if (g_synced.load(std::memory_order_relaxed) != n) {
      openblas_set_num_threads(n);
      g_synced.store(n, std::memory_order_relaxed);
    }
  }
}

}  // namespace cnp::linalg
