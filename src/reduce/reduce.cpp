// The reduction engine. Summation order follows NumPy 1.24 exactly:
//  - the input and the (0-strided) output are walked in NumPy's best axis order (the iterator's
//    order for the operands [out, in]), length-1 axes dropped and mergeable axes coalesced;
//  - an inner run along a reduced axis is one call of NumPy's reduce loop: out op= run, where
//    float add uses pairwise_sum (8 accumulators, blocks of 128, halving in multiples of 8);
//  - an inner run along a kept axis is elementwise: out[i] = out[i] op in[i] (sequential per
//    output element);
//  - when the input must be cast (dtype=, mean of ints, ...), NumPy's buffered loop sees at most
//    8192 elements per call (NumPy buffers every reduction), so runs are cut into chunks of 8192.
// Threads split only along kept axes (disjoint outputs, same per-element order) or compute the
// 8192-element chunk sums of a full reduction in parallel and add them in order, so results never
// depend on the thread count.
#include "reduce/reduce.hpp"

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/arith.hpp"
#include "core/broadcast.hpp"
#include "core/cast.hpp"
#include "datetime/functions.hpp"
#include "core/iter.hpp"
#include "core/parallel.hpp"
#include "core/types.hpp"
#include "ufunc/errstate.hpp"
#include "ufunc/execute.hpp"
#include "ufunc/loops.hpp"
#include "core/target.hpp"
#include "sort/methods.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cnp::reduce {
namespace {

using ufunc::ld;
using ufunc::st;

constexpr int64_t kBufSize = 8192;
constexpr int64_t kParallelMin = 1 << 16;

template <class T> struct Acc { using type = T; };
template <> struct Acc<half_t> { using type = float; };

template <class T>
inline typename Acc<T>::type acc_load(const char* p) {
  if constexpr (std::is_same_v<T, half_t>) return half_to_float(ld<half_t>(p).bits);
  else return ld<T>(p);
}

// NumPy's @TYPE@_pairwise_sum (real types).
template <class T, class A = typename Acc<T>::type>
A pairwise(const char* a, int64_t n, int64_t s) {
  if (n < 8) {
    A res = 0.;
    for (int64_t i = 0; i < n; ++i) res += acc_load<T>(a + i * s);
    return res;
  } else if (n <= 128) {
    A r[8];
    for (int j = 0; j < 8; ++j) r[j] = acc_load<T>(a + j * s);
    int64_t i;
    for (i = 8; i < n - (n % 8); i += 8)
      for (int j = 0; j < 8; ++j) r[j] += acc_load<T>(a + (i + j) * s);
    A res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) res += acc_load<T>(a + i * s);
    return res;
  }
  int64_t n2 = n / 2;
  n2 -= n2 % 8;
  return pairwise<T, A>(a, n2, s) + pairwise<T, A>(a + n2 * s, n - n2, s);
}

// NumPy's C@TYPE@_pairwise_sum: n counts scalars (2 per element), stride is half the element step.
template <class R>
void cpairwise(R* rr, R* ri, const char* a, int64_t n, int64_t s) {
  auto at = [&](int64_t i, int k) { return ld<R>(a + i * s + k * static_cast<int64_t>(sizeof(R))); };
  if (n < 8) {
    *rr = 0.;
    *ri = 0.;
    for (int64_t i = 0; i < n; i += 2) { *rr += at(i, 0); *ri += at(i, 1); }
    return;
  } else if (n <= 128) {
    R r[8];
    for (int j = 0; j < 4; ++j) { r[2 * j] = at(2 * j, 0); r[2 * j + 1] = at(2 * j, 1); }
    int64_t i;
    for (i = 8; i < n - (n % 8); i += 8)
      for (int j = 0; j < 4; ++j) { r[2 * j] += at(i + 2 * j, 0); r[2 * j + 1] += at(i + 2 * j, 1); }
    *rr = ((r[0] + r[2]) + (r[4] + r[6]));
    *ri = ((r[1] + r[3]) + (r[5] + r[7]));
    for (; i < n; i += 2) { *rr += at(i, 0); *ri += at(i, 1); }
    return;
  }
  R rr1, ri1, rr2, ri2;
  int64_t n2 = n / 2;
  n2 -= n2 % 8;
  cpairwise<R>(&rr1, &ri1, a, n2, s);
  cpairwise<R>(&rr2, &ri2, a + n2 * s, n - n2, s);
  *rr = rr1 + rr2;
  *ri = ri1 + ri2;
}

template <class T>
inline bool isnan_(T v) {
  if constexpr (std::is_same_v<T, half_t>) return std::isnan(half_to_float(v.bits));
  else if constexpr (std::is_floating_point_v<T>) return std::isnan(v);
  else return false;
}
template <class T>
inline auto cmpval(T v) {
  if constexpr (std::is_same_v<T, half_t>) return half_to_float(v.bits);
  else if constexpr (std::is_same_v<T, bool_t>) return v.v != 0;
  else return v;
}

// NumPy reduces and accumulates complex128 products with the multiply loop's scalar path (the
// output overlaps an input), which its compiler fused on FMA CPUs. The ufunc's own loop makes the
// same choice, so it is called here with an overlapping output rather than repeating the rule.
inline c128_t reduce_cmul128(c128_t a, c128_t b) {
  static const ufunc::Loop* loop = [] {
    for (const auto& l : ufunc::get(ufunc::Id::multiply).loops)
      if (l.types[0] == CNP_COMPLEX128 && l.types[1] == CNP_COMPLEX128) return &l;
    return static_cast<const ufunc::Loop*>(nullptr);
  }();
  if (!loop) return Arith<c128_t>::mul(a, b);
  char* args[3] = {reinterpret_cast<char*>(&a), reinterpret_cast<char*>(&b), reinterpret_cast<char*>(&a)};
  const int64_t strides[3] = {0, 0, 0};
  loop->fn(args, strides, 1, loop->data);
  return a;
}

