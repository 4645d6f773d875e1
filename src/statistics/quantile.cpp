// median, quantile and percentile (and their nan-skipping forms) as NumPy 1.24 computes them:
// the reduced axes are copied to the end of a C-contiguous scratch array (NumPy's _ureduce +
// copy), each lane is partially sorted by selection (std::nth_element: introselect like NumPy's
// partition, never a full sort), and the selected order statistics are combined exactly as
// NumPy does: median is the mean of the middle one or two values, quantile is NumPy's _lerp
// run through our ufuncs (so dtypes, rounding and FP warnings match).
#include <algorithm>
#include <atomic>
#include <cfenv>
#include <cmath>
#include <cstring>
#include <string>

#include "core/cast.hpp"
#include "core/dtype.hpp"
#include "core/types.hpp"
#include "core/views.hpp"
#include "statistics/statistics.hpp"
#include "ufunc/execute.hpp"
#include "ufunc/errstate.hpp"
#include "ufunc/loops.hpp"

namespace cnp::statistics {
namespace {

using ufunc::Id;
using ufunc::ld;
using ufunc::st;

// The lanes of `a` along the reduced axes: a (count, n) C-contiguous copy in a's dtype.
struct Lanes {
  Array data;
  int64_t count = 1, n = 1;
  int32_t kept_ndim = 0, keep_ndim = 0;
  int64_t kept[kMaxDims] = {};  // result shape (reduced axes dropped)
  int64_t keep[kMaxDims] = {};  // with keepdims (reduced axes as 1)
};

Lanes make_lanes(const Array& a, const Axes& ax) {
  Lanes L;
  int64_t perm[kMaxDims];
  int32_t k = 0;
  for (int32_t i = 0; i < a.ndim(); ++i) {
    bool red = ax.all || ax.mask[i];
    L.keep[L.keep_ndim++] = red ? 1 : a.shape(i);
    if (!red) {
      perm[k++] = i;
      L.kept[L.kept_ndim++] = a.shape(i);
      L.count *= a.shape(i);
    }
  }
  for (int32_t i = 0; i < a.ndim(); ++i)
    if (ax.all || ax.mask[i]) {
      perm[k++] = i;
      L.n *= a.shape(i);
    }
  Array t = a.ndim() ? transpose(a, perm, a.ndim()) : a;
  L.data = cast_copy(t, a.dtype(), CNP_ORDER_C);
  return L;
}

template <class T>
inline bool q_isnan(const T& v) {
  if constexpr (is_complex_v<T>) return std::isnan(v.real()) || std::isnan(v.imag());
  else if constexpr (std::is_same_v<T, half_t>) return std::isnan(half_to_float(v.bits));
  else if constexpr (std::is_floating_point_v<T>) return std::isnan(v);
  else return false;
}

// NumPy's sort order (NaNs are handled before selection, so a strict weak order on the rest).
template <class T>
inline bool q_less(const T& a, const T& b) {
  if constexpr (is_complex_v<T>) return a.real() < b.real() || (a.real() == b.real() && a.imag() < b.imag());
  else if constexpr (std::is_same_v<T, half_t>) return half_to_float(a.bits) < half_to_float(b.bits);
  else if constexpr (std::is_same_v<T, bool_t>) return (a.v != 0) < (b.v != 0);
  else return a < b;
}

template <class T>
constexpr bool inexact_v = is_complex_v<T> || std::is_floating_point_v<T> || std::is_same_v<T, half_t>;

// Prepares one lane for selection: returns the number of values to select from (the non-NaN
// prefix when skipping NaNs), or -1 when the lane holds a NaN and NaNs propagate (*nan_at gets
// the first NaN's position).
template <class T>
int64_t prepare_lane(T* v, int64_t n, bool skip_nan, int64_t* nan_at) {
  if constexpr (!inexact_v<T>) {
    return n;
  } else {
    if (skip_nan) return std::partition(v, v + n, [](const T& x) { return !q_isnan(x); }) - v;
    for (int64_t i = 0; i < n; ++i)
      if (q_isnan(v[i])) {
        *nan_at = i;
        return -1;
      }
    return n;
  }
}

// Places the order statistics `ks` (sorted, unique, in [0, n)) at their sorted positions.
template <class T>
void select_many(T* v, int64_t n, const std::vector<int64_t>& ks) {
  int64_t lo = 0;
  for (int64_t k : ks) {
    if (k < lo) continue;
    std::nth_element(v + lo, v + k, v + n, q_less<T>);
    lo = k + 1;
  }
}

// ---- quantile indices (NumPy's _QuantileMethods, _get_indexes, _get_gamma) ----

struct QIndex {
  bool integral = false;  // NumPy's take path (no interpolation)
  int64_t prev = 0, next = 0;
  double gamma = 0;
};

bool integral_method(QMethod m) {
  return m == QMethod::lower || m == QMethod::higher || m == QMethod::nearest || m == QMethod::inverted_cdf ||
         m == QMethod::closest_observation;
}

QIndex qindex(QMethod m, int64_t n, double q, bool q_int) {
  QIndex r;
  const double nd = static_cast<double>(n);
  auto boundary = [&](double idx, bool closest) {
    double prev = std::floor(idx), gamma = idx - prev;
    bool take_prev = gamma == 0 && (!closest || std::fmod(prev, 2.0) == 0);
    int64_t i = static_cast<int64_t>(take_prev ? prev : prev + 1);
    r.integral = true;
    r.prev = r.next = std::max<int64_t>(i, 0);
  };
  switch (m) {
    case QMethod::lower: r.integral = true; r.prev = static_cast<int64_t>(std::floor((nd - 1) * q)); break;
    case QMethod::higher: r.integral = true; r.prev = static_cast<int64_t>(std::ceil((nd - 1) * q)); break;
    case QMethod::nearest: r.integral = true; r.prev = static_cast<int64_t>(std::nearbyint((nd - 1) * q)); break;
    case QMethod::inverted_cdf: boundary(nd * q - 1, false); break;
    case QMethod::closest_observation: boundary(nd * q - 1 - 0.5, true); break;
    default: break;
  }
  if (r.integral) {
    r.next = r.prev;
    return r;
  }
  if (q_int && (m == QMethod::linear || m == QMethod::averaged_inverted_cdf)) {
    // An integer q keeps NumPy's virtual index integral: a plain take, negative indices wrapping.
    int64_t qi = static_cast<int64_t>(q);
    r.integral = true;
    r.prev = r.next = m == QMethod::linear ? (n - 1) * qi : n * qi - 1;
    return r;
  }
  auto hf = [&](double alpha, double beta) { return nd * q + (alpha + q * ((1 - alpha) - beta)) - 1; };
  double vi;
  switch (m) {
    case QMethod::linear: vi = (nd - 1) * q; break;
    case QMethod::averaged_inverted_cdf: vi = nd * q - 1; break;
    case QMethod::interpolated_inverted_cdf: vi = hf(0, 1); break;
    case QMethod::hazen: vi = hf(0.5, 0.5); break;
    case QMethod::weibull: vi = hf(0, 0); break;
    case QMethod::median_unbiased: vi = hf(1 / 3.0, 1 / 3.0); break;
    case QMethod::normal_unbiased: vi = hf(3 / 8.0, 3 / 8.0); break;
    default: vi = 0.5 * (std::floor((nd - 1) * q) + std::ceil((nd - 1) * q)); break;  // midpoint
  }
  double prev = std::floor(vi), next = prev + 1;
  if (vi >= nd - 1) prev = next = -1;
  if (vi < 0) prev = next = 0;
  if (std::isnan(vi)) prev = next = -1;
  double gamma = vi - prev;  // NumPy uses the index after the bounds fix-up
  if (m == QMethod::averaged_inverted_cdf) gamma = gamma == 0 ? 0.5 : 1.0;
  if (m == QMethod::midpoint) gamma = std::fmod(vi, 1.0) == 0 ? 0.0 : 0.5;
  r.prev = static_cast<int64_t>(prev);
  r.next = static_cast<int64_t>(next);
  r.gamma = gamma;
  return r;
}

int64_t wrap_index(int64_t i, int64_t n) { return i < 0 ? i + n : i; }

void check_q(const std::vector<double>& qv, bool percent) {
  for (double x : qv)
    if (!(x >= 0.0 && x <= 1.0))
      throw_value(percent ? "Percentiles must be in the range [0, 100]" : "Quantiles must be in the range [0, 1]");
}


Array finish(Array r, const Lanes& L, int32_t lead_ndim, const int64_t* lead, bool keepdims, Array* out) {
  if (keepdims) {
    int64_t shape[kMaxDims];
    int32_t nd = 0;
    for (int32_t i = 0; i < lead_ndim; ++i) shape[nd++] = lead[i];
    for (int32_t i = 0; i < L.keep_ndim; ++i) shape[nd++] = L.keep[i];
    r = reshape(r, nd, shape, CNP_ORDER_C);
  }
  if (out) {
    out->require_writeable();
    assign(*out, r, CNP_CASTING_UNSAFE);
    return *out;
  }
  return r;
}

}  // namespace

std::vector<int32_t> normalize_axis_tuple(const int64_t* axes, int32_t naxes, int32_t ndim) {
  std::vector<int32_t> r;
  if (naxes < 0 || !axes) {
    for (int32_t i = 0; i < ndim; ++i) r.push_back(i);
    return r;
  }
  bool seen[kMaxDims] = {};
  for (int32_t k = 0; k < naxes; ++k) {
    const auto ax = static_cast<int32_t>(normalize_axis(axes[k], ndim));
    if (seen[ax]) throw_value("repeated axis");
    seen[ax] = true;
    r.push_back(ax);
  }
  return r;
}

QMethod parse_qmethod(const char* name) {
  static const char* const kNames[] = {"inverted_cdf", "averaged_inverted_cdf", "closest_observation",
                                       "interpolated_inverted_cdf", "hazen", "weibull", "linear",
                                       "median_unbiased", "normal_unbiased", "lower", "higher", "midpoint",
                                       "nearest"};
  if (!name) return QMethod::linear;
  for (int i = 0; i < 13; ++i)
    if (std::strcmp(name, kNames[i]) == 0) return static_cast<QMethod>(i);
  std::string keys;
  for (int i = 0; i < 13; ++i) keys += std::string(i ? ", '" : "'") + kNames[i] + "'";
  throw_value("'" + std::string(name) + "' is not a valid method. Use one of: dict_keys([" + keys + "])");
}

Array quantile(const Array& a, const Array& q, const Axes& ax, QMethod m, bool keepdims, bool skip_nan,
               bool percent, Array* out) {
  if (q.ndim() > 2) throw_value("q must be a scalar or 1d");
  const bool q_int = q.dtype()->kind == 'b' || is_integer(q.dtype());
  Array qd = cast_copy(q, builtin_dtype(CNP_FLOAT64), CNP_ORDER_C);
  std::vector<double> qv(static_cast<size_t>(q.size()));
  if (!qv.empty()) std::memcpy(qv.data(), qd.data(), qv.size() * sizeof(double));
  check_q(qv, percent);

  Lanes L = make_lanes(a, ax);
  const int64_t nq = static_cast<int64_t>(qv.size()), count = L.count, n = L.n;
  const bool integral = integral_method(m) || (q_int && (m == QMethod::linear || m == QMethod::averaged_inverted_cdf));
  if (n == 0 && nq > 0 && count > 0 && !skip_nan) throw_index("cannot do a non-empty take from an empty axes.");

  // Result (or interpolation end points) of shape q.shape + kept.
  int64_t oshape[kMaxDims];
  int32_t ond = 0;
  for (int32_t i = 0; i < q.ndim(); ++i) oshape[ond++] = q.shape(i);
  for (int32_t i = 0; i < L.kept_ndim; ++i) oshape[ond++] = L.kept[i];
  Array P = Array::allocate(a.dtype(), ond, oshape, CNP_ORDER_C);
  Array N = integral ? Array() : Array::allocate(a.dtype(), ond, oshape, CNP_ORDER_C);
  // gamma: one per q (NumPy's shape q.shape + (1,)*kept) unless lanes differ in length (nan*).
  int64_t gshape[kMaxDims];
  int32_t gnd = 0;
  for (int32_t i = 0; i < q.ndim(); ++i) gshape[gnd++] = q.shape(i);
  for (int32_t i = 0; i < L.kept_ndim; ++i) gshape[gnd++] = skip_nan ? L.kept[i] : 1;
  Array G = integral ? Array() : Array::allocate(builtin_dtype(CNP_FLOAT64), gnd, gshape, CNP_ORDER_C);
  std::vector<char> nan_lane(static_cast<size_t>(count), 0);
  int64_t all_nan = 0;  // lanes with nothing left after skipping NaNs

  visit_type(a.dtype()->typenum, [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* base = reinterpret_cast<T*>(L.data.data());
    T* pp = reinterpret_cast<T*>(P.data());
    T* np_ = integral ? nullptr : reinterpret_cast<T*>(N.data());
    double* gp = integral ? nullptr : reinterpret_cast<double*>(G.data());
    std::vector<QIndex> idx(static_cast<size_t>(nq));
    if (!skip_nan)
      for (int64_t j = 0; j < nq; ++j) {
        idx[j] = qindex(m, n, qv[j], q_int);
        if (gp) gp[j] = idx[j].gamma;
      }
    for (int64_t l = 0; l < count; ++l) {
      T* v = base + l * n;
      int64_t nan_at = 0;
      int64_t nv = prepare_lane(v, n, skip_nan, &nan_at);
      if (nv <= 0) {  // NaN propagates, or nothing left after skipping NaNs
        nan_lane[l] = 1;
        all_nan += skip_nan;
        T fill = nv < 0 ? v[nan_at] : T{};
        for (int64_t j = 0; j < nq; ++j) {
          pp[j * count + l] = fill;
          if (np_) np_[j * count + l] = fill;
          if (gp && skip_nan) gp[j * count + l] = 0;
        }
        continue;
      }
      std::vector<int64_t> ks;
      for (int64_t j = 0; j < nq; ++j) {
        if (skip_nan) {
          idx[j] = qindex(m, nv, qv[j], q_int);
          if (gp) gp[j * count + l] = idx[j].gamma;
        }
        int64_t p = wrap_index(idx[j].prev, nv), x = wrap_index(idx[j].next, nv);
        if (p < 0 || p >= nv || x < 0 || x >= nv) throw_index("index out of bounds in quantile");
        ks.push_back(p);
        ks.push_back(x);
      }
      std::sort(ks.begin(), ks.end());
      ks.erase(std::unique(ks.begin(), ks.end()), ks.end());
      select_many(v, nv, ks);
      for (int64_t j = 0; j < nq; ++j) {
        pp[j * count + l] = v[wrap_index(idx[j].prev, nv)];
        if (np_) np_[j * count + l] = v[wrap_index(idx[j].next, nv)];
      }
    }
  });
  // NumPy warns once per all-NaN slice (its nan-functions run slice by slice).
  for (int64_t i = 0; i < all_nan; ++i) warn(CNP_WARN_RUNTIME, "All-NaN slice encountered");

  Array r;
  if (integral) {
    r = P;
  } else {
    // NumPy's _lerp: a + (b - a) * t, and b - (b - a) * (1 - t) where t >= 0.5.
    Array diff = ufunc::call2(Id::subtract, N, P);
    r = ufunc::call2(Id::add, P, ufunc::call2(Id::multiply, diff, G));
    Array upper = ufunc::call2(Id::greater_equal, G, ufunc::weak_float(0.5));
    ufunc::Args args;
    args.out[0] = &r;
    args.where = &upper;
    Array one_minus = ufunc::call2(Id::subtract, ufunc::weak_float(1.0), G);
    ufunc::call2(Id::subtract, N, ufunc::call2(Id::multiply, diff, one_minus), args);
  }
  bool inexact_a = a.dtype()->kind == 'f' || a.dtype()->kind == 'c';
  const bool any_nan = std::find(nan_lane.begin(), nan_lane.end(), 1) != nan_lane.end();
  if (inexact_a && any_nan && !skip_nan && r.ndim() == 0 && out == nullptr) {
    // NumPy 1.24 answers a 0-d result that met a NaN with the NaN element itself (arr[-1]),
    // so it keeps the input's precision (float32 stays float32) where the interpolated result
    // would have been float64.
    r = P;
  } else if (inexact_a && any_nan) {
    const Array nan = double_scalar(NAN, r.dtype());  // r is a fresh C-contiguous result
    for (int64_t l = 0; l < count; ++l)
      if (nan_lane[l])
        for (int64_t j = 0; j < nq; ++j) std::memcpy(r.data() + (j * count + l) * r.itemsize(), nan.data(), r.itemsize());
  }
  return finish(r, L, q.ndim(), q.shape(), keepdims, out);
}

namespace {

// Accumulator of NumPy's mean for a type: float16 -> float32, integers and bool -> float64.
template <class T> struct MeanAcc { using type = double; };
template <> struct MeanAcc<half_t> { using type = float; };
template <> struct MeanAcc<float> { using type = float; };
template <> struct MeanAcc<c64_t> { using type = c64_t; };
template <> struct MeanAcc<c128_t> { using type = c128_t; };

template <class T>
typename MeanAcc<T>::type to_acc(const T& v) {
  if constexpr (std::is_same_v<T, half_t>) return half_to_float(v.bits);
  else if constexpr (std::is_same_v<T, bool_t>) return v.v != 0 ? 1.0 : 0.0;
  else return static_cast<typename MeanAcc<T>::type>(v);
}

}  // namespace

namespace {

// NumPy's median ends in mean(part[indexer], axis, out=out) over the one or two middle values
// (after moving several reduced axes to one last axis), and with keepdims hands down
// out[..., 0 at each reduced axis]: that indexing and that reduction's checks of `out` apply.
// Returns the out to write (a view of *out for keepdims), or nullptr when none was given.
Array* median_out(const Array& a, const Axes& ax, int64_t n, bool keepdims, Array* out, Array& view) {
  if (!out) return nullptr;
  const int32_t nd = a.ndim();
  Array* target = out;
  if (keepdims) {
    if (out->ndim() < nd)
      throw_index("too many indices for array: array is " + std::to_string(out->ndim()) + "-dimensional, but " +
                  std::to_string(nd) + " were indexed");
    const int32_t lead = out->ndim() - nd;
    int64_t shape[kMaxDims], strides[kMaxDims];
    int32_t k = 0;
    for (int32_t d = 0; d < out->ndim(); ++d) {
      if (d >= lead && (ax.all || ax.mask[d - lead])) {
        if (out->shape(d) == 0)
          throw_index("index 0 is out of bounds for axis " + std::to_string(d) + " with size 0");
        continue;
      }
      shape[k] = out->shape(d);
      strides[k++] = out->stride(d);
    }
    view = out->view(k, shape, strides, out->data());
    target = &view;
  }
  if (n == 0) return target;
  int64_t shape[kMaxDims], zeros[kMaxDims] = {};
  Axes sax;
  int32_t nred = 0, snd = 0;
  for (int32_t d = 0; d < nd; ++d) nred += (ax.all || ax.mask[d]) ? 1 : 0;
  const int64_t mid = n % 2 ? 1 : 2;
  if (nred == 1 && nd > 0) {
    for (int32_t d = 0; d < nd; ++d) {
      sax.mask[d] = ax.all || ax.mask[d];
      shape[snd++] = sax.mask[d] ? mid : a.shape(d);
    }
  } else {
    for (int32_t d = 0; d < nd; ++d)
      if (!(ax.all || ax.mask[d])) shape[snd++] = a.shape(d);
    sax.mask[snd] = true;
    shape[snd++] = mid;
  }
  // Only the shape of this stand-in for part[indexer] is read.
  check_out("add", target->view(snd, shape, zeros, target->data()), sax, false, target);
  return target;
}

}  // namespace

Array median(const Array& a, const Axes& ax, bool keepdims, bool skip_nan, Array* out) {
  Lanes L = make_lanes(a, ax);
  const int32_t t = a.dtype()->typenum;
  const bool inexact = a.dtype()->kind == 'f' || a.dtype()->kind == 'c';
  if (!inexact) skip_nan = false;
  Array out_view;
  Array* const given_out = out;
  if (!skip_nan) {  // nanmedian broadcasts into out, as NumPy's does (for inexact input)
    out = median_out(a, ax, L.n, keepdims, out, out_view);
    if (out == &out_view) keepdims = false;  // the view has the reduced axes dropped
  }
  if (L.n == 0 && !skip_nan) {
    // NumPy takes the mean of an empty selection: nan with "Mean of empty slice."
    Axes last;
    last.mask[L.kept_ndim] = true;
    int64_t shape[kMaxDims];
    for (int32_t i = 0; i < L.kept_ndim; ++i) shape[i] = L.kept[i];
    shape[L.kept_ndim] = 0;
    Opts o;
    Array e = Array::allocate(a.dtype(), L.kept_ndim + 1, shape, CNP_ORDER_C);
    Array res = finish(mean(e, last, o), L, 0, nullptr, keepdims, out);
    return out == &out_view ? *given_out : res;
  }
  int fpe = 0;  // flags of the middle values' sum (NumPy's mean: "... encountered in reduce")
  const Dtype* rd = builtin_dtype(inexact ? t : CNP_FLOAT64);
  Array r = Array::allocate(rd, L.kept_ndim, L.kept, CNP_ORDER_C);
  const Array nan = double_scalar(NAN, rd);
  std::atomic<int64_t> all_nan{0};  // lanes may run on several threads
  visit_type(t, [&](auto tag) {
    using T = typename decltype(tag)::type;
    using A = typename MeanAcc<T>::type;
    T* base = reinterpret_cast<T*>(L.data.data());
    char* rp = r.data();
    const int64_t isz = r.itemsize();
    auto store = [&](int64_t l, A v) {
      if constexpr (std::is_same_v<T, half_t>) st<half_t>(rp + l * isz, half_t{float_to_half(v)});
      else if constexpr (std::is_same_v<A, double> && !std::is_same_v<T, double>) st<double>(rp + l * isz, v);
      else st<T>(rp + l * isz, static_cast<T>(v));
    };
    auto body = [&](int64_t l) {
      T* v = base + l * L.n;
      int64_t nan_at = 0;
      int64_t nv = prepare_lane(v, L.n, skip_nan, &nan_at);
      if (nv < 0) {  // NumPy copies the NaN it found at the end of the partition
        store(l, to_acc(v[nan_at]));
        return;
      }
      if (nv == 0) {
        all_nan.fetch_add(1, std::memory_order_relaxed);
        std::memcpy(rp + l * isz, nan.data(), isz);
        return;
      }
      int64_t mid = nv / 2;
      std::nth_element(v, v + mid, v + nv, q_less<T>);
      A hi = to_acc(v[mid]);
      if (nv % 2) {
        store(l, hi / A(1));
      } else {
        A lo = to_acc(*std::max_element(v, v + mid, q_less<T>));
        A sum = lo;
        fpe_clear();
        sum += hi;
        fpe |= fpe_read();
        store(l, sum / A(2));
      }
    };
    for (int64_t l = 0; l < L.count; ++l) body(l);
  });
  for (int64_t i = 0; i < all_nan.load(); ++i) warn(CNP_WARN_RUNTIME, "All-NaN slice encountered");
  if (!skip_nan) fpe_report(fpe & (FE_OVERFLOW | FE_INVALID), "reduce");
  Array res = finish(r, L, 0, nullptr, keepdims, out);
  return out == &out_view ? *given_out : res;
}

}  // namespace cnp::statistics
