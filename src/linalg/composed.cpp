// Functions NumPy builds from the products with views: trace (a strided diagonal view, summed),
// tensordot (transpose + reshape + one GEMM), kron (outer product reshaped block-wise) and
// matrix_power (repeated squaring with matmul).
#include <algorithm>
#include <string>
#include <vector>

#include "core/cast.hpp"
#include "core/creation.hpp"
#include "core/views.hpp"
#include "linalg/batch.hpp"
#include "linalg/linalg.hpp"
#include "reduce/reduce.hpp"
#include "ufunc/execute.hpp"

namespace cnp::linalg {

Array diagonal(const Array& a, int64_t offset, int64_t axis1, int64_t axis2) {
  const int32_t nd = a.ndim();
  if (nd < 2) throw_value("diag requires an array of at least two dimensions");
  // NumPy names the argument in the AxisError ("axis1: axis 2 is out of bounds ...").
  auto norm = [nd](int64_t ax, const char* name) {
    if (ax < -nd || ax >= nd)
      throw Error(CNP_ERR_AXIS, std::string(name) + ": axis " + std::to_string(ax) + " is out of bounds for array of dimension " +
                                    std::to_string(nd));
    return ax < 0 ? ax + nd : ax;
  };
  axis1 = norm(axis1, "axis1");
  axis2 = norm(axis2, "axis2");
  if (axis1 == axis2) throw_value("axis1 and axis2 cannot be the same");
  int64_t n1 = a.shape(axis1), n2 = a.shape(axis2);
  char* data = a.data();
  if (offset >= 0) {
    n2 = std::max<int64_t>(n2 - offset, 0);
    if (n2 > 0) data += offset * a.stride(axis2);
  } else {
    n1 = std::max<int64_t>(n1 + offset, 0);
    if (n1 > 0) data += -offset * a.stride(axis1);
  }
  int64_t shape[kMaxDims], strides[kMaxDims];
  int32_t k = 0;
  for (int32_t i = 0; i < nd; ++i)
    if (i != axis1 && i != axis2) shape[k] = a.shape(i), strides[k++] = a.stride(i);
  shape[k] = std::min(n1, n2);
  strides[k++] = a.stride(axis1) + a.stride(axis2);
  return a.view(k, shape, strides, shape[k - 1] > 0 ? data : a.data());
}

Array trace(const Array& a, int64_t offset, int64_t axis1, int64_t axis2, const Dtype* dtype) {
  Array d = diagonal(a, offset, axis1, axis2);
  int64_t last = d.ndim() - 1;
  reduce::Axes ax = reduce::parse_axes(&last, 1, d.ndim());
  reduce::Opts o;
  o.dtype = dtype;
  return reduce::sum(d, ax, o);
}

Array tensordot(const Array& a, const Array& b, const int64_t* axes_a, const int64_t* axes_b, int32_t n) {
  const int32_t nda = a.ndim(), ndb = b.ndim();
  std::vector<int64_t> xa(axes_a, axes_a + n), xb(axes_b, axes_b + n);
  bool equal = true;
  for (int32_t k = 0; k < n && equal; ++k) {
    if (xa[k] < -nda || xa[k] >= nda || xb[k] < -ndb || xb[k] >= ndb) throw_index("tuple index out of range");
    if (a.shape(int32_t(xa[k] < 0 ? xa[k] + nda : xa[k])) != b.shape(int32_t(xb[k] < 0 ? xb[k] + ndb : xb[k]))) equal = false;
    if (xa[k] < 0) xa[k] += nda;
    if (xb[k] < 0) xb[k] += ndb;
  }
  if (!equal) throw_value("shape-mismatch for sum");
  // a -> (free_a, summed), b -> (summed, free_b): one (P x K) . (K x Q) product.
  std::vector<int64_t> perm_a, perm_b, out_shape;
  int64_t P = 1, K = 1, Q = 1;
  // Products of an empty operand's other axes can exceed int64 ((0, 2**59) with (2**59, 3)):
  // checked, as every shape computation (found by the ABI sweep under UBSan).
  bool fits = true;
  for (int32_t i = 0; i < nda; ++i)
    if (std::find(xa.begin(), xa.end(), i) == xa.end())
      perm_a.push_back(i), fits = mul_fits(P, a.shape(i), &P) && fits, out_shape.push_back(a.shape(i));
  for (int64_t x : xa) perm_a.push_back(x), fits = mul_fits(K, a.shape(int32_t(x)), &K) && fits;
  for (int64_t x : xb) perm_b.push_back(x);
  for (int32_t i = 0; i < ndb; ++i)
    if (std::find(xb.begin(), xb.end(), i) == xb.end())
      perm_b.push_back(i), fits = mul_fits(Q, b.shape(i), &Q) && fits, out_shape.push_back(b.shape(i));
  if (!fits) throw_value("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
  int64_t sa[2] = {P, K}, sb[2] = {K, Q};
  Array at = reshape(transpose(a, perm_a.data(), nda), 2, sa, CNP_ORDER_C);
  Array bt = reshape(transpose(b, perm_b.data(), ndb), 2, sb, CNP_ORDER_C);
  Array r = dot(at, bt);
  return reshape(r, int32_t(out_shape.size()), out_shape.data(), CNP_ORDER_C);
}

Array kron(const Array& a, const Array& b) {
  if (a.ndim() == 0 || b.ndim() == 0) return ufunc::call2(ufunc::Id::multiply, a, b);
  const int32_t nd = std::max(a.ndim(), b.ndim());
  int64_t as[kMaxDims], bs[kMaxDims], full[2 * kMaxDims], perm[2 * kMaxDims], res[kMaxDims];
  for (int32_t i = 0; i < nd; ++i) {
    as[i] = i < nd - a.ndim() ? 1 : a.shape(i - (nd - a.ndim()));
    bs[i] = i < nd - b.ndim() ? 1 : b.shape(i - (nd - b.ndim()));
  }
  if (2 * nd > kMaxDims) throw_value("kron: too many dimensions");
  // outer(a, b) seen as as + bs, axes interleaved (a0, b0, a1, b1, ...), then merged pairwise.
  for (int32_t i = 0; i < nd; ++i) full[i] = as[i], full[nd + i] = bs[i], perm[2 * i] = i, perm[2 * i + 1] = nd + i;
  for (int32_t i = 0; i < nd; ++i)
    if (!mul_fits(as[i], bs[i], &res[i]))
      throw_value("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
  Array o = reshape(outer(a, b), 2 * nd, full, CNP_ORDER_C);
  return reshape(transpose(o, perm, 2 * nd), nd, res, CNP_ORDER_C);
}

Array matrix_power(const Array& a0, int64_t n) {
  assert_stacked_2d(a0);
  assert_stacked_square(a0);
  if (n == 0) {
    // Identity stack of the input's dtype and shape.
    Array r = Array::allocate(a0.dtype(), a0.ndim(), a0.shape(), CNP_ORDER_C);
    const int64_t m = a0.shape(a0.ndim() - 1);
    Array eye_m = eye(m, m, 0, a0.dtype(), CNP_ORDER_C);
    assign(r, eye_m, CNP_CASTING_UNSAFE);
    return r;
  }
  Array a = n < 0 ? inv(a0) : a0;
  uint64_t k = n < 0 ? uint64_t(0) - uint64_t(n) : uint64_t(n);
  if (k == 1) return n < 0 ? a : cast_copy(a, a.dtype(), CNP_ORDER_C);
  if (k == 2) return matmul(a, a);
  if (k == 3) return matmul(matmul(a, a), a);
  Array z, result;
  bool have_z = false, have_r = false;
  while (k > 0) {
    z = have_z ? matmul(z, z) : a;
    have_z = true;
    if (k & 1) {
      result = have_r ? matmul(result, z) : z;
      have_r = true;
    }
    k >>= 1;
  }
  return result;
}

}  // namespace cnp::linalg
