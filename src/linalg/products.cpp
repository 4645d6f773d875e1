// Matrix products: matmul (NumPy's gufunc (n?,k),(k,m?)->(n?,m?) with broadcast leading axes),
// dot, vdot, inner, outer. Float and complex stacks go to cblas ?gemm (operands passed in place
// when one of their matrix axes is contiguous, copied otherwise); small matrices use a plain
// kernel (a BLAS call costs more than an 8x8 product); integers and bool use a loop in the result
// dtype (wrapping like NumPy's).
#include <algorithm>
#include <cstring>
#include <string>
#include <type_traits>

#include "core/cast.hpp"
#include "core/creation.hpp"
#include "core/parallel.hpp"
#include "core/views.hpp"
#include "linalg/batch.hpp"
#include "linalg/lapack.hpp"
#include "linalg/small_gemm.hpp"
#include "linalg/linalg.hpp"
#include "ufunc/execute.hpp"

namespace cnp::linalg {

namespace {

const char* kMatmulSig = "(n?,k),(k,m?)->(n?,m?)";

// One operand seen as a stack of (rows, cols) matrices with byte strides.
struct Operand {
  const char* data;
  int64_t rows, cols;
  int64_t rs, cs;                 // byte strides of the matrix axes
  int64_t lead_strides[kMaxDims]; // byte strides of the broadcast leading axes (0 = broadcast)
};

// Plain kernel c (n x m, C-contiguous) = a (n x k) b (k x m), strides in elements.
template <class T>
void small_gemm(const T* a, int64_t ars, int64_t acs, const T* b, int64_t brs, int64_t bcs, T* c, int64_t n,
                int64_t m, int64_t k) {
  for (int64_t i = 0; i < n * m; ++i) c[i] = T(0);
  for (int64_t i = 0; i < n; ++i) {
    T* ci = c + i * m;
    for (int64_t p = 0; p < k; ++p) {
      const T av = a[i * ars + p * acs];
      const T* bp = b + p * brs;
      if constexpr (kIsComplex<T>) {
        using R = real_t<T>;
        const R ar = av.real(), ai = av.imag();
        R* cr = reinterpret_cast<R*>(ci);
        const R* br = reinterpret_cast<const R*>(bp);
        for (int64_t j = 0; j < m; ++j) {
          R xr = br[2 * j * bcs], xi = br[2 * j * bcs + 1];
          cr[2 * j] += ar * xr - ai * xi;
          cr[2 * j + 1] += ar * xi + ai * xr;
        }
      } else if (bcs == 1) {
        for (int64_t j = 0; j < m; ++j) ci[j] += av * bp[j];
      } else {
        for (int64_t j = 0; j < m; ++j) ci[j] += av * bp[j * bcs];
      }
    }
  }
}

// Integer/bool kernel: unsigned arithmetic wraps like NumPy's integer loops (no UB).
template <class T>
void int_gemm(const char* a, int64_t ars, int64_t acs, const char* b, int64_t brs, int64_t bcs, T* c, int64_t n,
              int64_t m, int64_t k) {
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < m; ++j) {
      if constexpr (std::is_same_v<T, bool>) {
        bool acc = false;
        for (int64_t p = 0; p < k && !acc; ++p)
          acc = *reinterpret_cast<const bool*>(a + i * ars + p * acs) && *reinterpret_cast<const bool*>(b + p * brs + j * bcs);
        c[i * m + j] = acc;
      } else {
        // In uint64: a uint16 product would be promoted to (signed) int and could overflow.
        uint64_t acc = 0;
        for (int64_t p = 0; p < k; ++p)
          acc += uint64_t(*reinterpret_cast<const T*>(a + i * ars + p * acs)) * uint64_t(*reinterpret_cast<const T*>(b + p * brs + j * bcs));
        c[i * m + j] = T(acc);
      }
    }
}

// Whether a matrix with these element strides can go to gemm as is; sets trans and ld.
bool blas_layout(int64_t rows, int64_t cols, int64_t rs, int64_t cs, CBLAS_TRANSPOSE& t, int64_t& ld) {
  if (rows <= 1) rs = std::max<int64_t>(cols, 1);  // a single row/column: its stride is free
  if (cols <= 1) cs = 1;
  if (cs == 1 && rs >= std::max<int64_t>(cols, 1)) { t = CblasNoTrans; ld = rs; return true; }
  if (rows <= 1) rs = 1, cs = cols <= 1 ? 1 : cs;
  if (rs == 1 && cs >= std::max<int64_t>(rows, 1)) { t = CblasTrans; ld = cs; return true; }
  return false;
}

// Small real matrices with contiguous rows: C row i accumulates in registers (M fixed for the
// common sizes so the compiler unrolls and vectorises the row).
template <class T, int M>
void small_rows(const T* a, int64_t ars, const T* b, int64_t brs, T* c, int64_t n, int64_t m_rt, int64_t k) {
  const int64_t m = M ? M : m_rt;
  for (int64_t i = 0; i < n; ++i) {
    T acc[16] = {};
    const T* ai = a + i * ars;
    for (int64_t p = 0; p < k; ++p) {
      const T av = ai[p];
      const T* bp = b + p * brs;
      for (int64_t j = 0; j < m; ++j) acc[j] += av * bp[j];
    }
    for (int64_t j = 0; j < m; ++j) c[i * m + j] = acc[j];
  }
}

template <class T>
void small_dispatch(const T* a, int64_t ars, int64_t acs, const T* b, int64_t brs, int64_t bcs, T* c, int64_t n,
                    int64_t m, int64_t k) {
  if constexpr (!kIsComplex<T>) {
    if (acs == 1 && bcs == 1) {
      switch (m) {
        case 2: return small_rows<T, 2>(a, ars, b, brs, c, n, m, k);
        case 3: return small_rows<T, 3>(a, ars, b, brs, c, n, m, k);
        case 4: return small_rows<T, 4>(a, ars, b, brs, c, n, m, k);
        case 8: return small_rows<T, 8>(a, ars, b, brs, c, n, m, k);
        default: return small_rows<T, 0>(a, ars, b, brs, c, n, m, k);
      }
    }
  }
  small_gemm(a, ars, acs, b, brs, bcs, c, n, m, k);
}

// Offsets of batch bi into A and B (broadcast leading axes).
inline void batch_ptrs(const Operand& A, const Operand& B, int32_t nlead, const int64_t* lead, int64_t bi,
                       const char*& pa, const char*& pb) {
  pa = A.data;
  pb = B.data;
  for (int32_t d = nlead - 1; d >= 0; --d) {
    int64_t i = bi % lead[d];
    bi /= lead[d];
    pa += i * A.lead_strides[d];
    pb += i * B.lead_strides[d];
  }
}

template <class T>
void run_float(const Operand& A, const Operand& B, int32_t nlead, const int64_t* lead, int64_t nbatch, Array& out,
               bool blas) {
  const int64_t n = A.rows, k = A.cols, m = B.cols, isz = sizeof(T);
  T* c = reinterpret_cast<T*>(out.data());
  const bool small = !blas && n <= 16 && m <= 16 && k <= 16;
  if (small) {
    // Independent matrices: split the stack over the library's pool (OpenBLAS is not involved,
    // so the two pools never run at once). Parts are fixed by the sizes only.
    const SmallBatch sb{A.data, B.data, out.data(), n, m, k, A.rs, A.cs, B.rs, B.cs, nlead, lead, A.lead_strides,
                        B.lead_strides};
    auto part = [&](int64_t lo, int64_t hi) {
      if (small_gemm_batch(out.dtype()->typenum, sb, lo, hi)) return;
      for (int64_t bi = lo; bi < hi; ++bi) {
        const char *pa, *pb;
        batch_ptrs(A, B, nlead, lead, bi, pa, pb);
        small_dispatch(reinterpret_cast<const T*>(pa), A.rs / isz, A.cs / isz, reinterpret_cast<const T*>(pb),
                       B.rs / isz, B.cs / isz, c + bi * n * m, n, m, k);
      }
    };
    const int64_t work = nbatch * n * m * k;
    int nparts = work >= (1 << 18) ? int(std::min<int64_t>(num_threads(), nbatch)) : 1;
    if (nparts <= 1) {
      part(0, nbatch);
    } else {
      parallel_run(nparts, [&](int p) { part(nbatch * p / nparts, nbatch * (p + 1) / nparts); });
    }
    return;
  }
  CBLAS_TRANSPOSE ta = CblasNoTrans, tb = CblasNoTrans;
  int64_t lda = 0, ldb = 0;
  blas_layout(n, k, A.rs / isz, A.cs / isz, ta, lda);
  blas_layout(k, m, B.rs / isz, B.cs / isz, tb, ldb);
  prepare_blas();
  for (int64_t bi = 0; bi < nbatch; ++bi) {
    const char *pa, *pb;
    batch_ptrs(A, B, nlead, lead, bi, pa, pb);
    const T* a = reinterpret_cast<const T*>(pa);
    const T* b = reinterpret_cast<const T*>(pb);
    T* pc = c + bi * n * m;
    if (n == 1 && m == 1) {
      // vector . vector: ?dot with the vectors' own strides
      *pc = dotu(lint(k), a, lint(ta == CblasNoTrans ? 1 : lda), b, lint(tb == CblasNoTrans ? ldb : 1));
    } else if (m == 1) {
      // matrix . vector: ?gemv
      gemv(ta, ta == CblasNoTrans ? lint(n) : lint(k), ta == CblasNoTrans ? lint(k) : lint(n), a, lint(lda), b,
           lint(tb == CblasNoTrans ? ldb : 1), pc);
    } else if (n == 1) {
      // vector . matrix: b^T a
      gemv(tb == CblasNoTrans ? CblasTrans : CblasNoTrans, tb == CblasNoTrans ? lint(k) : lint(m),
           tb == CblasNoTrans ? lint(m) : lint(k), b, lint(ldb), a, lint(ta == CblasNoTrans ? 1 : lda), pc);
    } else {
      gemm(ta, tb, lint(n), lint(m), lint(k), a, lint(lda), b, lint(ldb), pc, lint(std::max<int64_t>(m, 1)));
    }
  }
}

template <class T>
void run_int(const Operand& A, const Operand& B, int32_t nlead, const int64_t* lead, int64_t nbatch, Array& out) {
  const int64_t n = A.rows, k = A.cols, m = B.cols;
  T* c = reinterpret_cast<T*>(out.data());
  for (int64_t bi = 0; bi < nbatch; ++bi) {
    const char *pa, *pb;
    batch_ptrs(A, B, nlead, lead, bi, pa, pb);
    int_gemm<T>(pa, A.rs, A.cs, pb, B.rs, B.cs, c + bi * n * m, n, m, k);
  }
}

// NumPy's message when the loop dimensions do not broadcast: the core dimensions are shown as
// "newaxis" and the requested shape is the output's core shape.
[[noreturn]] void throw_remapped(const Array& a, const Array& b, bool a1, bool b1) {
  auto remap = [](const Array& x, int core) {
    std::string s = numpy_shape_string(x.ndim(), x.shape()) + "->(";
    for (int32_t i = 0; i < x.ndim() - core; ++i) s += std::to_string(x.shape(i)) + ",";
    for (int i = 0; i < core; ++i) s += "newaxis,";
    s.back() = ')';
    return s;
  };
  std::string req = "(";
  if (!a1) req += std::to_string(a.shape(a.ndim() - 2)) + ",";
  if (!b1) req += std::to_string(b.shape(b.ndim() - 1)) + ",";
  if (req.size() > 1) req.back() = ')'; else req += ")";
  throw_value("operands could not be broadcast together with remapped shapes [original->remapped]: " +
              remap(a, a1 ? 1 : 2) + " " + remap(b, b1 ? 1 : 2) + "  and requested shape " + req);
}

// A contiguous-enough operand of dtype `dt` (copied when the dtype differs or neither matrix
// axis is unit-stride, which gemm needs).
Array prepared(const Array& x, const Dtype* dt, bool need_blas) {
  bool ok = x.dtype() == dt;
  if (ok && need_blas && x.ndim() >= 1) {
    int nd = x.ndim();
    int64_t isz = x.itemsize();
    int64_t rows = nd >= 2 ? x.shape(nd - 2) : 1, rs = nd >= 2 ? x.stride(nd - 2) : 0;
    int64_t cols = x.shape(nd - 1), cs = x.stride(nd - 1);
    CBLAS_TRANSPOSE t;
    int64_t ld;
    ok = rs % isz == 0 && cs % isz == 0 && blas_layout(rows, cols, rs / isz, cs / isz, t, ld) &&
         (reinterpret_cast<uintptr_t>(x.data()) % dt->alignment) == 0;
  }
  if (ok && is_inexact(dt)) {
    // The float kernels index in elements: every stride a whole number of them, data aligned
    // (a view of packed or offset bytes is copied first).
    for (int32_t i = 0; i < x.ndim() && ok; ++i) ok = x.stride(i) % x.itemsize() == 0;
    ok = ok && (reinterpret_cast<uintptr_t>(x.data()) % dt->alignment) == 0;
  }
  return ok ? x : cast_copy(x, dt, CNP_ORDER_C);
}

}  // namespace