// out op in for one pair (the elementwise loop, rounding like NumPy's per-type loops), from the
// typed-arithmetic family of core/arith.hpp; see there for what differs from the ufunc functors.
template <class T>
inline T combine(Op op, T a, T b) {
  if constexpr (std::is_same_v<T, bool_t>) {
    bool x = a.v != 0, y = b.v != 0;
    switch (op) {
      case Op::add: case Op::lor: case Op::max: return bool_t{uint8_t(x || y)};
      default: return bool_t{uint8_t(x && y)};
    }
  } else if constexpr (is_complex_v<T>) {
    using R = typename T::value_type;
    switch (op) {
      case Op::add: return Arith<T>::add(a, b);
      case Op::mul:
        if constexpr (std::is_same_v<T, c128_t>) return reduce_cmul128(a, b);
        else return Arith<T>::mul(a, b);
      case Op::max: {
        R ar = a.real(), ai = a.imag(), br = b.real(), bi = b.imag();
        bool ge = (std::isgreater(ar, br) && !std::isnan(ai) && !std::isnan(bi)) || (ar == br && std::isgreaterequal(ai, bi));
        return (std::isnan(ar) || std::isnan(ai) || ge) ? a : b;
      }
      case Op::min: {
        R ar = a.real(), ai = a.imag(), br = b.real(), bi = b.imag();
        bool le = (std::isless(ar, br) && !std::isnan(ai) && !std::isnan(bi)) || (ar == br && std::islessequal(ai, bi));
        return (std::isnan(ar) || std::isnan(ai) || le) ? a : b;
      }
      default: return a;
    }
  } else if constexpr (std::is_same_v<T, half_t>) {
    using H = Arith<half_t>;
    switch (op) {
      case Op::add: return H::store(H::add(H::load(a), H::load(b)));
      case Op::mul: return H::store(H::mul(H::load(a), H::load(b)));
      case Op::max: return (std::isgreaterequal(cmpval(a), cmpval(b)) || isnan_(a)) ? a : b;
      case Op::min: return (std::islessequal(cmpval(a), cmpval(b)) || isnan_(a)) ? a : b;
      default: return a;
    }
  } else if constexpr (std::is_floating_point_v<T>) {
    switch (op) {
      case Op::add: return a + b;
      case Op::mul: return a * b;
      case Op::max: return (std::isgreaterequal(a, b) || std::isnan(a)) ? a : b;
      case Op::min: return (std::islessequal(a, b) || std::isnan(a)) ? a : b;
      default: return a;
    }
  } else {
    switch (op) {
      case Op::add: return wadd(a, b);
      case Op::mul: return wmul(a, b);
      case Op::max: return a >= b ? a : b;
      case Op::min: return a <= b ? a : b;
      default: return a;
    }
  }
}

// max/min of a contiguous float run with SSE2 (x86-64's baseline): 4 independent vectors and a
// NaN flag. maxpd(x, m) is exactly "x > m ? x : m", so non-NaN results equal the scalar loop's
// (which of two equal zeros of opposite sign wins is unspecified, as in NumPy's own SIMD loops);
// a NaN anywhere makes the result the first NaN, as in NumPy.
template <class T>
T minmax_contig(bool is_max, const char* in, int64_t n) {
  int64_t i = 0;
  T r = ld<T>(in);
  bool nan = false;
#if defined(__SSE2__)
  if constexpr (std::is_same_v<T, double> || std::is_same_v<T, float>) {
    constexpr int W = std::is_same_v<T, double> ? 2 : 4;  // lanes per vector
    using V = std::conditional_t<std::is_same_v<T, double>, __m128d, __m128>;
    auto load = [](const char* p) {
      if constexpr (std::is_same_v<T, double>) return _mm_loadu_pd(reinterpret_cast<const double*>(p));
      else return _mm_loadu_ps(reinterpret_cast<const float*>(p));
    };
    auto pick = [is_max](V x, V m) {
      if constexpr (std::is_same_v<T, double>) return is_max ? _mm_max_pd(x, m) : _mm_min_pd(x, m);
      else return is_max ? _mm_max_ps(x, m) : _mm_min_ps(x, m);
    };
    auto unord = [](V x) {
      if constexpr (std::is_same_v<T, double>) return _mm_castpd_si128(_mm_cmpunord_pd(x, x));
      else return _mm_castps_si128(_mm_cmpunord_ps(x, x));
    };
    V m0 = load(in), m1 = m0, m2 = m0, m3 = m0;
    __m128i bad = _mm_setzero_si128();
    for (; i + 4 * W <= n; i += 4 * W) {
      const char* p = in + i * sizeof(T);
      V x0 = load(p), x1 = load(p + 16), x2 = load(p + 32), x3 = load(p + 48);
      m0 = pick(x0, m0);
      m1 = pick(x1, m1);
      m2 = pick(x2, m2);
      m3 = pick(x3, m3);
      bad = _mm_or_si128(bad, _mm_or_si128(_mm_or_si128(unord(x0), unord(x1)), _mm_or_si128(unord(x2), unord(x3))));
    }
    nan = _mm_movemask_epi8(bad) != 0;
    alignas(16) T lanes[4 * W];
    if constexpr (std::is_same_v<T, double>) {
      _mm_store_pd(lanes, m0); _mm_store_pd(lanes + 2, m1); _mm_store_pd(lanes + 4, m2); _mm_store_pd(lanes + 6, m3);
    } else {
      _mm_store_ps(lanes, m0); _mm_store_ps(lanes + 4, m1); _mm_store_ps(lanes + 8, m2); _mm_store_ps(lanes + 12, m3);
    }
    for (T v : lanes) r = is_max ? (v > r ? v : r) : (v < r ? v : r);
  }
#endif
  for (; i < n; ++i) {
    T x = ld<T>(in + i * sizeof(T));
    r = is_max ? (x > r ? x : r) : (x < r ? x : r);
    nan |= x != x;
  }
  if (nan)
    for (int64_t k = 0; k < n; ++k)
      if (T x = ld<T>(in + k * sizeof(T)); x != x) return x;
  return r;
}

// out[i] = out[i] op in[i] over contiguous runs, with the operation hoisted out of the loop so
// the compiler vectorises it (a reduction over a leading axis accumulates whole rows this way).
template <class T>
bool rows_contig(Op op, char* o, const char* in, int64_t n) {
  if constexpr (std::is_floating_point_v<T> || (std::is_integral_v<T> && !std::is_same_v<T, bool>)) {
    auto loop = [&](auto f) {
      for (int64_t i = 0; i < n; ++i) st<T>(o + i * sizeof(T), f(ld<T>(o + i * sizeof(T)), ld<T>(in + i * sizeof(T))));
    };
    switch (op) {
      case Op::add: loop([](T a, T b) { return combine<T>(Op::add, a, b); }); return true;
      case Op::mul: loop([](T a, T b) { return combine<T>(Op::mul, a, b); }); return true;
      case Op::max: loop([](T a, T b) { return combine<T>(Op::max, a, b); }); return true;
      case Op::min: loop([](T a, T b) { return combine<T>(Op::min, a, b); }); return true;
      default: return false;
    }
  } else {
    (void)op, (void)o, (void)in, (void)n;
    return false;
  }
}

// One call of NumPy's reduce inner loop: *o = *o op in[0..n).
template <class T>
void reduce_run(Op op, char* o, const char* in, int64_t n, int64_t s) {
  if (n <= 0) return;
  if constexpr (std::is_floating_point_v<T>) {
    if ((op == Op::max || op == Op::min) && s == sizeof(T) && n >= 16) {
      st<T>(o, combine<T>(op, ld<T>(o), minmax_contig<T>(op == Op::max, in, n)));
      return;
    }
    if (op == Op::add) {
      T r = pairwise<T>(in, n, s);
      st<T>(o, ld<T>(o) + r);
      return;
    }
    if (op == Op::mul) {
      T io = ld<T>(o);
      for (int64_t i = 0; i < n; ++i) io *= ld<T>(in + i * s);
      st<T>(o, io);
      return;
    }
  } else if constexpr (std::is_same_v<T, half_t>) {
    if (op == Op::add || op == Op::mul) {
      float io = half_to_float(ld<half_t>(o).bits);
      if (op == Op::add) io += pairwise<T>(in, n, s);
      else for (int64_t i = 0; i < n; ++i) io *= half_to_float(ld<half_t>(in + i * s).bits);
      st<half_t>(o, half_t{float_to_half(io)});
      return;
    }
  } else if constexpr (is_complex_v<T>) {
    if (op == Op::add) {
      using R = typename T::value_type;
      R rr, ri;
      cpairwise<R>(&rr, &ri, in, n * 2, s / 2);
      T io = ld<T>(o);
      st<T>(o, T(io.real() + rr, io.imag() + ri));
      return;
    }
  }
  T io = ld<T>(o);
  for (int64_t i = 0; i < n; ++i) io = combine<T>(op, io, ld<T>(in + i * s));
  st<T>(o, io);
}

