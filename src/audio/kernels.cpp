// ISA-dispatched polyphase loops (see kernels.hpp).
#include "audio/kernels.hpp"

#include <algorithm>

#include "audio/dot.hpp"
#include "core/target.hpp"

namespace cnp::audio {

namespace {

// Four outputs' accumulators reduced at once with shuffles; lane for lane the same additions in
// the same order as hsum16 / hsum8 (upper half onto lower half, then (b0 + b2) + (b1 + b3)), so the
// results equal the one-at-a-time path bit for bit.
using V16 = Vec<float>::type;
using V8 = Vec<double>::type;
[[gnu::always_inline]] inline void hsum4(V16 a0, V16 a1, V16 a2, V16 a3, float* r) {
  V16 x01 = __builtin_shufflevector(a0, a1, 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23) +
            __builtin_shufflevector(a0, a1, 8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31);
  V16 x23 = __builtin_shufflevector(a2, a3, 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23) +
            __builtin_shufflevector(a2, a3, 8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31);
  V16 b = __builtin_shufflevector(x01, x23, 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27) +
          __builtin_shufflevector(x01, x23, 4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31);
  auto u = __builtin_shufflevector(b, b, 0, 1, 4, 5, 8, 9, 12, 13) + __builtin_shufflevector(b, b, 2, 3, 6, 7, 10, 11, 14, 15);
  auto f = __builtin_shufflevector(u, u, 0, 2, 4, 6) + __builtin_shufflevector(u, u, 1, 3, 5, 7);
  r[0] = f[0];
  r[1] = f[1];
  r[2] = f[2];
  r[3] = f[3];
}
[[gnu::always_inline]] inline void hsum4(V8 a0, V8 a1, V8 a2, V8 a3, double* r) {
  V8 x01 = __builtin_shufflevector(a0, a1, 0, 1, 2, 3, 8, 9, 10, 11) + __builtin_shufflevector(a0, a1, 4, 5, 6, 7, 12, 13, 14, 15);
  V8 x23 = __builtin_shufflevector(a2, a3, 0, 1, 2, 3, 8, 9, 10, 11) + __builtin_shufflevector(a2, a3, 4, 5, 6, 7, 12, 13, 14, 15);
  V8 u = __builtin_shufflevector(x01, x23, 0, 1, 4, 5, 8, 9, 12, 13) + __builtin_shufflevector(x01, x23, 2, 3, 6, 7, 10, 11, 14, 15);
  auto f = __builtin_shufflevector(u, u, 0, 2, 4, 6) + __builtin_shufflevector(u, u, 1, 3, 5, 7);
  r[0] = f[0];
  r[1] = f[1];
  r[2] = f[2];
  r[3] = f[3];
}

template <class C, class O>
[[gnu::always_inline]] inline void rational_body(const RationalRun& r) {
  const C* table = static_cast<const C*>(r.table);
  const C* const* hist = reinterpret_cast<const C* const*>(r.hist);
  O* out = static_cast<O*>(r.out);
  const int64_t T = r.T, L = r.L, dn = r.M / r.L, dp = r.M % r.L;
  int64_t n = r.n0, p = r.p0;
  auto step = [&] {
    n += dn;
    p += dp;
    if (p >= L) {
      p -= L;
      ++n;
    }
  };
  int64_t i = 0;
  // Groups of four outputs share one transposed lane reduction.
  for (; i + 4 <= r.count; i += 4) {
    const C* c[4];
    int64_t base[4];
    for (int j = 0; j < 4; ++j) {
      c[j] = table + p * T;
      base[j] = n + r.off;
      step();
    }
    for (int64_t ch = 0; ch < r.channels; ++ch) {
      const C* h = hist[ch];
      C s[4];
      hsum4(dot_lanes<C>(c[0], h + base[0], T), dot_lanes<C>(c[1], h + base[1], T),
            dot_lanes<C>(c[2], h + base[2], T), dot_lanes<C>(c[3], h + base[3], T), s);
      for (int j = 0; j < 4; ++j) out[(i + j) * r.fstride + ch * r.cstride] = static_cast<O>(s[j]);
    }
  }
  for (; i < r.count; ++i) {
    const C* c = table + p * T;
    const int64_t base = n + r.off;
    O* o = out + i * r.fstride;
    for (int64_t ch = 0; ch < r.channels; ++ch) o[ch * r.cstride] = static_cast<O>(dot<C>(c, hist[ch] + base, T));
    step();
  }
}

}  // namespace

namespace {
template <class C>
[[gnu::always_inline]] inline void spectrum_body(C* __restrict sp, const C* __restrict xs, const C* __restrict hh,
                                                 int64_t m, int64_t nh) {
  // Bin k of the zero-stuffed block is bin k mod m of the short block (m points, half spectrum
  // stored): direct up to m/2, conjugate mirror above.
  for (int64_t base = 0; base <= nh; base += m) {
    const int64_t end = std::min(nh - base, m - 1);
    for (int64_t j = 0; j <= std::min(end, m / 2); ++j) {
      const int64_t k = base + j;
      C a = xs[2 * j], b = xs[2 * j + 1], hr = hh[2 * k], hi = hh[2 * k + 1];
      sp[2 * k] = a * hr - b * hi;
      sp[2 * k + 1] = a * hi + b * hr;
    }
    for (int64_t j = m / 2 + 1; j <= end; ++j) {
      const int64_t k = base + j;
      C a = xs[2 * (m - j)], b = -xs[2 * (m - j) + 1], hr = hh[2 * k], hi = hh[2 * k + 1];
      sp[2 * k] = a * hr - b * hi;
      sp[2 * k + 1] = a * hi + b * hr;
    }
  }
}
template <class C>
[[gnu::always_inline]] inline void fold_body(C* __restrict f, const C* __restrict sp, int64_t n, int64_t d) {
  const int64_t nd = n / d, half = nd / 2;
  for (int64_t k = 0; k <= 2 * half + 1; ++k) f[k] = C(0);
  for (int64_t i = 0; i < d; ++i) {
    const int64_t off = i * nd;
    // bins j = k + off stored directly while j <= n/2, mirrored (conjugated) above
    int64_t split = std::min<int64_t>(half, n / 2 - off);  // last k with j <= n/2 (may be < 0)
    for (int64_t k = 0; k <= split; ++k) {
      f[2 * k] += sp[2 * (k + off)];
      f[2 * k + 1] += sp[2 * (k + off) + 1];
    }
    for (int64_t k = std::max<int64_t>(split + 1, 0); k <= half; ++k) {
      f[2 * k] += sp[2 * (n - k - off)];
      f[2 * k + 1] -= sp[2 * (n - k - off) + 1];
    }
  }
}
}  // namespace

CNP_TARGET_CLONES void fold_f(float* f, const float* sp, int64_t n, int64_t d) { fold_body(f, sp, n, d); }
CNP_TARGET_CLONES void fold_d(double* f, const double* sp, int64_t n, int64_t d) { fold_body(f, sp, n, d); }

CNP_TARGET_CLONES void spectrum_mul_f(float* sp, const float* x, const float* h, int64_t m, int64_t nh) {
  spectrum_body(sp, x, h, m, nh);
}
CNP_TARGET_CLONES void spectrum_mul_d(double* sp, const double* x, const double* h, int64_t m, int64_t nh) {
  spectrum_body(sp, x, h, m, nh);
}

CNP_TARGET_CLONES void rational_ff(const RationalRun& r) { rational_body<float, float>(r); }
CNP_TARGET_CLONES void rational_dd(const RationalRun& r) { rational_body<double, double>(r); }
CNP_TARGET_CLONES void rational_df(const RationalRun& r) { rational_body<double, float>(r); }

}  // namespace cnp::audio