Array matmul(const Array& a0, const Array& b0, bool blas) {
  for (int op = 0; op < 2; ++op) {
    const Array& x = op ? b0 : a0;
    if (x.ndim() == 0)
      throw_value("matmul: Input operand " + std::to_string(op) + " does not have enough dimensions (has 0, gufunc core with signature " +
                  kMatmulSig + " requires 1)");
  }
  const Dtype* res = promote_types(a0.dtype(), b0.dtype());
  const bool is_float = is_inexact(res);
  const Dtype* work = res->typenum == CNP_FLOAT16 ? builtin_dtype(CNP_FLOAT32) : res;
  if (!is_float && !is_integer(res) && res->kind != 'b')
    throw_type("ufunc 'matmul' did not contain a loop with signature matching types");
  const bool a1 = a0.ndim() == 1, b1 = b0.ndim() == 1;
  const int64_t n = a1 ? 1 : a0.shape(a0.ndim() - 2), k = a0.shape(a0.ndim() - 1);
  const int64_t kb = b1 ? b0.shape(0) : b0.shape(b0.ndim() - 2), m = b1 ? 1 : b0.shape(b0.ndim() - 1);
  if (k != kb)
    throw_value(std::string("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ") +
                kMatmulSig + " (size " + std::to_string(kb) + " is different from " + std::to_string(k) + ")");
  // Leading (loop) dimensions, right-aligned and broadcast.
  const int32_t la = a1 ? 0 : a0.ndim() - 2, lb = b1 ? 0 : b0.ndim() - 2;
  const int32_t nlead = std::max(la, lb);
  int64_t lead[kMaxDims];
  for (int32_t d = 0; d < nlead; ++d) {
    int32_t da = d - (nlead - la), db = d - (nlead - lb);
    int64_t sa = da >= 0 ? a0.shape(da) : 1, sb = db >= 0 ? b0.shape(db) : 1;
    if (sa != sb && sa != 1 && sb != 1) throw_remapped(a0, b0, a1, b1);
    lead[d] = sa == 1 ? sb : sa;
  }
  const int64_t nbatch = product(nlead, lead);
  int64_t oshape[kMaxDims];
  int32_t ond = nlead;
  std::copy(lead, lead + nlead, oshape);
  if (!a1) oshape[ond++] = n;
  if (!b1) oshape[ond++] = m;
  // Work array: C-contiguous lead + (n, m) of the work dtype; a zero-size contraction gives zeros.
  int64_t wshape[kMaxDims];
  std::copy(lead, lead + nlead, wshape);
  wshape[nlead] = n;
  wshape[nlead + 1] = m;
  Array out = Array::allocate(work, nlead + 2, wshape, CNP_ORDER_C, k == 0);
  if (nbatch * n * m > 0 && k > 0) {
    const bool small = !blas && n <= 16 && m <= 16 && k <= 16;
    Array a = prepared(a0, work, is_float && !small);
    Array b = prepared(b0, work, is_float && !small);
    auto make = [&](const Array& x, int32_t lx, bool one_d, bool is_b) {
      Operand o;
      o.data = x.data();
      int nd = x.ndim();
      if (one_d) {
        // a 1-D a is a (1, k) row; a 1-D b is a (k, 1) column.
        o.rows = is_b ? x.shape(0) : 1;
        o.cols = is_b ? 1 : x.shape(0);
        o.rs = is_b ? x.stride(0) : 0;
        o.cs = is_b ? 0 : x.stride(0);
        if (o.rows == 1) o.rs = o.cols * x.itemsize();
        if (o.cols == 1) o.cs = x.itemsize();
      } else {
        o.rows = x.shape(nd - 2);
        o.cols = x.shape(nd - 1);
        o.rs = x.stride(nd - 2);
        o.cs = x.stride(nd - 1);
      }
      for (int32_t d = 0; d < nlead; ++d) {
        int32_t dx = d - (nlead - lx);
        o.lead_strides[d] = (dx >= 0 && x.shape(dx) != 1) ? x.stride(dx) : 0;
      }
      return o;
    };
    Operand A = make(a, la, a1, false), B = make(b, lb, b1, true);
    switch (work->typenum) {
      case CNP_FLOAT32: run_float<float>(A, B, nlead, lead, nbatch, out, blas); break;
      case CNP_FLOAT64: run_float<double>(A, B, nlead, lead, nbatch, out, blas); break;
      case CNP_COMPLEX64: run_float<c64>(A, B, nlead, lead, nbatch, out, blas); break;
      case CNP_COMPLEX128: run_float<c128>(A, B, nlead, lead, nbatch, out, blas); break;
      case CNP_BOOL: run_int<bool>(A, B, nlead, lead, nbatch, out); break;
      case CNP_INT8: run_int<int8_t>(A, B, nlead, lead, nbatch, out); break;
      case CNP_UINT8: run_int<uint8_t>(A, B, nlead, lead, nbatch, out); break;
      case CNP_INT16: run_int<int16_t>(A, B, nlead, lead, nbatch, out); break;
      case CNP_UINT16: run_int<uint16_t>(A, B, nlead, lead, nbatch, out); break;
      case CNP_INT32: run_int<int32_t>(A, B, nlead, lead, nbatch, out); break;
      case CNP_UINT32: run_int<uint32_t>(A, B, nlead, lead, nbatch, out); break;
      case CNP_INT64: run_int<int64_t>(A, B, nlead, lead, nbatch, out); break;
      case CNP_UINT64: run_int<uint64_t>(A, B, nlead, lead, nbatch, out); break;
      default: throw Error(CNP_ERR_INTERNAL, "matmul: unexpected dtype");
    }
  }
  // C strides for the output shape (the work array is C-contiguous with the same element order).
  int64_t st[kMaxDims];
  contiguous_strides(ond, oshape, out.itemsize(), CNP_ORDER_C, st);
  Array r = out.view(ond, oshape, st, out.data());
  if (work != res) r = cast_copy(r, res, CNP_ORDER_C);
  return r;
}