// The reduction's traversal: the library's one iterator (core/iter.hpp) over [out, in, where]
// (out's stride is 0 along the reduced axes), and whether the where operand is present.
struct Nest {
  NdIter it;
  bool masked = false;
};

template <class T>
void run_inner(Op op, bool buffered, char* o, int64_t so, const char* in, int64_t si, const char* mk, int64_t sm,
               int64_t n) {
  (void)buffered;
  if (so == 0) {
    if (mk) {
      int64_t i = 0;
      while (i < n) {
        while (i < n && !ld<uint8_t>(mk + i * sm)) ++i;
        int64_t j = i;
        while (j < n && ld<uint8_t>(mk + j * sm)) ++j;
        reduce_run<T>(op, o, in + i * si, j - i, si);
        i = j;
      }
    } else {
      // NumPy's reduction iterator is always buffered: one inner-loop call sees <= 8192 elements.
      for (int64_t i = 0; i < n; i += kBufSize) reduce_run<T>(op, o, in + i * si, std::min(kBufSize, n - i), si);
    }
  } else {
    if (!mk && so == sizeof(T) && si == sizeof(T) && rows_contig<T>(op, o, in, n)) return;
    for (int64_t i = 0; i < n; ++i) {
      if (mk && !ld<uint8_t>(mk + i * sm)) continue;
      char* p = o + i * so;
      st<T>(p, combine<T>(op, ld<T>(p), ld<T>(in + i * si)));
    }
  }
}

// out[j] = (((out[j] + r0[j]) + r1[j]) + r2[j]) + r3[j]: four rows of a leading-axis sum per pass,
// the same additions in the same order as one row at a time. Each element's chain is independent,
// so wider vectors change nothing in the result; the clones let AVX2/AVX-512 machines stream the
// rows at memory speed (the baseline SSE2 loop is compute-bound here).
template <class T>
inline void add_rows4_impl(T* __restrict o, const T* __restrict p0, const T* __restrict p1, const T* __restrict p2,
                           const T* __restrict p3, int64_t n) {
  for (int64_t j = 0; j < n; ++j) o[j] = (((o[j] + p0[j]) + p1[j]) + p2[j]) + p3[j];
}
CNP_TARGET_CLONES void add_rows4(double* o, const double* p0, const double* p1, const double* p2, const double* p3,
                                 int64_t n) {
  add_rows4_impl(o, p0, p1, p2, p3, n);
}
CNP_TARGET_CLONES void add_rows4(float* o, const float* p0, const float* p1, const float* p2, const float* p3,
                                 int64_t n) {
  add_rows4_impl(o, p0, p1, p2, p3, n);
}

// A 2-D sum over the leading axis with contiguous rows, four rows per pass over the output (a
// quarter of the output loads and stores).
template <class T>
bool rows_blocked(Op op, const Nest& nest) {
  if constexpr (std::is_same_v<T, double> || std::is_same_v<T, float>) {
    const NdIter& it = nest.it;
    if (op != Op::add || nest.masked || it.ndim() != 2 || it.stride(0, 0) != 0 || it.stride(0, 1) != sizeof(T) ||
        it.stride(1, 1) != sizeof(T) || it.shape(0) < 4)
      return false;
    const int64_t rows = it.shape(0), n = it.shape(1), rs = it.stride(1, 0);
    char* o = it.base(0);
    const char* in = it.base(1);
    // The pointers may be unaligned for T only if the caller passed a misaligned view; the
    // element loads below are plain T loads, so require natural alignment (else the generic loop).
    if ((reinterpret_cast<uintptr_t>(o) | reinterpret_cast<uintptr_t>(in) | static_cast<uintptr_t>(rs)) % sizeof(T))
      return false;
    // The output band must not overlap the rows (out= aliasing the input takes the generic loop).
    const char* in_end = in + (rows - 1) * rs + n * static_cast<int64_t>(sizeof(T));
    const char* lo = rs >= 0 ? in : in + (rows - 1) * rs;
    const char* hi = rs >= 0 ? in_end : in + n * static_cast<int64_t>(sizeof(T));
    if (o < hi && lo < o + n * static_cast<int64_t>(sizeof(T))) return false;
    int64_t r = 0;
    for (; r + 4 <= rows; r += 4) {
      const T* p0 = reinterpret_cast<const T*>(in + r * rs);
      const T* p1 = reinterpret_cast<const T*>(in + (r + 1) * rs);
      const T* p2 = reinterpret_cast<const T*>(in + (r + 2) * rs);
      const T* p3 = reinterpret_cast<const T*>(in + (r + 3) * rs);
      add_rows4(reinterpret_cast<T*>(o), p0, p1, p2, p3, n);
    }
    for (; r < rows; ++r) rows_contig<T>(op, o, in + r * rs, n);
    return true;
  } else {
    (void)op, (void)nest;
    return false;
  }
}

template <class T>
void run_nest(Op op, bool buffered, const Nest& nest) {
  if (rows_blocked<T>(op, nest)) return;
  const bool masked = nest.masked;
  nest.it.for_each([&](char* const* p, const int64_t* s, int64_t n) {
    run_inner<T>(op, buffered, p[0], s[0], p[1], s[1], masked ? p[2] : nullptr, masked ? s[2] : 0, n);
  });
}

