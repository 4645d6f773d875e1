// numpy.interp as NumPy 1.24 computes it (numpy/lib/function_base.py's interp around
// compiled_base.c's arr_interp): linear interpolation on float64 (complex128 values when fp is
// complex), NumPy's search with a guess (so even unsorted xp gives NumPy's answer), the slopes
// precomputed when there are no more of them than points, and the same NaN fallbacks.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <complex>
#include <vector>

#include "core/cast.hpp"
#include "core/dtype.hpp"
#include "core/error.hpp"
#include "numeric/numeric.hpp"
#include "sort/sort.hpp"
#include "ufunc/execute.hpp"

namespace cnp::numeric {
namespace {

constexpr int64_t kLikelyInCache = 8;

// The index j with arr[j] <= key < arr[j + 1] (-1 below arr[0], len above arr[len - 1]),
// found the way NumPy's binary_search_with_guess finds it: the guess and its neighbours first.
int64_t search(double key, const double* arr, int64_t len, int64_t guess) {
  if (key > arr[len - 1]) return len;
  if (key < arr[0]) return -1;
  if (len <= 4) {  // short tables: scan from 1 (key >= arr[0] here)
    int64_t i = 1;
    while (i < len && key >= arr[i]) ++i;
    return i - 1;
  }
  guess = std::min(guess, len - 3);
  guess = std::max<int64_t>(guess, 1);
  int64_t lo = 0, hi = len;
  if (key < arr[guess]) {
    if (key >= arr[guess - 1]) return guess - 1;
    hi = guess - 1;
    if (guess > kLikelyInCache && key >= arr[guess - kLikelyInCache]) lo = guess - kLikelyInCache;
  } else {
    if (key < arr[guess + 1]) return guess;
    if (key < arr[guess + 2]) return guess + 1;
    lo = guess + 2;
    if (guess < len - kLikelyInCache - 1 && key < arr[guess + kLikelyInCache]) hi = guess + kLikelyInCache;
  }
  while (lo < hi) {  // bisection: the first element greater than key
    const int64_t mid = lo + ((hi - lo) >> 1);
    if (key >= arr[mid]) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

// One part (real or imaginary) of an interpolated value between j and j + 1.
inline double between(double slope, double x, const double* dx, double y0, double y1, int64_t j) {
  double r = slope * (x - dx[j]) + y0;
  if (std::isnan(r)) {  // NaN from one end: try the other
    r = slope * (x - dx[j + 1]) + y1;
    if (std::isnan(r) && y0 == y1) r = y0;
  }
  return r;
}

template <class V>
void interpolate(const double* dz, int64_t lenx, const double* dx, const V* dy, int64_t lenxp, V lval, V rval,
                 V* out) {
  constexpr bool cplx = !std::is_same_v<V, double>;
  if (lenxp == 1) {
    for (int64_t i = 0; i < lenx; ++i) out[i] = dz[i] < dx[0] ? lval : (dz[i] > dx[0] ? rval : dy[0]);
    return;
  }
  auto slope_at = [&](int64_t i) -> V {
    if constexpr (cplx) {
      const double inv = 1.0 / (dx[i + 1] - dx[i]);  // NumPy's complex form multiplies
      return V((dy[i + 1].real() - dy[i].real()) * inv, (dy[i + 1].imag() - dy[i].imag()) * inv);
    } else {
      return (dy[i + 1] - dy[i]) / (dx[i + 1] - dx[i]);
    }
  };
  std::vector<V> slopes;
  if (lenxp <= lenx) {
    slopes.resize(static_cast<size_t>(lenxp - 1));
    for (int64_t i = 0; i < lenxp - 1; ++i) slopes[i] = slope_at(i);
  }
  int64_t j = 0;
  for (int64_t i = 0; i < lenx; ++i) {
    const double x = dz[i];
    if (std::isnan(x)) {
      out[i] = V(x);
      continue;
    }
    j = search(x, dx, lenxp, j);
    if (j == -1) out[i] = lval;
    else if (j == lenxp) out[i] = rval;
    else if (j == lenxp - 1 || dx[j] == x) out[i] = dy[j];  // (no non-finite interpolation at a sample)
    else {
      const V slope = slopes.empty() ? slope_at(j) : slopes[j];
      if constexpr (cplx)
        out[i] = V(between(slope.real(), x, dx, dy[j].real(), dy[j + 1].real(), j),
                   between(slope.imag(), x, dx, dy[j].imag(), dy[j + 1].imag(), j));
      else
        out[i] = between(slope, x, dx, dy[j], dy[j + 1], j);
    }
  }
}

}  // namespace

Array interp(const Array& x, const Array& xp, const Array& fp, const double* left, const double* right,
             const double* period) {
  const bool cplx = fp.dtype()->kind == 'c';
  const Dtype* f64 = builtin_dtype(CNP_FLOAT64);
  const Dtype* vt = builtin_dtype(cplx ? CNP_COMPLEX128 : CNP_FLOAT64);
  if (period && *period == 0) throw_value("period must be a non-zero value");
  if (fp.ndim() != 1 || xp.ndim() != 1)
    throw_value(period ? "Data points must be 1-D sequences"
                       : (fp.ndim() < 1 || xp.ndim() < 1 ? "object of too small depth for desired array"
                                                          : "object too deep for desired array"));
  Array ax = cast_copy(x, f64, CNP_ORDER_C);
  Array axp = cast_copy(xp, f64, CNP_ORDER_C);
  Array afp = cast_copy(fp, vt, CNP_ORDER_C);
  int64_t lenxp = axp.shape(0);
  if (period) {
    if (afp.shape(0) != lenxp) throw_value("fp and xp are not of the same length");
    // Periodic, as NumPy's Python code does it: x % |period| and xp % |period| (the remainder
    // ufunc, with its warnings), the samples in argsort order, padded with one wrapped sample
    // at each end.
    const double p = std::fabs(*period);
    ax = ufunc::call2(ufunc::Id::remainder, ax, ufunc::weak_float(p));
    Array xmod = ufunc::call2(ufunc::Id::remainder, axp, ufunc::weak_float(p));
    const int64_t axis0 = 0;
    Array sorted_at = sorting::argsort(xmod, &axis0, sorting::Kind::quick);
    const double* xs = reinterpret_cast<const double*>(xmod.data());
    const int64_t* order = reinterpret_cast<const int64_t*>(sorted_at.data());
    const int64_t n = lenxp ? lenxp + 2 : 0, s = afp.itemsize();  // (no samples: nothing to wrap)
    Array nxp = Array::allocate(f64, 1, &n, CNP_ORDER_C), nfp = Array::allocate(vt, 1, &n, CNP_ORDER_C);
    double* px = reinterpret_cast<double*>(nxp.data());
    for (int64_t i = 0; i < lenxp; ++i) {
      px[i + 1] = xs[order[i]];
      std::memcpy(nfp.data() + (i + 1) * s, afp.data() + order[i] * s, s);
    }
    if (lenxp) {
      px[0] = xs[order[lenxp - 1]] - p;
      px[n - 1] = xs[order[0]] + p;
      std::memcpy(nfp.data(), afp.data() + order[lenxp - 1] * s, s);
      std::memcpy(nfp.data() + (n - 1) * s, afp.data() + order[0] * s, s);
    }
    axp = nxp;
    afp = nfp;
    lenxp = n;
    left = right = nullptr;
  }
  if (lenxp == 0) throw_value("array of sample points is empty");
  if (afp.shape(0) != lenxp) throw_value("fp and xp are not of the same length.");
  Array out = Array::allocate(vt, x.ndim(), x.shape(), CNP_ORDER_C);
  const double* dz = reinterpret_cast<const double*>(ax.data());
  const double* dx = reinterpret_cast<const double*>(axp.data());
  // left/right: one double, or (real, imag) when fp is complex; NULL: fp's end values.
  auto end_value = [&](const double* given, int64_t at, auto zero) {
    using V = decltype(zero);
    if (!given) return reinterpret_cast<const V*>(afp.data())[at];
    if constexpr (std::is_same_v<V, double>) return given[0];
    else return V(given[0], given[1]);
  };
  if (cplx) {
    using C = std::complex<double>;
    interpolate<C>(dz, ax.size(), dx, reinterpret_cast<const C*>(afp.data()), lenxp, end_value(left, 0, C{}),
                   end_value(right, lenxp - 1, C{}), reinterpret_cast<C*>(out.data()));
  } else {
    interpolate<double>(dz, ax.size(), dx, reinterpret_cast<const double*>(afp.data()), lenxp,
                        end_value(left, 0, 0.0), end_value(right, lenxp - 1, 0.0),
                        reinterpret_cast<double*>(out.data()));
  }
  return out;
}

}  // namespace cnp::numeric
