// ISA-dispatched polyphase loops (see kernels.hpp).
#include "audio/kernels.hpp"

#include "audio/dot.hpp"

namespace cnp::audio {

namespace {

template <class C, class O>
[[gnu::always_inline]] inline void rational_body(const RationalRun& r) {
  const C* table = static_cast<const C*>(r.table);
  const C* const* hist = reinterpret_cast<const C* const*>(r.hist);
  O* out = static_cast<O*>(r.out);
  const int64_t T = r.T, L = r.L, dn = r.M / r.L, dp = r.M % r.L;
  int64_t n = r.n0, p = r.p0;
  for (int64_t i = 0; i < r.count; ++i) {
    const C* c = table + p * T;
    const int64_t base = n + r.off;
    O* o = out + i * r.fstride;
    for (int64_t ch = 0; ch < r.channels; ++ch) o[ch * r.cstride] = static_cast<O>(dot<C>(c, hist[ch] + base, T));
    n += dn;
    p += dp;
    if (p >= L) {
      p -= L;
      ++n;
    }
  }
}

}  // namespace

#define CNP_AUDIO_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))

CNP_AUDIO_CLONES void rational_ff(const RationalRun& r) { rational_body<float, float>(r); }
CNP_AUDIO_CLONES void rational_dd(const RationalRun& r) { rational_body<double, double>(r); }
CNP_AUDIO_CLONES void rational_df(const RationalRun& r) { rational_body<double, float>(r); }

}  // namespace cnp::audio
