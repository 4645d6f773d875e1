// Polynomial evaluation kernels. Each basis repeats NumPy 1.24's Python code for one point at a
// time (numpy/polynomial/*.py and numpy/lib/polynomial.py): the same operations in the same
// order, with NumPy's complex multiply and Smith division (core/arith.hpp), so results are
// bit-identical to NumPy's while reading x and writing the result once instead of making two
// temporaries per coefficient. Points are processed in blocks so that the per-coefficient loop
// runs over a block (vectorisable) and the pool splits large inputs into fixed parts.
#include "polynomial/eval.hpp"

#include <algorithm>
#include <complex>
#include <vector>

#include "core/arith.hpp"
#include "core/cast.hpp"
#include "core/dtype.hpp"
#include "core/error.hpp"
#include "core/parallel.hpp"
#include "core/target.hpp"

namespace cnp::polynomial {
namespace {

constexpr int64_t kBlock = 256;

// A value of x's type (real or complex) widened to the result type, as NumPy casts an operand.
template <class T, class X>
inline T up(X x) {
  return T(x);
}

// One block of points: c holds the n coefficients (lowest degree first except for `legacy`),
// x and out `len` points. T is the result type, X the type x is computed in (real when the
// result is complex and x real).
template <class T, class X>
void block(Basis basis, const T* c, int64_t n, const X* x, T* out, int64_t len) {
  using A = Arith<T>;
  using AX = Arith<X>;
  T c0[kBlock], c1[kBlock];
  auto k = [](int64_t v) { return A::from_index(v); };
  switch (basis) {
    case Basis::legacy:
      // y = zeros_like(x) has x's type: the first y*x is computed before meeting p[0].
      for (int64_t j = 0; j < len; ++j) c0[j] = A::add(up<T>(AX::mul(AX::from_index(0), x[j])), c[0]);
      for (int64_t i = 1; i < n; ++i)
        for (int64_t j = 0; j < len; ++j) c0[j] = A::add(A::mul(c0[j], up<T>(x[j])), c[i]);
      break;
    case Basis::power:
      for (int64_t j = 0; j < len; ++j) c0[j] = A::add(c[n - 1], up<T>(AX::mul(x[j], AX::from_index(0))));
      for (int64_t i = 2; i <= n; ++i)
        for (int64_t j = 0; j < len; ++j) c0[j] = A::add(c[n - i], A::mul(c0[j], up<T>(x[j])));
      break;
    default: {
      // The Clenshaw bases: c0/c1 start from the last two coefficients (or c[0] and 0).
      // fin(j) is the x-only factor the final step multiplies c1 by (x, 1 - x or x*2).
      X zero = AX::from_index(0);
      auto fin = [&](int64_t j) -> X {
        switch (basis) {
          case Basis::laguerre: return AX::sub(AX::from_index(1), x[j]);
          case Basis::hermite: return AX::mul(x[j], AX::from_index(2));
          default: return x[j];
        }
      };
      if (n == 1) {
        for (int64_t j = 0; j < len; ++j) out[j] = A::add(c[0], up<T>(AX::mul(zero, fin(j))));
        return;
      }
      for (int64_t j = 0; j < len; ++j) {
        c0[j] = c[n - 2];
        c1[j] = c[n - 1];
      }
      int64_t nd = n;
      for (int64_t i = 3; i <= n; ++i) {
        nd = nd - 1;
        const T ci = c[n - i];
        switch (basis) {
          case Basis::chebyshev:
            for (int64_t j = 0; j < len; ++j) {
              T tmp = c0[j];
              c0[j] = A::sub(ci, c1[j]);
              c1[j] = A::add(tmp, A::mul(c1[j], up<T>(AX::mul(AX::from_index(2), x[j]))));
            }
            break;
          case Basis::legendre: {
            const T a = k(nd - 1), b = k(2 * nd - 1), d = k(nd);
            for (int64_t j = 0; j < len; ++j) {
              T tmp = c0[j];
              c0[j] = A::sub(ci, A::div(A::mul(c1[j], a), d));
              c1[j] = A::add(tmp, A::div(A::mul(A::mul(c1[j], up<T>(x[j])), b), d));
            }
            break;
          }
          case Basis::laguerre: {
            const T a = k(nd - 1), d = k(nd);
            const X b = AX::from_index(2 * nd - 1);
            for (int64_t j = 0; j < len; ++j) {
              T tmp = c0[j];
              c0[j] = A::sub(ci, A::div(A::mul(c1[j], a), d));
              c1[j] = A::add(tmp, A::div(A::mul(c1[j], up<T>(AX::sub(b, x[j]))), d));
            }
            break;
          }
          case Basis::hermite: {
            const T a = k(2 * (nd - 1));
            for (int64_t j = 0; j < len; ++j) {
              T tmp = c0[j];
              c0[j] = A::sub(ci, A::mul(c1[j], a));
              c1[j] = A::add(tmp, A::mul(c1[j], up<T>(AX::mul(x[j], AX::from_index(2)))));
            }
            break;
          }
          default: {  // hermite_e
            const T a = k(nd - 1);
            for (int64_t j = 0; j < len; ++j) {
              T tmp = c0[j];
              c0[j] = A::sub(ci, A::mul(c1[j], a));
              c1[j] = A::add(tmp, A::mul(c1[j], up<T>(x[j])));
            }
            break;
          }
        }
      }
      for (int64_t j = 0; j < len; ++j) out[j] = A::add(c0[j], A::mul(c1[j], up<T>(fin(j))));
      return;
    }
  }
  for (int64_t j = 0; j < len; ++j) out[j] = c0[j];
}

// The clones differ only in instruction set; the same operations run in the same order.
template <class T, class X>
CNP_TARGET_CLONES void run_range(Basis basis, const T* c, int64_t n, const X* x, T* out, int64_t len) {
  for (int64_t s = 0; s < len; s += kBlock) block(basis, c, n, x + s, out + s, std::min(kBlock, len - s));
}

template <class T, class X>
void evaluate_typed(Basis basis, const Array& c, const Array& x, Array& out) {
  const int64_t n = c.shape(0);
  const int64_t m = c.size() / n;  // columns: c.shape[1:]
  const int64_t npts = x.size();
  const T* cc = reinterpret_cast<const T*>(c.data());
  const X* xx = reinterpret_cast<const X*>(x.data());
  T* oo = reinterpret_cast<T*>(out.data());
  std::vector<T> col(static_cast<size_t>(n));
  for (int64_t j = 0; j < m; ++j) {
    for (int64_t i = 0; i < n; ++i) col[static_cast<size_t>(i)] = cc[i * m + j];
    T* o = oo + j * npts;
    // Fixed parts (not the thread count) so the split never changes a result; each point is
    // computed independently anyway.
    const int64_t work = npts * n;
    int parts = work >= (int64_t(1) << 20) && npts >= 4 * kBlock ? 8 : 1;
    const int64_t per = ((npts + parts - 1) / parts + kBlock - 1) / kBlock * kBlock;
    if (parts == 1) {
      run_range(basis, col.data(), n, xx, o, npts);
    } else {
      parallel_run(parts, [&](int p) {
        int64_t b = p * per, e = std::min(npts, b + per);
        if (b < e) run_range(basis, col.data(), n, xx + b, o + b, e - b);
      });
    }
  }
}

// `a` as a C-contiguous aligned array of dtype d (no copy when it already is one).
Array contiguous_as(const Array& a, const Dtype* d) {
  if (a.dtype() == d && a.c_contiguous() && a.aligned()) return a;
  return cast_copy(a, d, CNP_ORDER_C);
}

}  // namespace

Basis parse_basis(int32_t basis) {
  if (basis < 0 || basis > 6) throw_value("unknown polynomial basis");
  return static_cast<Basis>(basis);
}

Array evaluate(Basis basis, const Array& c, const Array& x, const Dtype* dtype) {
  if (c.ndim() < 1) throw_value("coefficient array must have at least one dimension");
  if (c.shape(0) < 1) throw_value("Coefficient array is empty");
  const Dtype* cd = c.dtype();
  if (cd->kind == 'b' || is_integer(cd)) cd = default_float();
  if (!dtype) dtype = promote_types(cd, x.dtype());
  const int32_t t = dtype->typenum;
  if (t != CNP_FLOAT32 && t != CNP_FLOAT64 && t != CNP_COMPLEX64 && t != CNP_COMPLEX128)
    throw_type("polynomial evaluation supports float32, float64, complex64 and complex128 results");
  const bool real_x = !is_complex(x.dtype());
  const Dtype* xd = dtype;
  if (real_x && t == CNP_COMPLEX64) xd = builtin_dtype(CNP_FLOAT32);
  if (real_x && t == CNP_COMPLEX128) xd = builtin_dtype(CNP_FLOAT64);
  Array cc = contiguous_as(c, dtype);
  Array xx = contiguous_as(x, xd);
  std::vector<int64_t> shape(c.shape() + 1, c.shape() + c.ndim());
  shape.insert(shape.end(), x.shape(), x.shape() + x.ndim());
  Array out = Array::allocate(dtype, static_cast<int32_t>(shape.size()), shape.data(), CNP_ORDER_C);
  if (out.size() == 0) return out;
  switch (t) {
    case CNP_FLOAT32: evaluate_typed<float, float>(basis, cc, xx, out); break;
    case CNP_FLOAT64: evaluate_typed<double, double>(basis, cc, xx, out); break;
    case CNP_COMPLEX64:
      if (xd == dtype) evaluate_typed<std::complex<float>, std::complex<float>>(basis, cc, xx, out);
      else evaluate_typed<std::complex<float>, float>(basis, cc, xx, out);
      break;
    default:
      if (xd == dtype) evaluate_typed<std::complex<double>, std::complex<double>>(basis, cc, xx, out);
      else evaluate_typed<std::complex<double>, double>(basis, cc, xx, out);
      break;
  }
  return out;
}

}  // namespace cnp::polynomial