template <class T>
void execute(Op op, bool buffered, Nest nest, int64_t total) {
  const NdIter& it = nest.it;
  const int32_t m = it.ndim();
  // A kept axis (output stride != 0) to split among threads: the longest one.
  int split = -1;
  for (int32_t d = 0; d < m; ++d)
    if (it.stride(0, d) != 0 && (split < 0 || it.shape(d) > it.shape(split))) split = d;
  const bool single_run = m == 1 && it.stride(0, 0) == 0 && !nest.masked;
  if (total < kParallelMin || num_threads() <= 1 || (split < 0 && !single_run) || (split >= 0 && it.shape(split) < 2)) {
    run_nest<T>(op, buffered, nest);
    return;
  }
  if (split < 0) {  // one contiguous run reduced to one value
    const bool tree = op == Op::add && (std::is_floating_point_v<T> || is_complex_v<T>);
    const bool assoc = !is_complex_v<T> && !std::is_floating_point_v<T> && !std::is_same_v<T, half_t>;
    if (tree) {
      // Partial sums of the 8192-element chunks in parallel, added to out in order: the same
      // operations as the serial loop.
      const int64_t n = it.shape(0), s = it.stride(1, 0);
      const int64_t nchunks = (n + kBufSize - 1) / kBufSize;
      std::vector<T> part(nchunks);
      const int parts = static_cast<int>(std::min<int64_t>(nchunks, 64));
      parallel_run(parts, [&](int p) {
        for (int64_t c = nchunks * p / parts; c < nchunks * (p + 1) / parts; ++c) {
          st<T>(reinterpret_cast<char*>(&part[c]), T{});
          reduce_run<T>(op, reinterpret_cast<char*>(&part[c]), it.base(1) + c * kBufSize * s,
                        std::min(kBufSize, n - c * kBufSize), s);
        }
      });
      char* o = it.base(0);
      for (int64_t c = 0; c < nchunks; ++c) st<T>(o, combine<T>(op, ld<T>(o), part[c]));
      return;
    }
    if (!assoc && !(op == Op::min || op == Op::max)) {
      run_nest<T>(op, buffered, nest);
      return;
    }
    // Associative (integer, bool, min/max): fixed chunks, combined in order.
    const int64_t n = it.shape(0), s = it.stride(1, 0);
    const int parts = 64;
    const int64_t chunk = (n + parts - 1) / parts;
    std::vector<T> part(parts);
    char* o = it.base(0);
    parallel_run(parts, [&](int p) {
      int64_t lo = p * chunk, hi = std::min(n, lo + chunk);
      if (lo >= hi) return;
      T v = ld<T>(it.base(1) + lo * s);
      st<T>(reinterpret_cast<char*>(&part[p]), v);
      reduce_run<T>(op, reinterpret_cast<char*>(&part[p]), it.base(1) + (lo + 1) * s, hi - lo - 1, s);
    });
    T io = ld<T>(o);
    for (int p = 0; p < parts; ++p)
      if (p * chunk < n) io = combine<T>(op, io, part[p]);
    st<T>(o, io);
    return;
  }
  const int64_t len = it.shape(split);
  int parts = static_cast<int>(std::min<int64_t>(len, 64));
  if (split == m - 1 && m >= 2) {
    // The split axis is the inner run and the reduced axes are outside it (a sum over axis 0):
    // each part reads a band of every row. Small bands defeat the hardware prefetchers (every
    // band is a new short stream), so bands are >= 4 KiB and come in a multiple of the thread
    // count. Each output element still sees the same additions in the same order.
    const int nt = num_threads();
    const int64_t bands = std::max<int64_t>(1, len * std::abs(it.stride(1, split)) / 4096);
    parts = static_cast<int>(std::min<int64_t>(len, std::min<int64_t>(std::max<int64_t>(1, bands / nt), 8) * nt));
  }
  std::atomic<int> flags{0};
  parallel_run(parts, [&](int p) {
    int64_t lo = len * p / parts, hi = len * (p + 1) / parts;
    Nest sub = nest;
    sub.it.narrow(split, lo, hi);
    fpe_clear();
    run_nest<T>(op, buffered, sub);
    flags.fetch_or(fpe_read());
  });
  if (int f = flags.load()) std::feraiseexcept(f);
}

const char* ufunc_name(Op op) {
  switch (op) {
    case Op::add: return "add";
    case Op::mul: return "multiply";
    case Op::min: return "minimum";
    case Op::max: return "maximum";
    case Op::land: return "logical_and";
    default: return "logical_or";
  }
}

cnp_scalar int_scalar(int64_t v) {
  cnp_scalar s{};
  s.typenum = CNP_INT64;
  s.value.i = v;
  return s;
}

const Dtype* dt(int t) { return builtin_dtype(t); }

}  // namespace

bool op_of(ufunc::Id id, Op* op) {
  switch (id) {
    case ufunc::Id::add: *op = Op::add; return true;
    case ufunc::Id::multiply: *op = Op::mul; return true;
    case ufunc::Id::minimum: *op = Op::min; return true;
    case ufunc::Id::maximum: *op = Op::max; return true;
    case ufunc::Id::logical_and: *op = Op::land; return true;
    case ufunc::Id::logical_or: *op = Op::lor; return true;
    default: return false;
  }
}

void reduce_segment(Op op, int32_t typenum, char* o, const char* in, int64_t n, int64_t stride) {
  visit_type(typenum, [&](auto tag) {
    using T = typename decltype(tag)::type;
    reduce_run<T>(op, o, in, n, stride);
  });
}

double pairwise_sum_f64(const double* a, int64_t n, int64_t stride_bytes) {
  return pairwise<double>(reinterpret_cast<const char*>(a), n, stride_bytes);
}

Axes parse_axes(const int64_t* axes, int32_t naxes, int32_t ndim) {
  Axes r;
  if (naxes < 0 || !axes) {
    r.all = true;
    for (int32_t i = 0; i < ndim; ++i) r.mask[i] = true;
    return r;
  }
  for (int32_t k = 0; k < naxes; ++k) {
    int64_t ax = normalize_axis(axes[k], ndim);
    if (r.mask[ax]) throw_value("duplicate value in 'axis'");
    r.mask[ax] = true;
  }
  return r;
}

Array reduce(Op op, const Array& a0, const Axes& ax, const Dtype* acc, bool keepdims, const Array* initial,
             const Array* where) {
  const int32_t nd = a0.ndim();
  const bool logical = op == Op::land || op == Op::lor;
  const Dtype* in_dt = logical ? dt(CNP_BOOL) : acc;
  const bool buffered = a0.dtype() != in_dt;
  fpe_clear();
  Array a = buffered ? cast_copy(a0, in_dt, CNP_ORDER_K) : a0;
  int64_t oshape[kMaxDims], kshape[kMaxDims];
  int32_t ond = 0;
  int64_t rcount = 1;
  for (int32_t i = 0; i < nd; ++i) {
    kshape[i] = ax.mask[i] ? 1 : a.shape(i);
    if (ax.mask[i]) {
      rcount *= a.shape(i);
      if (keepdims) oshape[ond++] = 1;
    } else {
      oshape[ond++] = a.shape(i);
    }
  }
  Array out = Array::allocate(in_dt, ond, oshape, CNP_ORDER_C);
  int64_t os[kMaxDims];
  {
    int64_t cs[kMaxDims];
    contiguous_strides(nd, kshape, in_dt->itemsize, CNP_ORDER_C, cs);
    for (int32_t i = 0; i < nd; ++i) os[i] = ax.mask[i] ? 0 : cs[i];
  }
  Array okeep = out.view(nd, kshape, os, out.data());
  if (where && where->dtype()->typenum != CNP_BOOL)
    throw_type("Cannot cast array data from " + dtype_repr(where->dtype()) + " to dtype('bool') according to the rule 'safe'");
  if (op == Op::min || op == Op::max) {
    if (where && !initial)
      throw_value(std::string("reduction operation '") + ufunc_name(op) +
                  "' does not have an identity, so to use a where mask one has to specify 'initial'");
    if (initial) {
      assign(okeep, *initial, CNP_CASTING_UNSAFE);
    } else {
      if (rcount == 0)
        throw_value(std::string("zero-size array to reduction operation ") + ufunc_name(op) + " which has no identity");
      Array first = a.view(nd, kshape, a.strides(), a.data());
      if (out.size() > 0) assign(okeep, first, CNP_CASTING_UNSAFE);
    }
  } else if (initial) {
    assign(okeep, *initial, CNP_CASTING_UNSAFE);
  } else {
    fill(out, int_scalar(op == Op::mul || op == Op::land ? 1 : 0));
  }
  if (a.size() == 0) {
    fpe_report(fpe_read(), "reduce");
    return out;
  }
  // Operands [out, in, mask] over the input's shape, in NumPy's iterator order.
  Array ov = out.view(nd, a.shape(), os, out.data());
  Array wv;
  if (where) {
    int64_t ws[kMaxDims];
    if (!broadcast_strides(*where, nd, a.shape(), ws))
      throw_value("operands could not be broadcast together with remapped shapes");
    wv = where->view(nd, a.shape(), ws, where->data());
  }
  const Array* ops[3] = {&ov, &a, &wv};
  const int nop = where ? 3 : 2;
  int32_t perm[kMaxDims];
  best_axis_order(nop, ops, nd, a.shape(), perm);
  // No flip: the reduced axes are summed in this order.
  Nest nest;
  nest.masked = where != nullptr;
  const int64_t* strides[3] = {ov.strides(), a.strides(), where ? wv.strides() : nullptr};
  char* bases[3] = {ov.data(), a.data(), where ? wv.data() : nullptr};
  nest.it.init(nop, nd, a.shape(), strides, bases, perm, /*flip=*/false);
  visit_type(in_dt->typenum, [&](auto tag) {
    using T = typename decltype(tag)::type;
    execute<T>(op, buffered, nest, a.size());
  });
  fpe_report(fpe_read(), "reduce");
  return out;
}

