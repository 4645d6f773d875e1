// numpy.correlate and numpy.convolve as NumPy 1.24 computes them (multiarray's
// _pyarray_correlate): the longer input slides under the shorter; the partial overlaps at the
// ends and, for kernels longer than 11, every full overlap are the type's dot function (BLAS
// ?dot / ?dotu_sub with a double accumulator for floating types, an int64 accumulator for
// integers, float for float16, OR-of-AND for bool); full overlaps with a kernel of at most 11
// float32/float64 values are summed directly in the element type (NumPy's small_correlate).
// Following those steps exactly gives NumPy's values bit for bit.
#include <cblas.h>

#include <algorithm>
#include <complex>
#include <cstring>

#include "core/cast.hpp"
#include "core/dtype.hpp"
#include "core/error.hpp"
#include "core/types.hpp"
#include "numeric/numeric.hpp"

namespace cnp::numeric {
namespace {

// NumPy's dotfunc for one type: sum of x[i] * y[i] over n elements (byte strides, positive).
template <class T>
T dot(const char* x, int64_t sx, const char* y, int64_t sy, int64_t n) {
  if constexpr (std::is_same_v<T, double> || std::is_same_v<T, float>) {
    const int64_t ix = sx / int64_t(sizeof(T)), iy = sy / int64_t(sizeof(T));
    double sum = 0.0;  // NumPy adds the BLAS chunks in double
    while (n > 0) {
      const int chunk = static_cast<int>(std::min<int64_t>(n, int64_t(1) << 30));
      if constexpr (std::is_same_v<T, double>)
        sum += cblas_ddot(chunk, reinterpret_cast<const double*>(x), int(ix), reinterpret_cast<const double*>(y), int(iy));
      else
        sum += cblas_sdot(chunk, reinterpret_cast<const float*>(x), int(ix), reinterpret_cast<const float*>(y), int(iy));
      x += chunk * sx;
      y += chunk * sy;
      n -= chunk;
    }
    return static_cast<T>(sum);
  } else if constexpr (is_complex_v<T>) {
    using R = typename T::value_type;
    const int64_t ix = sx / int64_t(sizeof(T)), iy = sy / int64_t(sizeof(T));
    double re = 0.0, im = 0.0;
    while (n > 0) {
      const int chunk = static_cast<int>(std::min<int64_t>(n, int64_t(1) << 30));
      T part;
      if constexpr (std::is_same_v<R, double>) cblas_zdotu_sub(chunk, x, int(ix), y, int(iy), &part);
      else cblas_cdotu_sub(chunk, x, int(ix), y, int(iy), &part);
      re += part.real();
      im += part.imag();
      x += chunk * sx;
      y += chunk * sy;
      n -= chunk;
    }
    return T(static_cast<R>(re), static_cast<R>(im));
  } else if constexpr (std::is_same_v<T, bool_t>) {
    for (int64_t i = 0; i < n; ++i, x += sx, y += sy)
      if (*reinterpret_cast<const uint8_t*>(x) && *reinterpret_cast<const uint8_t*>(y)) return bool_t{1};
    return bool_t{0};
  } else if constexpr (std::is_same_v<T, half_t>) {
    float sum = 0.0f;
    for (int64_t i = 0; i < n; ++i, x += sx, y += sy)
      sum += half_to_float(reinterpret_cast<const half_t*>(x)->bits) * half_to_float(reinterpret_cast<const half_t*>(y)->bits);
    return half_t{float_to_half(sum)};
  } else {
    // Integers: NumPy accumulates in (unsigned) long and truncates; unsigned arithmetic wraps
    // the same way without undefined behaviour.
    uint64_t sum = 0;
    for (int64_t i = 0; i < n; ++i, x += sx, y += sy) {
      T a, b;
      std::memcpy(&a, x, sizeof(T));
      std::memcpy(&b, y, sizeof(T));
      sum += static_cast<uint64_t>(static_cast<int64_t>(a)) * static_cast<uint64_t>(static_cast<int64_t>(b));
    }
    return static_cast<T>(sum);
  }
}

// Full overlaps with a short float kernel, summed in the element type in kernel order.
template <class T>
bool small_correlate(const T* d, int64_t nd, const T* k, int64_t nk, T* out) {
  if constexpr (std::is_same_v<T, double> || std::is_same_v<T, float>) {
    if (nk > 11) return false;
    for (int64_t i = 0; i < nd; ++i) {
      T s = 0;
      for (int64_t j = 0; j < nk; ++j) s += d[i + j] * k[j];
      out[i] = s;
    }
    return true;
  } else {
    (void)d, (void)nd, (void)k, (void)nk, (void)out;
    return false;
  }
}

// _pyarray_correlate on contiguous 1-D inputs of the result type. Sets *inverted when the
// inputs were swapped (the second was longer).
Array slide(const Array& a1, const Array& a2, int32_t mode, bool* inverted) {
  const Array* p1 = &a1;
  const Array* p2 = &a2;
  int64_t n1 = a1.shape(0), n2 = a2.shape(0);
  if (n1 == 0) throw_value("first array argument cannot be empty");
  if (n2 == 0) throw_value("second array argument cannot be empty");
  *inverted = n1 < n2;
  if (*inverted) {
    std::swap(p1, p2);
    std::swap(n1, n2);
  }
  int64_t length = n1, n_left = 0, n_right = 0;
  switch (mode) {
    case 0: length = n1 - n2 + 1; break;
    case 1: n_left = n2 / 2; n_right = n2 - n_left - 1; break;
    case 2: n_left = n_right = n2 - 1; length = n1 + n2 - 1; break;
    default: throw_value("integer convolve/correlate mode must be 0, 1, or 2");
  }
  Array ret = Array::allocate(p1->dtype(), 1, &length, CNP_ORDER_C);
  visit_type(ret.dtype()->typenum, [&](auto tag) {
    using T = typename decltype(tag)::type;
    const int64_t s = sizeof(T);
    const char* ip1 = p1->data();
    const char* ip2 = p2->data() + n_left * s;
    char* op = ret.data();
    int64_t n = n2 - n_left;
    for (int64_t i = 0; i < n_left; ++i, ++n, ip2 -= s, op += s) {
      const T v = dot<T>(ip1, s, ip2, s, n);
      std::memcpy(op, &v, s);
    }
    const int64_t full = n1 - n2 + 1;
    if (small_correlate(reinterpret_cast<const T*>(ip1), full, reinterpret_cast<const T*>(ip2), n,
                        reinterpret_cast<T*>(op))) {
      ip1 += full * s;
      op += full * s;
    } else {
      for (int64_t i = 0; i < full; ++i, ip1 += s, op += s) {
        const T v = dot<T>(ip1, s, ip2, s, n);
        std::memcpy(op, &v, s);
      }
    }
    for (int64_t i = 0; i < n_right; ++i, ip1 += s, op += s) {
      --n;
      const T v = dot<T>(ip1, s, ip2, s, n);
      std::memcpy(op, &v, s);
    }
  });
  return ret;
}

// NumPy's PyArray_FromAny(op, type, 1, 1, DEFAULT): a contiguous 1-D copy in the result type.
Array one_d(const Array& a, const Dtype* dt) {
  if (a.ndim() < 1) throw_value("object of too small depth for desired array");
  if (a.ndim() > 1) throw_value("object too deep for desired array");
  return cast_copy(a, dt, CNP_ORDER_C);
}

// A contiguous 1-D copy of a in reverse order.
Array reversed(const Array& a) {
  const int64_t n = a.shape(0), s = a.itemsize();
  Array r = Array::allocate(a.dtype(), 1, &n, CNP_ORDER_C);
  for (int64_t i = 0; i < n; ++i) std::memcpy(r.data() + i * s, a.data() + (n - 1 - i) * s, s);
  return r;
}

Array at_least_1d(const Array& a) {
  if (a.ndim() > 0) return a;
  const int64_t one = 1, stride = 0;
  return a.view(1, &one, &stride, const_cast<char*>(a.data()));
}

const Dtype* sum_type(const Array& a, const Array& v) { return promote_types(a.dtype(), v.dtype()); }

}  // namespace

Array correlate(const Array& a, const Array& v, int32_t mode) {
  const Dtype* dt = sum_type(a, v);
  Array x = one_d(a, dt), y = one_d(v, dt);
  if (dt->kind == 'c') {  // correlate conjugates its second argument
    visit_type(dt->typenum, [&](auto tag) {
      using T = typename decltype(tag)::type;
      if constexpr (is_complex_v<T>) {
        T* p = reinterpret_cast<T*>(y.data());
        for (int64_t i = 0; i < y.shape(0); ++i) p[i] = std::conj(p[i]);
      }
    });
  }
  bool inverted = false;
  Array r = slide(x, y, mode, &inverted);
  return inverted ? reversed(r) : r;  // correlate(v, a) was computed: NumPy reverses it
}

Array convolve(const Array& a, const Array& v, int32_t mode) {
  // numpy.convolve: at least 1-d, the longer first, then the old correlate of a with v reversed.
  const Array* pa = &a;
  const Array* pv = &v;
  if (a.ndim() > 1 || v.ndim() > 1) throw_value("object too deep for desired array");
  auto len = [](const Array& x) { return x.ndim() == 0 ? int64_t(1) : x.shape(0); };
  if (len(v) > len(a)) std::swap(pa, pv);
  if (len(*pa) == 0) throw_value("a cannot be empty");
  if (len(*pv) == 0) throw_value("v cannot be empty");
  const Dtype* dt = sum_type(*pa, *pv);
  Array x = cast_copy(at_least_1d(*pa), dt, CNP_ORDER_C);
  Array y = cast_copy(at_least_1d(*pv), dt, CNP_ORDER_C);
  bool inverted = false;
  return slide(x, reversed(y), mode, &inverted);  // v[::-1], as NumPy passes it
}

}  // namespace cnp::numeric
