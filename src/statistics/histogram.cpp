// numpy.bincount and numpy.histogram (numpy/lib/histograms.py, 1.24). For a bin count, NumPy
// computes each element's bin arithmetically in the edges' dtype, then corrects it against the
// linspace edges; we do the same per element (no temporaries), in blocks of 65536 for weighted
// sums like NumPy so the rounding of the totals matches.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <string>

#include "core/cast.hpp"
#include "core/creation.hpp"
#include "core/dtype.hpp"
#include "core/types.hpp"
#include "statistics/statistics.hpp"
#include "ufunc/execute.hpp"

namespace cnp::statistics {
namespace {

using ufunc::Id;
constexpr int64_t kBlock = 65536;

const Dtype* dt(int32_t t) { return builtin_dtype(t); }

std::vector<double> as_doubles(const Array& a) {
  Array c = cast_copy(a, dt(CNP_FLOAT64), CNP_ORDER_C);
  std::vector<double> v(static_cast<size_t>(a.size()));
  if (!v.empty()) std::memcpy(v.data(), c.data(), v.size() * sizeof(double));
  return v;
}

Array from_doubles(const std::vector<double>& v, const Dtype* d) {
  int64_t n = static_cast<int64_t>(v.size());
  Array t = Array::allocate(dt(CNP_FLOAT64), 1, &n, CNP_ORDER_C);
  if (n) std::memcpy(t.data(), v.data(), v.size() * sizeof(double));
  return d->typenum == CNP_FLOAT64 ? t : cast_copy(t, d, CNP_ORDER_C);
}

std::string repr_double(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  for (int p = 1; p <= 17; ++p) {  // Python's repr: the shortest round-tripping form
    std::snprintf(buf, sizeof buf, "%.*g", p, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  std::string s = buf;
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  return s;
}

// Rounds a value to the edges' dtype (float16 and float32 compute in float, float64 in double).
struct BinType {
  int32_t t;
  double r(double x) const {
    if (t == CNP_FLOAT16) return half_to_float(double_to_half(x));
    if (t == CNP_FLOAT32) return static_cast<float>(x);
    return x;
  }
};

// Per-bin totals in the weights' dtype: counts (int64), or real/imaginary double sums rounded to
// the weights' dtype after each block, as NumPy's n += bincount(...).astype(ntype) does.
struct Totals {
  const Dtype* ntype;
  std::vector<double> re, im, blk_re, blk_im;
  std::vector<int64_t> cnt;
  explicit Totals(const Dtype* t, int64_t nb) : ntype(t) {
    if (!t) {
      cnt.assign(static_cast<size_t>(nb), 0);
    } else {
      re.assign(static_cast<size_t>(nb), 0);
      im.assign(static_cast<size_t>(nb), 0);
      blk_re = re;
      blk_im = im;
    }
  }
  double round(double x) const {
    switch (ntype->typenum) {
      case CNP_FLOAT16: return half_to_float(double_to_half(x));
      case CNP_FLOAT32: case CNP_COMPLEX64: return static_cast<float>(x);
      case CNP_FLOAT64: case CNP_COMPLEX128: return x;
      case CNP_BOOL: return x != 0;
      default: return std::trunc(x);
    }
  }
  void end_block() {
    if (!ntype) return;
    for (size_t i = 0; i < re.size(); ++i) {
      re[i] = round(re[i] + round(blk_re[i]));
      im[i] = round(im[i] + round(blk_im[i]));
      blk_re[i] = blk_im[i] = 0;
    }
  }
  Array result() const {
    if (!ntype) {
      int64_t n = static_cast<int64_t>(cnt.size());
      Array r = Array::allocate(dt(CNP_INT64), 1, &n, CNP_ORDER_C);
      if (n) std::memcpy(r.data(), cnt.data(), cnt.size() * sizeof(int64_t));
      return r;
    }
    if (ntype->kind != 'c') return from_doubles(re, ntype);
    int64_t n = static_cast<int64_t>(re.size());
    Array r = Array::allocate(dt(CNP_COMPLEX128), 1, &n, CNP_ORDER_C);
    auto* p = reinterpret_cast<double*>(r.data());
    for (int64_t i = 0; i < n; ++i) {
      p[2 * i] = re[i];
      p[2 * i + 1] = im[i];
    }
    return ntype->typenum == CNP_COMPLEX128 ? r : cast_copy(r, ntype, CNP_ORDER_C);
  }
};

// Weights as (real, imag) doubles in a's flattened order.
void load_weights(const Array* w, std::vector<double>* wr, std::vector<double>* wi) {
  if (!w) return;
  if (w->dtype()->kind == 'c') {
    Array c = cast_copy(*w, dt(CNP_COMPLEX128), CNP_ORDER_C);
    const auto* p = reinterpret_cast<const double*>(c.data());
    for (int64_t i = 0; i < w->size(); ++i) {
      wr->push_back(p[2 * i]);
      wi->push_back(p[2 * i + 1]);
    }
  } else {
    *wr = as_doubles(*w);
    wi->assign(wr->size(), 0.0);
  }
}

}  // namespace

Array bincount(const Array& x, const Array* weights, int64_t minlength) {
  if (x.ndim() > 1) throw_value("object too deep for desired array");
  if (x.ndim() < 1) throw_value("object of too small depth for desired array");
  if (!can_cast(x.dtype(), dt(CNP_INT64), CNP_CASTING_SAFE))
    throw_type("Cannot cast array data from " + dtype_repr(x.dtype()) + " to dtype('int64') according to the rule 'safe'");
  if (minlength < 0) throw_value("'minlength' must not be negative");
  Array xi = cast_copy(x, dt(CNP_INT64), CNP_ORDER_C);
  const auto* xp = reinterpret_cast<const int64_t*>(xi.data());
  const int64_t n = x.size();
  int64_t mx = -1;
  for (int64_t i = 0; i < n; ++i) {
    if (xp[i] < 0) throw_value("'list' argument must have no negative elements");
    mx = std::max(mx, xp[i]);
  }
  const int64_t len = std::max(mx + 1, minlength);
  if (!weights) {
    Array r = Array::allocate(dt(CNP_INT64), 1, &len, CNP_ORDER_C, true);
    auto* rp = reinterpret_cast<int64_t*>(r.data());
    for (int64_t i = 0; i < n; ++i) ++rp[xp[i]];
    return r;
  }
  if (weights->ndim() != 1) throw_value(weights->ndim() > 1 ? "object too deep for desired array"
                                                             : "object of too small depth for desired array");
  if (weights->shape(0) != n) throw_value("The weights and list don't have the same length.");
  std::vector<double> w = as_doubles(*weights);
  Array r = Array::allocate(dt(CNP_FLOAT64), 1, &len, CNP_ORDER_C, true);
  auto* rp = reinterpret_cast<double*>(r.data());
  for (int64_t i = 0; i < n; ++i) rp[xp[i]] += w[i];
  return r;
}

void histogram(const Array& a0, int64_t nbins, const Array* edges_in, const double* range, const Array* weights,
               bool density, Array* hist, Array* bin_edges) {
  if (weights) {
    bool same = weights->ndim() == a0.ndim();
    for (int32_t i = 0; same && i < a0.ndim(); ++i) same = weights->shape(i) == a0.shape(i);
    if (!same) throw_value("weights should have the same shape as a.");
  }
  if (a0.dtype()->kind == 'c') throw_type("histogram of complex values is not supported");
  Array a = a0;
  if (a.dtype()->kind == 'b') {
    warn(CNP_WARN_RUNTIME, "Converting input from bool to <class 'numpy.uint8'> for compatibility.");
    a = cast_copy(a0, dt(CNP_UINT8), CNP_ORDER_C);
  }
  const int64_t n = a.size();
  const std::vector<double> x = as_doubles(a);  // every supported dtype is exact in double except big int64
  std::vector<double> wr, wi;
  load_weights(weights, &wr, &wi);
  const Dtype* ntype = weights ? weights->dtype() : nullptr;
  // Counts (or weight totals) per bin; bin_of gives an element's bin or -1 (outside).
  auto count_bins = [&](int64_t nbins_, auto bin_of) {
    Totals tot(ntype, nbins_);
    for (int64_t b0 = 0; b0 < n; b0 += kBlock) {
      const int64_t b1 = std::min(n, b0 + kBlock);
      for (int64_t i = b0; i < b1; ++i) {
        const int64_t k = bin_of(x[i]);
        if (k < 0) continue;
        if (!ntype) {
          ++tot.cnt[k];
        } else {
          tot.blk_re[k] += wr[i];
          tot.blk_im[k] += wi[i];
        }
      }
      tot.end_block();
    }
    return tot.result();
  };

  Array edges;
  int64_t nb;
  if (!edges_in) {
    if (nbins < 1) throw_value("`bins` must be positive, when an integer");
    const bool is_float = a.dtype()->kind == 'f';
    BinType B{is_float ? a.dtype()->typenum : CNP_FLOAT64};
    double first, last;
    if (range) {
      first = range[0];
      last = range[1];
      if (first > last) throw_value("max must be larger than min in range parameter.");
      if (!std::isfinite(first) || !std::isfinite(last))
        throw_value("supplied range of [" + repr_double(first) + ", " + repr_double(last) + "] is not finite");
    } else if (n == 0) {
      first = 0;
      last = 1;
    } else {
      first = *std::min_element(x.begin(), x.end());
      last = *std::max_element(x.begin(), x.end());
      for (double v : x)
        if (std::isnan(v)) first = last = NAN;
      if (!std::isfinite(first) || !std::isfinite(last))
        throw_value("autodetected range of [" + repr_double(first) + ", " + repr_double(last) + "] is not finite");
    }
    // NumPy 1.24: a.min() - 0.5 is a NumPy scalar minus a Python float, computed in float64.
    if (first == last) {
      first -= 0.5;
      last += 0.5;
    }
    nb = nbins;
    // nbins + 1 edges do not fit int64: NumPy's linspace(..., 2**63) comes out empty and its
    // edges[-1] = stop fails.
    if (nb == INT64_MAX) throw_index("index -1 is out of bounds for axis 0 with size 0");
    edges = linspace(double_scalar(first), double_scalar(last), nb + 1, true, dt(B.t), 0, nullptr);
    const std::vector<double> e = as_doubles(edges);
    // The bin arithmetic runs in the edges' dtype (the scalars meet an array of that dtype); the
    // span is one subtraction of the two edges, rounded to that dtype.
    const double fe = B.r(first), le = B.r(last);
    const double denom = B.r(last - first);
    const double nbd = static_cast<double>(nb);
    *hist = count_bins(nb, [&](double xv) -> int64_t {
      const double v = B.r(xv);
      if (!(v >= fe && v <= le)) return -1;
      const double f = B.r(B.r(B.r(v - fe) / denom) * nbd);
      int64_t k = f >= 0 && f < nbd ? static_cast<int64_t>(f) : (f >= nbd ? nb - 1 : 0);  // NaN: 0
      if (k == nb) --k;
      if (k > 0 && v < e[k]) --k;
      if (v >= e[k + 1] && k != nb - 1) ++k;
      return k;
    });
  } else {
    if (edges_in->ndim() != 1) throw_value("`bins` must be 1d, when an array");
    const std::vector<double> e = as_doubles(*edges_in);
    for (size_t i = 1; i < e.size(); ++i)
      if (e[i - 1] > e[i]) throw_value("`bins` must increase monotonically, when an array");
    edges = *edges_in;
    nb = static_cast<int64_t>(e.size()) - 1;
    auto bin_of = [&](double v) -> int64_t {  // NumPy's searchsorted-based counting
      if (nb < 1 || std::isnan(v)) return -1;
      int64_t k = (std::upper_bound(e.begin(), e.end(), v) - e.begin()) - 1;
      if (k == nb && v <= e[nb]) k = nb - 1;
      return k >= 0 && k < nb ? k : -1;
    };
    *hist = count_bins(std::max<int64_t>(nb, 0), bin_of);
  }
  *bin_edges = edges;
  if (density) {
    // n / array(diff(edges), float) / n.sum(): the differences are taken in the edges' own
    // dtype (float32 edges subtract in float32), then widened.
    const int64_t cnt = std::max<int64_t>(nb, 0), st = edges.ndim() ? edges.stride(0) : 0;
    Array hi = edges.view(1, &cnt, &st, edges.data() + st), lo = edges.view(1, &cnt, &st, edges.data());
    Array db = cast_copy(ufunc::call2(Id::subtract, hi, lo), dt(CNP_FLOAT64), CNP_ORDER_C);
    Axes all;
    all.all = true;
    all.mask[0] = true;
    Opts o;
    Array total = sum(*hist, all, o);
    *hist = ufunc::call2(Id::divide, ufunc::call2(Id::divide, *hist, db), total);
  }
}

}  // namespace cnp::statistics