// ---------------------------------------------------------------------------------------------

namespace {

const Dtype* sum_default(const Dtype* d) {
  switch (d->typenum) {
    case CNP_BOOL: case CNP_INT8: case CNP_INT16: case CNP_INT32: return dt(CNP_INT64);
    case CNP_UINT8: case CNP_UINT16: case CNP_UINT32: return dt(CNP_UINT64);
    default: return d;
  }
}

// The loop dtype of a reduction given out= and no dtype=: NumPy resolves it from the operands
// (out, arr) -- out stands in for the accumulator input -- through the ufunc's loop list, so a
// float64 sum into an int64 out adds in float64 and casts once at the end (reductions cast to
// out unsafely), and a float32 sum into a float64 out adds in float64.
const Dtype* out_loop_dtype(ufunc::Id id, const Dtype* out, const Dtype* in) {
  for (const auto& l : ufunc::get(id).loops)
    if (l.types[0] >= 0 && l.types[1] >= 0 && can_cast(out, dt(l.types[0]), CNP_CASTING_SAFE) &&
        can_cast(in, dt(l.types[1]), CNP_CASTING_SAFE))
      return dt(l.types[2]);
  return in;
}

// The accumulation dtype of sum/prod/cumsum/cumprod: dtype= wins; then out='s promotion; else
// NumPy's default (small integers and bool widen to the platform integer).
const Dtype* add_like_dtype(bool is_prod, const Dtype* dtype, const Array* out, const Dtype* in) {
  if (dtype) return dtype;
  if (out) return out_loop_dtype(is_prod ? ufunc::Id::multiply : ufunc::Id::add, out->dtype(), in);
  return sum_default(in);
}

}  // namespace

void check_out(const char* name, const Array& a, const Axes& ax, bool keepdims, const Array* out) {
  if (!out) return;
  const int32_t nd = a.ndim();
  int32_t nred = 0;
  for (int32_t d = 0; d < nd; ++d) nred += ax.mask[d] ? 1 : 0;
  const int32_t expect = keepdims ? nd : nd - nred;
  if (out->ndim() != expect)
    throw_value(std::string("output parameter for reduction operation ") + name +
                " has the wrong number of dimensions: Found " + std::to_string(out->ndim()) + " but expected " +
                std::to_string(expect) + (keepdims ? " (must match the operand's when keepdims=True)" : ""));
  // NumPy's iterator maps out onto the input's axes (a reduced axis is "newaxis" without
  // keepdims): a size that differs is a broadcast error, a 1 where the input is longer is a
  // reduction the out operand does not allow.
  std::string remapped;
  bool bad = false, leading = true;
  int32_t red_dim = -1, k = 0;
  for (int32_t d = 0; d < nd; ++d) {
    if (ax.mask[d] && !keepdims) {
      if (!leading) remapped += ",newaxis";
      continue;
    }
    const int64_t os = out->shape(k), want = ax.mask[d] ? 1 : a.shape(d);
    remapped += (leading ? "" : ",") + std::to_string(os);
    leading = false;
    if (os != want) {
      if (os == 1) {
        if (red_dim < 0) red_dim = k;
      } else {
        bad = true;
      }
    }
    ++k;
  }
  if (bad)
    throw_value("operands could not be broadcast together with remapped shapes [original->remapped]: " +
                numpy_shape_string(out->ndim(), out->shape()) + "->(" + remapped + ") " +
                numpy_shape_string(nd, a.shape()) + " ");
  if (red_dim >= 0)
    throw_value("output operand requires a reduction along dimension " + std::to_string(red_dim) +
                ", but the reduction is not enabled. The dimension size of 1 does not match the expected output "
                "shape.");
}

Array to_out(Array r, Array* out) {
  if (!out) return r;
  out->require_writeable();
  if (out->ndim() != r.ndim())
    throw_value("output parameter for reduction operation has the wrong number of dimensions: Found " +
                std::to_string(out->ndim()) + " but expected " + std::to_string(r.ndim()));
  for (int32_t i = 0; i < r.ndim(); ++i)
    if (out->shape(i) != r.shape(i)) throw_value("output parameter for reduction operation has a non-matching shape");
  assign(*out, r, CNP_CASTING_UNSAFE);
  return *out;
}

