// The distribution methods of Generator and RandomState (see draw.hpp): one table entry per
// method with its parameters' names and constraints (NumPy's _common.pyx constraint kinds and
// messages), the extra checks some methods make first, and the per-element draw.
#include "random/draw.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "core/broadcast.hpp"
#include "core/cast.hpp"
#include "core/error.hpp"
#include "core/parallel.hpp"
#include "random/distributions.hpp"
#include "random/legacy.hpp"
#include "random/ziggurat.hpp"

namespace cnp::random {

namespace {

enum Cons : uint8_t { NONE, NON_NEG, POS, POS_NOT_NAN, B01, BGT01, BLT01, GT1, GTE1, POISSON, LPOISSON };

// NumPy's POISSON_LAM_MAX: int64 max less ten standard deviations (long is int64 here too).
const double kPoissonLamMax = double(INT64_MAX) - std::sqrt(double(INT64_MAX)) * 10;

union V {
  double d;
  int64_t i;
};

// A parameter broadcast to the output: its values (float64 or int64, C order) and strides in
// elements over the output's axes.
struct Param {
  Array arr;
  bool integer = false;
  int64_t strides[kMaxDims] = {};
};

// Validation of one parameter (an array of values) with NumPy's scalar or array wording.
void check(const Param& p, const char* name, Cons cons, bool scalar) {
  if (cons == NONE) return;
  const int64_t n = p.arr.size();
  auto val = [&](int64_t k) {
    return p.integer ? double(reinterpret_cast<const int64_t*>(p.arr.data())[k])
                     : reinterpret_cast<const double*>(p.arr.data())[k];
  };
  const std::string nm = name;
  auto any = [&](auto pred) {
    for (int64_t k = 0; k < n; ++k)
      if (pred(val(k))) return true;
    return false;
  };
  switch (cons) {
    case NON_NEG:
      if (any([](double v) { return !std::isnan(v) && std::signbit(v); })) throw_value(nm + " < 0");
      break;
    case POS:
    case POS_NOT_NAN:
      if (cons == POS_NOT_NAN && any([](double v) { return std::isnan(v); })) throw_value(nm + " must not be NaN");
      if (any([](double v) { return v <= 0; })) throw_value(nm + " <= 0");
      break;
    case B01:
      if (any([](double v) { return !(v >= 0) || !(v <= 1); }))
        throw_value(scalar ? nm + " < 0, " + nm + " > 1 or " + nm + " is NaN"
                           : nm + " < 0, " + nm + " > 1 or " + nm + " contains NaNs");
      break;
    case BGT01:
      if (any([](double v) { return !(v > 0) || !(v <= 1); }))
        throw_value(nm + " <= 0, " + nm + " > 1 or " + nm + " contains NaNs");
      break;
    case BLT01:
      if (any([](double v) { return !(v >= 0) || !(v < 1); }))
        throw_value(scalar ? nm + " < 0, " + nm + " >= 1 or " + nm + " is NaN"
                           : nm + " < 0, " + nm + " >= 1 or " + nm + " contains NaNs");
      break;
    case GT1:
      if (any([](double v) { return !(v > 1); }))
        throw_value(scalar ? nm + " <= 1 or " + nm + " is NaN" : nm + " <= 1 or " + nm + " contains NaNs");
      break;
    case GTE1:
      if (any([](double v) { return !(v >= 1); }))
        throw_value(scalar ? nm + " < 1 or " + nm + " is NaN" : nm + " < 1 or " + nm + " contains NaNs");
      break;
    case POISSON:
    case LPOISSON:
      if (scalar) {
        if (any([](double v) { return !(v >= 0); })) throw_value(nm + " < 0 or " + nm + " is NaN");
        if (any([](double v) { return !(v <= kPoissonLamMax); })) throw_value(nm + " value too large");
      } else {
        if (any([](double v) { return !(v <= kPoissonLamMax); })) throw_value(nm + " value too large");
        if (any([](double v) { return !(v >= 0.0); })) throw_value(nm + " < 0 or " + nm + " contains NaNs");
      }
      break;
    default: break;
  }
}

struct P {
  const char* name;
  Cons cons;
  bool integer;
};
using FD = double (*)(BitGen&, const V*);
using FI = int64_t (*)(BitGen&, const V*, BinomialCache&);
using Extra = void (*)(std::vector<Param>& p, bool scalar);

// Which class a method belongs to: Generator (G), RandomState (L) or both (B).
enum Who : uint8_t { G, L, B };

struct Method {
  const char* name;
  Who who;
  int n;
  P p[3];
  FD fd;
  FI fi;
  Extra extra;
};

int64_t ival(const Param& p, int64_t k) { return reinterpret_cast<const int64_t*>(p.arr.data())[k]; }
template <class Pred>
bool any_of(const Param& p, Pred pred) {
  for (int64_t k = 0, n = p.arr.size(); k < n; ++k)
    if (pred(k)) return true;
  return false;
}

// uniform: the second parameter becomes high - low (NumPy draws low + range * U).
void uniform_range(std::vector<Param>& p, bool scalar, bool legacy) {
  Array* arrs[2] = {&p[0].arr, &p[1].arr};
  int64_t shape[kMaxDims];
  const Array* cs[2] = {arrs[0], arrs[1]};
  const int32_t nd = broadcast_shape(2, cs, shape, BroadcastError::Ufunc);
  Array range = Array::allocate(builtin_dtype(CNP_FLOAT64), nd, shape, CNP_ORDER_C);
  int64_t s0[kMaxDims], s1[kMaxDims];
  broadcast_strides(p[0].arr, nd, shape, s0);
  broadcast_strides(p[1].arr, nd, shape, s1);
  const int64_t n = range.size();
  std::vector<int64_t> idx(size_t(nd), 0);
  double* out = reinterpret_cast<double*>(range.data());
  const char* b0 = p[0].arr.data();
  const char* b1 = p[1].arr.data();
  int64_t o0 = 0, o1 = 0;
  bool finite = true;
  for (int64_t k = 0; k < n; ++k) {
    const double r = *reinterpret_cast<const double*>(b1 + o1) - *reinterpret_cast<const double*>(b0 + o0);
    if (!std::isfinite(r)) finite = false;
    out[k] = r;
    for (int32_t d = nd - 1; d >= 0; --d) {
      if (++idx[size_t(d)] < shape[d]) {
        o0 += s0[d];
        o1 += s1[d];
        break;
      }
      o0 -= s0[d] * (shape[d] - 1);
      o1 -= s1[d] * (shape[d] - 1);
      idx[size_t(d)] = 0;
    }
  }
  if (!finite)
    throw Error(CNP_ERR_OVERFLOW, scalar && !legacy ? "high - low range exceeds valid bounds" : "Range exceeds valid bounds");
  p[1].arr = std::move(range);
  if (!legacy) check(p[1], "high - low", NON_NEG, scalar);
}

void triangular_checks(std::vector<Param>& p, bool) {
  auto bc = [&](int a, int b, auto pred) {
    // compare the broadcast pairs: any(pred(x, y)) over the broadcast of the two parameters
    const Array* cs[2] = {&p[size_t(a)].arr, &p[size_t(b)].arr};
    int64_t shape[kMaxDims], sa[kMaxDims], sb[kMaxDims];
    const int32_t nd = broadcast_shape(2, cs, shape, BroadcastError::Ufunc);
    broadcast_strides(*cs[0], nd, shape, sa);
    broadcast_strides(*cs[1], nd, shape, sb);
    int64_t n = 1;
    for (int32_t d = 0; d < nd; ++d) n *= shape[d];
    std::vector<int64_t> idx(size_t(nd), 0);
    int64_t oa = 0, ob = 0;
    for (int64_t k = 0; k < n; ++k) {
      if (pred(*reinterpret_cast<const double*>(cs[0]->data() + oa), *reinterpret_cast<const double*>(cs[1]->data() + ob)))
        return true;
      for (int32_t d = nd - 1; d >= 0; --d) {
        if (++idx[size_t(d)] < shape[d]) {
          oa += sa[d];
          ob += sb[d];
          break;
        }
        oa -= sa[d] * (shape[d] - 1);
        ob -= sb[d] * (shape[d] - 1);
        idx[size_t(d)] = 0;
      }
    }
    return false;
  };
  if (bc(0, 1, [](double l, double m) { return l > m; })) throw_value("left > mode");
  if (bc(1, 2, [](double m, double r) { return m > r; })) throw_value("mode > right");
  if (bc(0, 2, [](double l, double r) { return l == r; })) throw_value("left == right");
}

// any(ngood + nbad < nsample) over the broadcast of the three.
bool sum_less(std::vector<Param>& p) {
  const Array* cs[3] = {&p[0].arr, &p[1].arr, &p[2].arr};
  int64_t shape[kMaxDims], s[3][kMaxDims];
  const int32_t nd = broadcast_shape(3, cs, shape, BroadcastError::Ufunc);
  for (int i = 0; i < 3; ++i) broadcast_strides(*cs[i], nd, shape, s[i]);
  int64_t n = 1;
  for (int32_t d = 0; d < nd; ++d) n *= shape[d];
  std::vector<int64_t> idx(size_t(nd), 0);
  int64_t o[3] = {0, 0, 0};
  for (int64_t k = 0; k < n; ++k) {
    auto at = [&](int i) { return *reinterpret_cast<const int64_t*>(cs[i]->data() + o[i]); };
    if (int64_t(uint64_t(at(0)) + uint64_t(at(1))) < at(2)) return true;
    for (int32_t d = nd - 1; d >= 0; --d) {
      if (++idx[size_t(d)] < shape[d]) {
        for (int i = 0; i < 3; ++i) o[i] += s[i][d];
        break;
      }
      for (int i = 0; i < 3; ++i) o[i] -= s[i][d] * (shape[d] - 1);
      idx[size_t(d)] = 0;
    }
  }
  return false;
}

void hypergeometric_checks(std::vector<Param>& p, bool scalar) {
  constexpr int64_t kMax = 1000000000;
  if (any_of(p[0], [&](int64_t k) { return ival(p[0], k) >= kMax; }) ||
      any_of(p[1], [&](int64_t k) { return ival(p[1], k) >= kMax; }))
    throw_value("both ngood and nbad must be less than 1000000000");
  if (sum_less(p)) throw_value("ngood + nbad < nsample");
  check(p[0], "ngood", NON_NEG, scalar);
  check(p[1], "nbad", NON_NEG, scalar);
  check(p[2], "nsample", NON_NEG, scalar);
}

void legacy_hypergeometric_checks(std::vector<Param>& p, bool scalar) {
  if (sum_less(p)) throw_value("ngood + nbad < nsample");
  check(p[0], "ngood", NON_NEG, scalar);
  check(p[1], "nbad", NON_NEG, scalar);
  check(p[2], "nsample", GTE1, scalar);
}

void binomial_checks(std::vector<Param>& p, bool scalar) {  // NumPy checks p before n
  check(p[1], "p", B01, scalar);
  check(p[0], "n", NON_NEG, scalar);
}

void negative_binomial_checks(std::vector<Param>& p, bool scalar) {
  check(p[0], "n", POS_NOT_NAN, scalar);
  check(p[1], "p", BGT01, scalar);
  // max_lam = (1 - p) / p * (n + 10 * sqrt(n)), elementwise over the broadcast
  const Array* cs[2] = {&p[0].arr, &p[1].arr};
  int64_t shape[kMaxDims], s0[kMaxDims], s1[kMaxDims];
  const int32_t nd = broadcast_shape(2, cs, shape, BroadcastError::Ufunc);
  broadcast_strides(*cs[0], nd, shape, s0);
  broadcast_strides(*cs[1], nd, shape, s1);
  int64_t n = 1;
  for (int32_t d = 0; d < nd; ++d) n *= shape[d];
  std::vector<int64_t> idx(size_t(nd), 0);
  int64_t o0 = 0, o1 = 0;
  for (int64_t k = 0; k < n; ++k) {
    const double nn = *reinterpret_cast<const double*>(cs[0]->data() + o0);
    const double pp = *reinterpret_cast<const double*>(cs[1]->data() + o1);
    const double max_lam = (1 - pp) / pp * (nn + 10 * std::sqrt(nn));
    if (max_lam > kPoissonLamMax) throw_value("n too large or p too small, see Generator.negative_binomial Notes");
    for (int32_t d = nd - 1; d >= 0; --d) {
      if (++idx[size_t(d)] < shape[d]) {
        o0 += s0[d];
        o1 += s1[d];
        break;
      }
      o0 -= s0[d] * (shape[d] - 1);
      o1 -= s1[d] * (shape[d] - 1);
      idx[size_t(d)] = 0;
    }
  }
}

#define D0(expr) [](BitGen & g, const V*) -> double { return expr; }
#define D1(expr) [](BitGen & g, const V* v) -> double { return expr; }
#define I1(expr) [](BitGen & g, const V* v, BinomialCache & c) -> int64_t { (void)c; return expr; }

const Method kMethods[] = {
    {"random", B, 0, {}, D0(g.next_double()), nullptr, nullptr},
    {"tomaxint", L, 0, {}, nullptr, [](BitGen& g, const V*, BinomialCache&) -> int64_t { return int64_t(g.next64() >> 1); }, nullptr},
    {"standard_normal", G, 0, {}, D0(standard_normal(g)), nullptr, nullptr},
    {"standard_normal", L, 0, {}, D0(legacy::gauss(g)), nullptr, nullptr},
    {"standard_exponential", G, 0, {}, D0(standard_exponential(g)), nullptr, nullptr},
    {"standard_exponential_inv", G, 0, {}, D0(-std::log1p(-g.next_double())), nullptr, nullptr},
    {"standard_exponential", L, 0, {}, D0(legacy::standard_exponential(g)), nullptr, nullptr},
    {"standard_cauchy", G, 0, {}, D0(standard_cauchy(g)), nullptr, nullptr},
    {"standard_cauchy", L, 0, {}, D0(legacy::standard_cauchy(g)), nullptr, nullptr},
    {"normal", G, 2, {{"loc", NONE, false}, {"scale", NON_NEG, false}}, D1(v[0].d + v[1].d * standard_normal(g)), nullptr, nullptr},
    {"normal", L, 2, {{"loc", NONE, false}, {"scale", NON_NEG, false}}, D1(v[0].d + v[1].d * legacy::gauss(g)), nullptr, nullptr},
    {"exponential", G, 1, {{"scale", NON_NEG, false}}, D1(v[0].d * standard_exponential(g)), nullptr, nullptr},
    {"exponential", L, 1, {{"scale", NON_NEG, false}}, D1(v[0].d * legacy::standard_exponential(g)), nullptr, nullptr},
    {"uniform", B, 2, {{"low", NONE, false}, {"high", NONE, false}}, D1(v[0].d + v[1].d * g.next_double()), nullptr, nullptr},
    {"standard_gamma", G, 1, {{"shape", NON_NEG, false}}, D1(standard_gamma(g, v[0].d)), nullptr, nullptr},
    {"standard_gamma", L, 1, {{"shape", NON_NEG, false}}, D1(legacy::standard_gamma(g, v[0].d)), nullptr, nullptr},
    {"gamma", G, 2, {{"shape", NON_NEG, false}, {"scale", NON_NEG, false}}, D1(v[1].d * standard_gamma(g, v[0].d)), nullptr, nullptr},
    {"gamma", L, 2, {{"shape", NON_NEG, false}, {"scale", NON_NEG, false}}, D1(v[1].d * legacy::standard_gamma(g, v[0].d)), nullptr, nullptr},
    {"beta", G, 2, {{"a", POS, false}, {"b", POS, false}}, D1(beta(g, v[0].d, v[1].d)), nullptr, nullptr},
    {"beta", L, 2, {{"a", POS, false}, {"b", POS, false}}, D1(legacy::beta(g, v[0].d, v[1].d)), nullptr, nullptr},
    {"f", G, 2, {{"dfnum", POS, false}, {"dfden", POS, false}}, D1(f(g, v[0].d, v[1].d)), nullptr, nullptr},
    {"f", L, 2, {{"dfnum", POS, false}, {"dfden", POS, false}}, D1(legacy::f(g, v[0].d, v[1].d)), nullptr, nullptr},
    {"noncentral_f", G, 3, {{"dfnum", POS, false}, {"dfden", POS, false}, {"nonc", NON_NEG, false}}, D1(noncentral_f(g, v[0].d, v[1].d, v[2].d)), nullptr, nullptr},
    {"noncentral_f", L, 3, {{"dfnum", POS, false}, {"dfden", POS, false}, {"nonc", NON_NEG, false}}, D1(legacy::noncentral_f(g, v[0].d, v[1].d, v[2].d)), nullptr, nullptr},
    {"chisquare", G, 1, {{"df", POS, false}}, D1(chisquare(g, v[0].d)), nullptr, nullptr},
    {"chisquare", L, 1, {{"df", POS, false}}, D1(legacy::chisquare(g, v[0].d)), nullptr, nullptr},
    {"noncentral_chisquare", G, 2, {{"df", POS, false}, {"nonc", NON_NEG, false}}, D1(noncentral_chisquare(g, v[0].d, v[1].d)), nullptr, nullptr},
    {"noncentral_chisquare", L, 2, {{"df", POS, false}, {"nonc", NON_NEG, false}}, D1(legacy::noncentral_chisquare(g, v[0].d, v[1].d)), nullptr, nullptr},
    {"standard_t", G, 1, {{"df", POS, false}}, D1(standard_t(g, v[0].d)), nullptr, nullptr},
    {"standard_t", L, 1, {{"df", POS, false}}, D1(legacy::standard_t(g, v[0].d)), nullptr, nullptr},
    {"vonmises", G, 2, {{"mu", NONE, false}, {"kappa", NON_NEG, false}}, D1(vonmises(g, v[0].d, v[1].d, false)), nullptr, nullptr},
    {"vonmises", L, 2, {{"mu", NONE, false}, {"kappa", NON_NEG, false}}, D1(vonmises(g, v[0].d, v[1].d, true)), nullptr, nullptr},
    {"pareto", G, 1, {{"a", POS, false}}, D1(pareto(g, v[0].d)), nullptr, nullptr},
    {"pareto", L, 1, {{"a", POS, false}}, D1(legacy::pareto(g, v[0].d)), nullptr, nullptr},
    {"weibull", G, 1, {{"a", NON_NEG, false}}, D1(weibull(g, v[0].d)), nullptr, nullptr},
    {"weibull", L, 1, {{"a", NON_NEG, false}}, D1(legacy::weibull(g, v[0].d)), nullptr, nullptr},
    {"power", G, 1, {{"a", POS, false}}, D1(power(g, v[0].d)), nullptr, nullptr},
    {"power", L, 1, {{"a", POS, false}}, D1(legacy::power(g, v[0].d)), nullptr, nullptr},
    {"laplace", B, 2, {{"loc", NONE, false}, {"scale", NON_NEG, false}}, D1(laplace(g, v[0].d, v[1].d)), nullptr, nullptr},
    {"gumbel", B, 2, {{"loc", NONE, false}, {"scale", NON_NEG, false}}, D1(gumbel(g, v[0].d, v[1].d)), nullptr, nullptr},
    {"logistic", B, 2, {{"loc", NONE, false}, {"scale", NON_NEG, false}}, D1(logistic(g, v[0].d, v[1].d)), nullptr, nullptr},
    {"lognormal", G, 2, {{"mean", NONE, false}, {"sigma", NON_NEG, false}}, D1(lognormal(g, v[0].d, v[1].d)), nullptr, nullptr},
    {"lognormal", L, 2, {{"mean", NONE, false}, {"sigma", NON_NEG, false}}, D1(legacy::lognormal(g, v[0].d, v[1].d)), nullptr, nullptr},
    {"rayleigh", G, 1, {{"scale", NON_NEG, false}}, D1(rayleigh(g, v[0].d)), nullptr, nullptr},
    {"rayleigh", L, 1, {{"scale", NON_NEG, false}}, D1(legacy::rayleigh(g, v[0].d)), nullptr, nullptr},
    {"wald", G, 2, {{"mean", POS, false}, {"scale", POS, false}}, D1(wald(g, v[0].d, v[1].d)), nullptr, nullptr},
    {"wald", L, 2, {{"mean", POS, false}, {"scale", POS, false}}, D1(legacy::wald(g, v[0].d, v[1].d)), nullptr, nullptr},
    {"triangular", B, 3, {{"left", NONE, false}, {"mode", NONE, false}, {"right", NONE, false}}, D1(triangular(g, v[0].d, v[1].d, v[2].d)), nullptr, triangular_checks},
    {"binomial", G, 2, {{"n", NONE, true}, {"p", NONE, false}}, nullptr, I1(binomial(g, v[1].d, v[0].i, c)), binomial_checks},
    {"binomial", L, 2, {{"n", NONE, true}, {"p", NONE, false}}, nullptr, I1(legacy::binomial(g, v[1].d, v[0].i, c)), binomial_checks},
    {"negative_binomial", G, 2, {{"n", NONE, false}, {"p", NONE, false}}, nullptr, I1(negative_binomial(g, v[0].d, v[1].d)), negative_binomial_checks},
    {"negative_binomial", L, 2, {{"n", POS, false}, {"p", B01, false}}, nullptr, I1(legacy::negative_binomial(g, v[0].d, v[1].d)), nullptr},
    {"poisson", G, 1, {{"lam", POISSON, false}}, nullptr, I1(poisson(g, v[0].d)), nullptr},
    {"poisson", L, 1, {{"lam", LPOISSON, false}}, nullptr, I1(poisson(g, v[0].d)), nullptr},
    {"zipf", B, 1, {{"a", GT1, false}}, nullptr, I1(zipf(g, v[0].d)), nullptr},
    {"geometric", G, 1, {{"p", BGT01, false}}, nullptr, I1(geometric(g, v[0].d)), nullptr},
    {"geometric", L, 1, {{"p", BGT01, false}}, nullptr, I1(legacy::geometric(g, v[0].d)), nullptr},
    {"hypergeometric", G, 3, {{"ngood", NONE, true}, {"nbad", NONE, true}, {"nsample", NONE, true}}, nullptr, I1(hypergeometric(g, v[0].i, v[1].i, v[2].i)), hypergeometric_checks},
    {"hypergeometric", L, 3, {{"ngood", NONE, true}, {"nbad", NONE, true}, {"nsample", NONE, true}}, nullptr, I1(legacy::hypergeometric(g, v[0].i, v[1].i, v[2].i)), legacy_hypergeometric_checks},
    {"logseries", G, 1, {{"p", BLT01, false}}, nullptr, I1(logseries(g, v[0].d)), nullptr},
    {"logseries", L, 1, {{"p", BLT01, false}}, nullptr, I1(legacy::logseries(g, v[0].d)), nullptr},
};

#undef D0
#undef D1
#undef I1

// The broadcast shape of the arrays as NumPy's multi-iterator computes it (axes outer, arrays
// inner), with its wording of a mismatch.
int32_t multi_broadcast(int n, const Array* const* arrays, int64_t* shape) {
  int32_t nd = 0;
  for (int i = 0; i < n; ++i) nd = std::max(nd, arrays[i]->ndim());
  for (int32_t d = 0; d < nd; ++d) {
    shape[d] = 1;
    int src = 0;
    for (int j = 0; j < n; ++j) {
      const int32_t k = d + arrays[j]->ndim() - nd;
      if (k < 0) continue;
      const int64_t t = arrays[j]->shape(k);
      if (t == 1) continue;
      if (shape[d] == 1) {
        shape[d] = t;
        src = j;
      } else if (shape[d] != t) {
        throw_value("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg " +
                    std::to_string(src) + " with shape " + shape_str(arrays[src]->ndim(), arrays[src]->shape()) +
                    " and arg " + std::to_string(j) + " with shape " + shape_str(arrays[j]->ndim(), arrays[j]->shape()) +
                    ".");
      }
    }
  }
  return nd;
}

const Method& find(const char* name, bool legacy) {
  if (!name) throw Error(CNP_ERR_INVALID_HANDLE, "method name is NULL");
  for (const Method& m : kMethods)
    if (std::strcmp(m.name, name) == 0 && (m.who == B || (m.who == L) == legacy)) return m;
  throw_value(std::string("unknown random method '") + name + "'");
}

int64_t shape_size(int32_t ndim, const int64_t* shape) {
  int64_t n = 1;
  for (int32_t d = 0; d < ndim; ++d) n *= shape[d];
  return n;
}

// Fills n doubles with one parameter-free or scalar-parameter draw, the loop compiled per engine.
template <class F>
void fill_fast(BitGen& g, double* out, int64_t n, F draw) {
  with_engine(g, [&](auto& e) {
    for (int64_t i = 0; i < n; ++i) out[i] = draw(e);
  });
}

// random() of a PCG generator split over the pool: part k starts from the state advanced by its
// first index (one 64-bit draw per double), so the values are exactly the serial ones whatever the
// thread count; the state ends advanced by n, as after the serial loop.
template <class P>
void pcg_random_parallel(P& p, u128 mult, double* out, int64_t n) {
  const int nparts = std::max(1, std::min(num_threads(), 8));
  const u128 start = p.state;
  parallel_run(nparts, [&](int k) {
    const int64_t lo = n * k / nparts, hi = n * (k + 1) / nparts;
    P local = p;
    local.state = lcg_advance(start, u128(lo), mult, p.inc);
    for (int64_t i = lo; i < hi; ++i) out[i] = double(int64_t(local.next64() >> 11)) * (1.0 / 9007199254740992.0);
  });
  p.state = lcg_advance(start, u128(n), mult, p.inc);
}

// The hot methods with scalar parameters and float64 output: loops over the concrete engine.
bool fast_path(BitGen& g, const Method& m, bool legacy, const V* v, double* out, int64_t n) {
  const std::string name = m.name;
  constexpr int64_t kParallelMin = int64_t(1) << 20;
  if (name == "random" && n >= kParallelMin && g.kind == kPcg64) {
    pcg_random_parallel(g.pcg, kPcgMult, out, n);
  } else if (name == "random" && n >= kParallelMin && g.kind == kPcg64Dxsm) {
    pcg_random_parallel(g.dxsm, u128(kPcgCheapMult), out, n);
  } else if (name == "random") {
    fill_fast(g, out, n, [](auto& e) { return next_double(e); });
  } else if (name == "standard_normal" && !legacy) {
    fill_fast(g, out, n, [](auto& e) { return standard_normal(e); });
  } else if (name == "normal" && !legacy) {
    const double loc = v[0].d, scale = v[1].d;
    fill_fast(g, out, n, [&](auto& e) { return loc + scale * standard_normal(e); });
  } else if (name == "standard_exponential" && !legacy) {
    fill_fast(g, out, n, [](auto& e) { return standard_exponential(e); });
  } else if (name == "exponential" && !legacy) {
    const double scale = v[0].d;
    fill_fast(g, out, n, [&](auto& e) { return scale * standard_exponential(e); });
  } else if (name == "standard_normal" && legacy) {
    for (int64_t i = 0; i < n; ++i) out[i] = legacy::gauss(g);
  } else {
    return false;
  }
  return true;
}

// The float32 versions (dtype=float32) of random, standard_normal, standard_exponential and
// standard_gamma.
float draw_f32(BitGen& g, const std::string& name, const V* v) {
  if (name == "random") return g.next_float();
  if (name == "standard_normal") return standard_normal_f(g);
  if (name == "standard_exponential") return standard_exponential_f(g);
  if (name == "standard_exponential_inv") return float(-std::log1p(-double(g.next_float())));  // NumPy's double log1p
  return standard_gamma_f(g, float(v[0].d));
}

}  // namespace

Array draw(BitGen& g, const char* method, bool legacy, int32_t nparams, const Array* const* params, int32_t ndim,
           const int64_t* size, const Dtype* dtype, Array* out) {
  const Method& m = find(method, legacy);
  if (nparams != m.n)
    throw_type(std::string(method) + "() takes " + std::to_string(m.n) + " parameters (" + std::to_string(nparams) +
               " given)");
  const std::string name = m.name;
  const bool f32_ok = !legacy && (name == "random" || name == "standard_normal" || name == "standard_exponential" ||
                                  name == "standard_exponential_inv" || name == "standard_gamma");
  const Dtype* out_dtype = builtin_dtype(m.fi ? CNP_INT64 : CNP_FLOAT64);
  if (dtype) {
    if (f32_ok && dtype->typenum == CNP_FLOAT32)
      out_dtype = dtype;
    else if (!(f32_ok && dtype->typenum == CNP_FLOAT64) && dtype->typenum != out_dtype->typenum)
      throw_type("Unsupported dtype " + dtype_repr(dtype) + " for " + name);
  }
  if (ndim < 0 || ndim > kMaxDims) {
    if (size) throw_value("size has too many dimensions");
  }
  if (size)
    for (int32_t d = 0; d < ndim; ++d)
      if (size[d] < 0) throw_value("negative dimensions are not allowed");

  // Parameters as float64/int64 C-order copies; scalar when all are 0-d.
  std::vector<Param> ps(size_t(m.n));
  bool scalar = true;
  for (int i = 0; i < m.n; ++i) {
    if (!params || !params[i]) throw Error(CNP_ERR_INVALID_HANDLE, "parameter array is NULL");
    ps[size_t(i)].integer = m.p[i].integer;
    ps[size_t(i)].arr = cast_copy(*params[i], builtin_dtype(m.p[i].integer ? CNP_INT64 : CNP_FLOAT64), CNP_ORDER_C);
    if (params[i]->ndim() != 0) scalar = false;
  }
  if (name == "uniform") uniform_range(ps, scalar, legacy);
  if (m.extra) m.extra(ps, scalar);
  for (int i = 0; i < m.n; ++i) check(ps[size_t(i)], m.p[i].name, m.p[i].cons, scalar);

  // The output's shape: size, out's shape, or the parameters' broadcast shape.
  int64_t shape[kMaxDims];
  int32_t nd = 0;
  if (out) {
    if (!(out->c_contiguous() || out->f_contiguous()) || !out->writeable())
      throw_value("Supplied output array must be contiguous, writable, aligned, and in machine byte-order.");
    if (out->dtype()->typenum != out_dtype->typenum)
      throw_type("Supplied output array has the wrong type. Expected " + out_dtype->name + ", got " +
                 out->dtype()->name);
    if (size && (ndim != out->ndim() || !std::equal(size, size + ndim, out->shape())))
      throw_value("size must match out.shape when used together");
    nd = out->ndim();
    std::copy(out->shape(), out->shape() + nd, shape);
  } else if (size) {
    nd = ndim;
    std::copy(size, size + ndim, shape);
  } else {
    std::vector<const Array*> cs;
    for (auto& p : ps) cs.push_back(&p.arr);
    nd = cs.empty() ? 0 : multi_broadcast(int(cs.size()), cs.data(), shape);
  }
  if (!scalar && (size || out)) {
    // NumPy broadcasts (out, params...) and requires the result to be out's shape.
    Array shell = Array::allocate(builtin_dtype(CNP_BOOL), nd, shape, CNP_ORDER_C);
    std::vector<const Array*> cs{&shell};
    for (auto& p : ps) cs.push_back(&p.arr);
    int64_t bshape[kMaxDims];
    const int32_t bnd = multi_broadcast(int(cs.size()), cs.data(), bshape);
    if (bnd != nd || !std::equal(shape, shape + nd, bshape))
      throw_value("Output size " + shape_str(nd, shape) + " is not compatible with broadcast dimensions of inputs " +
                  shape_str(bnd, bshape) + ".");
  }
  for (auto& p : ps) {
    if (!broadcast_strides(p.arr, nd, shape, p.strides)) throw_value("parameters do not broadcast to the output");
    for (int32_t d = 0; d < nd; ++d) p.strides[d] /= 8;
  }

  Array result = out ? *out : Array::allocate(out_dtype, nd, shape, CNP_ORDER_C);
  const int64_t n = shape_size(nd, shape);
  V v[3] = {};
  auto load = [&](const int64_t* off) {
    for (int i = 0; i < m.n; ++i) {
      const Param& p = ps[size_t(i)];
      if (p.integer)
        v[i].i = reinterpret_cast<const int64_t*>(p.arr.data())[off[i]];
      else
        v[i].d = reinterpret_cast<const double*>(p.arr.data())[off[i]];
    }
  };
  int64_t off[3] = {0, 0, 0};
  load(off);
  if (out_dtype->typenum == CNP_FLOAT32) {
    float* o = reinterpret_cast<float*>(result.data());
    if (scalar) {
      with_engine(g, [&](auto& e) {
        if (name == "random")
          for (int64_t i = 0; i < n; ++i) o[i] = next_float(e);
        else if (name == "standard_normal")
          for (int64_t i = 0; i < n; ++i) o[i] = standard_normal_f(e);
        else if (name == "standard_exponential")
          for (int64_t i = 0; i < n; ++i) o[i] = standard_exponential_f(e);
        else
          for (int64_t i = 0; i < n; ++i) o[i] = draw_f32(g, name, v);
      });
      return result;
    }
  } else if (!m.fi && scalar && fast_path(g, m, legacy, v, reinterpret_cast<double*>(result.data()), n)) {
    return result;
  }
  // General path: one draw per element with that element's (broadcast) parameters, C order.
  BinomialCache cache;
  std::vector<int64_t> idx(size_t(nd), 0);
  char* base = result.data();
  for (int64_t k = 0; k < n; ++k) {
    load(off);
    if (out_dtype->typenum == CNP_FLOAT32)
      reinterpret_cast<float*>(base)[k] = draw_f32(g, name, v);
    else if (m.fi)
      reinterpret_cast<int64_t*>(base)[k] = m.fi(g, v, cache);
    else
      reinterpret_cast<double*>(base)[k] = m.fd(g, v);
    for (int32_t d = nd - 1; d >= 0; --d) {
      if (++idx[size_t(d)] < shape[d]) {
        for (int i = 0; i < m.n; ++i) off[i] += ps[size_t(i)].strides[d];
        break;
      }
      for (int i = 0; i < m.n; ++i) off[i] -= ps[size_t(i)].strides[d] * (shape[d] - 1);
      idx[size_t(d)] = 0;
    }
  }
  return result;
}

}  // namespace cnp::random