namespace {
std::string tuple_str(const Array& x) {  // NumPy's "(2,3)" / "(3,)" in dot's message
  std::string s = "(";
  for (int32_t i = 0; i < x.ndim(); ++i) s += std::to_string(x.shape(i)) + (x.ndim() == 1 ? ",)" : i + 1 < x.ndim() ? "," : ")");
  if (x.ndim() == 0) s += ")";
  return s;
}
}  // namespace

Array dot(const Array& a, const Array& b) {
  if (a.ndim() == 0 || b.ndim() == 0) return ufunc::call2(ufunc::Id::multiply, a, b);
  const int32_t da = a.ndim() - 1, db = b.ndim() >= 2 ? b.ndim() - 2 : 0;
  if (a.shape(da) != b.shape(db))
    throw_value("shapes " + tuple_str(a) + " and " + tuple_str(b) + " not aligned: " + std::to_string(a.shape(da)) + " (dim " +
                std::to_string(da) + ") != " + std::to_string(b.shape(db)) + " (dim " + std::to_string(db) + ")");
  if (b.ndim() <= 2) {
    if (a.ndim() <= 2) return matmul(a, b);
    // (..., k) x (k, m): one GEMM over the flattened leading axes of a.
    int64_t shp[2] = {-1, a.shape(da)};
    Array r = matmul(reshape(a, 2, shp, CNP_ORDER_C), b);
    int64_t oshape[kMaxDims];
    int32_t nd = 0;
    for (int32_t i = 0; i < da; ++i) oshape[nd++] = a.shape(i);
    if (b.ndim() == 2) oshape[nd++] = b.shape(1);
    return reshape(r, nd, oshape, CNP_ORDER_C);
  }
  // N-d b: (P, k) x (k, Q*m) with b's contracted axis moved to the front.
  int64_t ashape[2] = {-1, a.shape(da)};
  Array a2 = reshape(a, a.ndim() == 1 ? 2 : 2, ashape, CNP_ORDER_C);
  Array bt = moveaxis(b, db, 0);
  int64_t bshape[2] = {b.shape(db), -1};
  Array b2 = reshape(bt, 2, bshape, CNP_ORDER_C);
  Array r = matmul(a2, b2);
  int64_t oshape[kMaxDims];
  int32_t nd = 0;
  for (int32_t i = 0; i < da; ++i) oshape[nd++] = a.shape(i);
  for (int32_t i = 0; i < b.ndim(); ++i)
    if (i != db) oshape[nd++] = b.shape(i);
  return reshape(r, nd, oshape, CNP_ORDER_C);
}