namespace {

// Divides every element of r (C-contiguous) by its count, like NumPy's
// true_divide(ret, rcount, out=ret, casting='unsafe') (array path) or ret.dtype.type(ret / rcount)
// (scalar path: computed in float64/complex128, then cast back).
void divide_counts(Array& r, const double* counts, bool per_element, bool scalar_path) {
  fpe_clear();
  const int64_t n = r.size();
  visit_type(r.dtype()->typenum, [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* p = reinterpret_cast<T*>(r.data());
    for (int64_t i = 0; i < n; ++i) {
      double c = counts[per_element ? i : 0];
      T v = p[i];
      if constexpr (is_complex_v<T>) {
        if (scalar_path) p[i] = convert<T>(Arith<c128_t>::div(convert<c128_t>(v), c128_t(c, 0)));
        else p[i] = Arith<T>::div(v, Arith<T>::from_double(c));
      } else if constexpr (std::is_same_v<T, half_t>) {
        if (scalar_path) p[i] = half_t{double_to_half(double(half_to_float(v.bits)) / c)};
        else p[i] = Arith<half_t>::store(Arith<half_t>::div(Arith<half_t>::load(v), Arith<half_t>::from_double(c)));
      } else if constexpr (std::is_same_v<T, float>) {
        if (scalar_path) p[i] = static_cast<float>(double(v) / c);
        else p[i] = v / static_cast<float>(c);
      } else if constexpr (std::is_same_v<T, double>) {
        p[i] = v / c;
      } else {
        p[i] = convert<T>(to_double(v) / c);
      }
    }
  });
  fpe_report(fpe_read(), scalar_path ? "scalar divide" : "divide");
}

// Counts per output element (where= given) or one count.
std::vector<double> counts_of(const Array& a, const Axes& ax, const Opts& o, bool keepdims, bool* per_element) {
  if (o.where) {
    int64_t ws[kMaxDims];
    if (!broadcast_strides(*o.where, a.ndim(), a.shape(), ws))
      throw_value("operands could not be broadcast together");
    Array wv = o.where->view(a.ndim(), a.shape(), ws, o.where->data());
    Array c = reduce(Op::add, wv, ax, dt(CNP_INT64), keepdims, nullptr, nullptr);
    std::vector<double> v(c.size());
    const int64_t* p = reinterpret_cast<const int64_t*>(c.data());
    for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<double>(p[i]);
    *per_element = true;
    return v;
  }
  int64_t n = 1;
  for (int32_t i = 0; i < a.ndim(); ++i)
    if (ax.mask[i]) n *= a.shape(i);
  *per_element = false;
  return {static_cast<double>(n)};
}

}  // namespace

Array sum(const Array& a, const Axes& ax, const Opts& o) {
  if (is_datetime(a.dtype())) return dt::reduce_times(ufunc::Id::add, a, ax, o);
  check_out("add", a, ax, o.keepdims, o.out);
  const Dtype* acc = add_like_dtype(false, o.dtype, o.out, a.dtype());
  return to_out(reduce(Op::add, a, ax, acc, o.keepdims, o.initial, o.where), o.out);
}
Array prod(const Array& a, const Axes& ax, const Opts& o) {
  if (is_datetime(a.dtype())) return dt::reduce_times(ufunc::Id::multiply, a, ax, o);
  check_out("multiply", a, ax, o.keepdims, o.out);
  const Dtype* acc = add_like_dtype(true, o.dtype, o.out, a.dtype());
  return to_out(reduce(Op::mul, a, ax, acc, o.keepdims, o.initial, o.where), o.out);
}
Array amin(const Array& a, const Axes& ax, const Opts& o) {
  if (is_datetime(a.dtype())) return dt::reduce_times(ufunc::Id::minimum, a, ax, o);
  check_out("minimum", a, ax, o.keepdims, o.out);
  const Dtype* acc = o.out ? out_loop_dtype(ufunc::Id::minimum, o.out->dtype(), a.dtype()) : a.dtype();
  return to_out(reduce(Op::min, a, ax, acc, o.keepdims, o.initial, o.where), o.out);
}
Array amax(const Array& a, const Axes& ax, const Opts& o) {
  if (is_datetime(a.dtype())) return dt::reduce_times(ufunc::Id::maximum, a, ax, o);
  check_out("maximum", a, ax, o.keepdims, o.out);
  const Dtype* acc = o.out ? out_loop_dtype(ufunc::Id::maximum, o.out->dtype(), a.dtype()) : a.dtype();
  return to_out(reduce(Op::max, a, ax, acc, o.keepdims, o.initial, o.where), o.out);
}
Array all(const Array& a, const Axes& ax, const Opts& o) {
  check_out("logical_and", a, ax, o.keepdims, o.out);
  return to_out(reduce(Op::land, a, ax, dt(CNP_BOOL), o.keepdims, nullptr, o.where), o.out);
}
Array any(const Array& a, const Axes& ax, const Opts& o) {
  check_out("logical_or", a, ax, o.keepdims, o.out);
  return to_out(reduce(Op::lor, a, ax, dt(CNP_BOOL), o.keepdims, nullptr, o.where), o.out);
}

Array mean(const Array& a, const Axes& ax, const Opts& o) {
  check_out("add", a, ax, o.keepdims, o.out);
  bool per;
  std::vector<double> cnt = counts_of(a, ax, o, o.keepdims, &per);
  bool empty = false;
  for (double c : cnt) empty |= c == 0;
  if (empty) warn(CNP_WARN_RUNTIME, "Mean of empty slice.");
  const Dtype* acc = o.dtype;
  bool f16 = false;
  if (!acc) {
    if (a.dtype()->kind == 'b' || is_integer(a.dtype())) acc = dt(CNP_FLOAT64);
    else if (a.dtype()->typenum == CNP_FLOAT16) { acc = dt(CNP_FLOAT32); f16 = true; }
    else acc = o.out ? out_loop_dtype(ufunc::Id::add, o.out->dtype(), a.dtype()) : a.dtype();
  }
  Array r = reduce(Op::add, a, ax, acc, o.keepdims, nullptr, o.where);
  if (o.out) {
    Array w = to_out(r, o.out);
    Array tmp = cast_copy(w, w.dtype(), CNP_ORDER_C);
    divide_counts(tmp, cnt.data(), per, false);
    assign(*o.out, tmp, CNP_CASTING_UNSAFE);
    return *o.out;
  }
  divide_counts(r, cnt.data(), per, r.ndim() == 0);
  if (f16) r = cast_copy(r, dt(CNP_FLOAT16), CNP_ORDER_C);
  return r;
}

namespace {

// sum((a - mean)**2) of a whole contiguous float array in one pass: each 8192-element chunk's
// squared deviations go to a small buffer and are summed pairwise, then the chunk sums are added
// in order -- exactly the values of NumPy's subtract, multiply and buffered sum, without the two
// full-size temporaries.
bool fused_sq_dev(const Array& a, const Axes& ax, const Opts& o, const Dtype* acc, const Array& mean, Array* out) {
  const int32_t t = a.dtype()->typenum;
  if ((t != CNP_FLOAT64 && t != CNP_FLOAT32) || (acc && acc != a.dtype()) || o.out || o.where || o.keepdims)
    return false;
  for (int32_t i = 0; i < a.ndim(); ++i)
    if (!ax.mask[i]) return false;
  if (!(a.c_contiguous() || a.f_contiguous()) || a.size() < kBufSize) return false;
  return visit_type(t, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_same_v<T, double> || std::is_same_v<T, float>) {
      const T m = ld<T>(mean.data());
      const T* p = reinterpret_cast<const T*>(a.data());
      const int64_t n = a.size(), nchunks = (n + kBufSize - 1) / kBufSize;
      std::vector<T> part(nchunks);
      const int parts = static_cast<int>(std::min<int64_t>(nchunks, 64));
      parallel_run(parts, [&](int q) {
        std::vector<T> buf(kBufSize);
        for (int64_t c = nchunks * q / parts; c < nchunks * (q + 1) / parts; ++c) {
          const int64_t lo = c * kBufSize, len = std::min(kBufSize, n - lo);
          for (int64_t k = 0; k < len; ++k) {
            T d = p[lo + k] - m;
            buf[k] = d * d;
          }
          part[c] = pairwise<T>(reinterpret_cast<const char*>(buf.data()), len, sizeof(T));
        }
      });
      T r = 0;
      for (int64_t c = 0; c < nchunks; ++c) r = r + part[c];
      // Overflow or NaN: let the ufunc path run so NumPy's FP warnings are reported.
      if (!std::isfinite(r)) return false;
      *out = Array::allocate(a.dtype(), 0, nullptr, CNP_ORDER_C);
      st<T>(out->data(), r);
      return true;
    } else {
      return false;
    }
  });
}

}  // namespace

Array var(const Array& a, const Axes& ax, const Opts& o, double ddof, bool take_sqrt) {
  check_out("add", a, ax, o.keepdims, o.out);
  bool per;
  std::vector<double> cnt = counts_of(a, ax, o, o.keepdims, &per);
  bool dof = false;
  for (double c : cnt) dof |= ddof >= c;
  if (dof) warn(CNP_WARN_RUNTIME, "Degrees of freedom <= 0 for slice");
  const Dtype* acc = o.dtype;
  if (!acc && (a.dtype()->kind == 'b' || is_integer(a.dtype()))) acc = dt(CNP_FLOAT64);
  // arrmean = umr_sum(arr, axis, dtype, keepdims=True) / rcount  (array path)
  Array arrmean = reduce(Op::add, a, ax, acc ? acc : a.dtype(), true, nullptr, o.where);
  {
    bool per_k;
    std::vector<double> ck = counts_of(a, ax, o, true, &per_k);
    divide_counts(arrmean, ck.data(), per_k, false);
  }
  if (Array r; fused_sq_dev(a, ax, o, acc, arrmean, &r)) {
    for (double& c : cnt) c = std::max(c - ddof, 0.0);
    divide_counts(r, cnt.data(), per, true);
    return take_sqrt ? ufunc::call1(ufunc::Id::sqrt, r) : r;
  }
  Array x = ufunc::call2(ufunc::Id::subtract, a, arrmean);
  if (is_complex(x.dtype())) {
    const Dtype* rd = dt(x.dtype()->typenum == CNP_COMPLEX64 ? CNP_FLOAT32 : CNP_FLOAT64);
    Array xc = x.c_contiguous() ? x : cast_copy(x, x.dtype(), CNP_ORDER_C);
    Array re = Array::allocate(rd, xc.ndim(), xc.shape(), CNP_ORDER_C);
    const int64_t n = xc.size();
    visit_type(rd->typenum, [&](auto tag) {
      using R = typename decltype(tag)::type;
      if constexpr (std::is_floating_point_v<R>) {
        const R* s = reinterpret_cast<const R*>(xc.data());
        R* d = reinterpret_cast<R*>(re.data());
        for (int64_t i = 0; i < n; ++i) {
          R p = s[2 * i] * s[2 * i], q = s[2 * i + 1] * s[2 * i + 1];
          d[i] = p + q;
        }
      }
    });
    x = re;
  } else {
    x = ufunc::call2(ufunc::Id::multiply, x, x);
  }
  const Dtype* sum_dt = acc ? acc : (o.out ? out_loop_dtype(ufunc::Id::add, o.out->dtype(), x.dtype()) : x.dtype());
  Array r = reduce(Op::add, x, ax, sum_dt, o.keepdims, nullptr, o.where);
  for (double& c : cnt) c = std::max(c - ddof, 0.0);
  if (!o.out) {
    divide_counts(r, cnt.data(), per, r.ndim() == 0);
    return take_sqrt ? ufunc::call1(ufunc::Id::sqrt, r) : r;
  }
  // NumPy: ret = umr_sum(x, ..., out); true_divide(ret, rcount, out=ret, casting='unsafe');
  // std then sqrt(ret, out=ret) with the ufunc's same_kind check (so an integer out fails).
  Array res = cast_copy(to_out(r, o.out), o.out->dtype(), CNP_ORDER_C);
  divide_counts(res, cnt.data(), per, false);
  assign(*o.out, res, CNP_CASTING_UNSAFE);
  if (take_sqrt) {
    ufunc::Args args;
    args.out[0] = o.out;
    ufunc::call(ufunc::Id::sqrt, std::array<const Array*, 1>{o.out}.data(), args);
  }
  return *o.out;
}

Array ptp(const Array& a, const Axes& ax, const Opts& o) {
  Opts p = o;
  p.out = nullptr;
  Array mx = amax(a, ax, p), mn = amin(a, ax, p);
  ufunc::Args args;
  args.out[0] = o.out;
  return ufunc::call(ufunc::Id::subtract, std::array<const Array*, 2>{&mx, &mn}.data(), args)[0];
}

Array count_nonzero(const Array& a, const Axes& ax, bool keepdims) {
  Array b = a.dtype()->typenum == CNP_BOOL ? a : cast_copy(a, dt(CNP_BOOL), CNP_ORDER_K);
  return reduce(Op::add, b, ax, dt(CNP_INT64), keepdims, nullptr, nullptr);
}

namespace {
template <class T>
int64_t arg_run(bool is_max, const char* p, int64_t n, int64_t s) {
  T mp = ld<T>(p);
  int64_t idx = 0;
  if constexpr (is_complex_v<T>) {
    if (std::isnan(mp.real()) || std::isnan(mp.imag())) return 0;
    for (int64_t i = 1; i < n; ++i) {
      T v = ld<T>(p + i * s);
      bool nan = std::isnan(v.real()) || std::isnan(v.imag());
      bool better = is_max ? (std::isgreater(v.real(), mp.real()) || (v.real() == mp.real() && std::isgreater(v.imag(), mp.imag())))
                           : (std::isless(v.real(), mp.real()) || (v.real() == mp.real() && std::isless(v.imag(), mp.imag())));
      if (better || nan) {
        mp = v;
        idx = i;
        if (nan) break;
      }
    }
  } else if constexpr (std::is_floating_point_v<T> || std::is_same_v<T, half_t>) {
    auto m = cmpval(mp);
    if (std::isnan(m)) return 0;
    for (int64_t i = 1; i < n; ++i) {
      auto v = cmpval(ld<T>(p + i * s));
      if (is_max ? !std::islessequal(v, m) : !std::isgreaterequal(v, m)) {
        m = v;
        idx = i;
        if (std::isnan(m)) break;
      }
    }
  } else {
    auto m = cmpval(mp);
    for (int64_t i = 1; i < n; ++i) {
      auto v = cmpval(ld<T>(p + i * s));
      if (is_max ? v > m : v < m) {
        m = v;
        idx = i;
      }
    }
  }
  return idx;
}
}  // namespace