Array vdot(const Array& a, const Array& b) {
  Array x = ravel(a, CNP_ORDER_C), y = ravel(b, CNP_ORDER_C);
  if (x.shape(0) != y.shape(0)) {
    int64_t s = x.shape(0);
    reshape(y, 1, &s, CNP_ORDER_C);  // throws NumPy's "cannot reshape array of size 8 into shape (6,)"
  }
  if (is_complex(x.dtype())) x = ufunc::call1(ufunc::Id::conjugate, x);
  return dot(x, y);
}

Array inner(const Array& a, const Array& b) {
  if (a.ndim() == 0 || b.ndim() == 0) return ufunc::call2(ufunc::Id::multiply, a, b);
  // NumPy reports a mismatch with dot's message for the moved b.
  return dot(a, b.ndim() >= 2 ? moveaxis(b, -1, -2) : b);
}

Array outer(const Array& a, const Array& b) {
  Array x = ravel(a, CNP_ORDER_C), y = ravel(b, CNP_ORDER_C);
  int64_t sx[2] = {x.shape(0), 1}, sy[2] = {1, y.shape(0)};
  return ufunc::call2(ufunc::Id::multiply, reshape(x, 2, sx, CNP_ORDER_C), reshape(y, 2, sy, CNP_ORDER_C));
}

}  // namespace cnp::linalg