Array arg(bool is_max, const Array& a0, bool has_axis, int64_t axis, Array* out, bool keepdims) {
  const char* name = is_max ? "argmax" : "argmin";
  Array a = a0;
  int64_t ax;
  if (!has_axis) {
    Array c = a0.c_contiguous() ? a0 : cast_copy(a0, a0.dtype(), CNP_ORDER_C);
    int64_t n = a0.size(), s = a0.itemsize();
    a = c.view(1, &n, &s, c.data());
    ax = 0;
  } else {
    ax = normalize_axis(axis, a0.ndim());
  }
  const int64_t len = a.ndim() ? a.shape(ax) : 1;
  const int64_t step = a.ndim() ? a.stride(ax) : 0;
  int64_t oshape[kMaxDims], ishape[kMaxDims], istr[kMaxDims];
  int32_t ond = 0, ind = 0;
  for (int32_t i = 0; i < a.ndim(); ++i) {
    if (i == ax) continue;
    ishape[ind] = a.shape(i);
    istr[ind++] = a.stride(i);
  }
  if (keepdims) {
    if (!has_axis) for (int32_t i = 0; i < a0.ndim(); ++i) oshape[ond++] = 1;
    else for (int32_t i = 0; i < a0.ndim(); ++i) oshape[ond++] = i == ax ? 1 : a0.shape(i);
  } else {
    for (int32_t i = 0; i < ind; ++i) oshape[ond++] = ishape[i];
  }
  if (len == 0) throw_value(std::string("attempt to get ") + name + " of an empty sequence");
  Array r = Array::allocate(dt(CNP_INT64), ond, oshape, CNP_ORDER_C);
  int64_t* rp = reinterpret_cast<int64_t*>(r.data());
  int64_t nout = r.size();
  // Strings and other dtypes with a sort method: its order, first extreme wins (NumPy's
  // STRING_argmax / UNICODE_argmax).
  // Records and void have a sort order but NumPy gives them no argmax/argmin.
  if (a.dtype()->kind == 'V') throw_type("data type not ordered");
  const sorting::SortMethod* method = is_numeric(a.dtype()) ? nullptr : &sorting::sort_method(a.dtype());
  auto method_run = [&](const char* p) {
    int64_t best = 0;
    for (int64_t i = 1; i < len; ++i) {
      const char* x = p + i * step;
      const char* b = p + best * step;
      if (is_max ? method->less(a.dtype(), b, x) : method->less(a.dtype(), x, b)) best = i;
    }
    return best;
  };
  visit_type(method ? CNP_BOOL : a.dtype()->typenum, [&](auto tag) {
    using T = typename decltype(tag)::type;
    int64_t counter[kMaxDims] = {};
    for (int64_t k = 0; k < nout; ++k) {
      const char* p = a.data();
      for (int32_t d = 0; d < ind; ++d) p += counter[d] * istr[d];
      rp[k] = method ? method_run(p) : arg_run<T>(is_max, p, len, step);
      for (int32_t d = ind - 1; d >= 0; --d) {
        if (++counter[d] < ishape[d]) break;
        counter[d] = 0;
      }
    }
  });
  if (out) {
    // NumPy: the shape must match exactly; out is then taken as intp with safe casting from its
    // own dtype (int32 or int8 out are accepted and written back, float or uint64 are not).
    bool same = out->ndim() == r.ndim();
    for (int32_t i = 0; same && i < r.ndim(); ++i) same = out->shape(i) == r.shape(i);
    if (!same) throw_value(std::string("output array does not match result of np.") + name + ".");
    if (!can_cast(out->dtype(), dt(CNP_INT64), CNP_CASTING_SAFE))
      throw_type(std::string("Cannot cast ") + (out->ndim() == 0 ? "scalar" : "array data") + " from " +
                 dtype_repr(out->dtype()) + " to dtype('int64') according to the rule 'safe'");
    out->require_writeable();
    assign(*out, r, CNP_CASTING_UNSAFE);
    return *out;
  }
  return r;
}

Array accumulate(bool is_prod, const Array& a0, bool has_axis, int64_t axis, const Dtype* dtype, Array* out) {
  const Dtype* acc = add_like_dtype(is_prod, dtype, out, a0.dtype());
  const int64_t ax = has_axis ? normalize_axis(axis, a0.ndim()) : 0;
  fpe_clear();
  // A C-contiguous input already in the accumulation dtype is scanned straight into a fresh
  // result (one pass over memory); anything else is first cast into a C-ordered copy and scanned
  // in place. The additions are the same either way.
  const bool direct = a0.dtype()->typenum == acc->typenum && a0.c_contiguous();
  Array r;
  if (direct) {
    r = Array::allocate(acc, a0.ndim(), a0.shape(), CNP_ORDER_C);
  } else {
    r = cast_copy(a0, acc, CNP_ORDER_C);
  }
  if (!has_axis) {
    int64_t n = r.size(), s = r.itemsize();
    r = r.view(1, &n, &s, r.data());
  }
  const char* src = direct ? a0.data() : r.data();
  const Op op = is_prod ? Op::mul : Op::add;
  if (r.ndim() > 0 && r.size() > 0) {
    int64_t outer = 1, inner = 1, len = r.shape(ax);
    for (int32_t i = 0; i < ax; ++i) outer *= r.shape(i);
    for (int32_t i = ax + 1; i < r.ndim(); ++i) inner *= r.shape(i);
    visit_type(acc->typenum, [&](auto tag) {
      using T = typename decltype(tag)::type;
      T* p = reinterpret_cast<T*>(r.data());
      const T* in = reinterpret_cast<const T*>(src);
      for (int64_t o = 0; o < outer; ++o) {
        T* block = p + o * len * inner;
        const T* iblock = in + o * len * inner;
        if (block != iblock) std::copy(iblock, iblock + inner, block);
        if (inner == 1) {
          // The running value stays in a register: out[k-1] is not reloaded from memory, so
          // the loop is bound by the add's latency, not by store-to-load forwarding.
          T run = block[0];
          for (int64_t k = 1; k < len; ++k) block[k] = run = combine<T>(op, run, iblock[k]);
          continue;
        }
        for (int64_t k = 1; k < len; ++k) {
          T* row = block + k * inner;
          const T* irow = iblock + k * inner;
          const T* prev = row - inner;
          for (int64_t i = 0; i < inner; ++i) row[i] = combine<T>(op, prev[i], irow[i]);
        }
      }
    });
  }
  fpe_report(fpe_read(), "accumulate");
  return accumulate_out(r, out, has_axis);
}

Array accumulate_out(const Array& r, Array* out, bool has_axis) {
  if (!out) return r;
  out->require_writeable();
  bool same = out->ndim() == r.ndim();
  for (int32_t i = 0; same && i < r.ndim(); ++i) same = out->shape(i) == r.shape(i);
  if (!same) {
    // NumPy: a flattened accumulation checks the size; along an axis its iterator reports the
    // shapes it could not broadcast.
    bool broadcast_error = has_axis && out->ndim() == r.ndim();
    for (int32_t i = 0; broadcast_error && i < r.ndim(); ++i)
      broadcast_error = out->shape(i) == r.shape(i) || out->shape(i) != 1;
    if (broadcast_error) {
      const std::string o = numpy_shape_string(out->ndim(), out->shape()), a = numpy_shape_string(r.ndim(), r.shape());
      throw_value("operands could not be broadcast together with remapped shapes [original->remapped]: " + o + "->" +
                  o + " " + a + "->" + a + " ");
    }
    throw_value("provided out is the wrong size for the accumulation.");
  }
  assign(*out, r, CNP_CASTING_UNSAFE);
  return *out;
}

}  // namespace cnp::reduce
