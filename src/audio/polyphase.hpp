// The polyphase FIR stage (see resampler.hpp): output k is sum_j x[j] h(k * in / out - j), with
// one exact coefficient row per phase for rational ratios (integer rates, L * taps small enough)
// and a cubic (Lagrange) interpolation of an oversampled row table otherwise. Input before index
// 0 is silence unless set_prefix() provides it; flush_to() pads silence after the end.
#pragma once
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "audio/dot.hpp"
#include "audio/filter_design.hpp"
#include "audio/kernels.hpp"
#include "audio/table_cache.hpp"
#include "core/array.hpp"
#include "core/dtype.hpp"
#include "core/error.hpp"

namespace cnp::audio {

// Exact per-phase tables up to this many coefficients (16 MB in double); beyond, the ratio takes
// the interpolated-table path like an irrational one.
inline constexpr int64_t kMaxRationalCoeffs = int64_t(1) << 21;
// Trim consumed history once this many frames are dead (amortises the move).
inline constexpr int64_t kTrimFrames = 1 << 14;

inline bool integral_rate(double r) { return r == std::floor(r) && r < 9007199254740992.0; }

// The rate ratio. When both rates are whole numbers, out / in = L / M in lowest terms and output
// lengths are exact integer arithmetic; otherwise they are computed in double.
struct RateRatio {
  bool whole = false;
  int64_t M = 1, L = 1;
  double in, out;
  RateRatio(double in_rate, double out_rate) : in(in_rate), out(out_rate) {
    whole = integral_rate(in_rate) && integral_rate(out_rate);
    if (whole) {
      const int64_t a = static_cast<int64_t>(in_rate), b = static_cast<int64_t>(out_rate), g = std::gcd(a, b);
      M = a / g;
      L = b / g;
    }
  }
  // ceil(n * out / in) output frames for n input frames.
  int64_t out_length(int64_t n) const {
    if (whole) {
      __int128 num = static_cast<__int128>(n) * L;
      return static_cast<int64_t>((num + M - 1) / M);
    }
    return static_cast<int64_t>(std::ceil(double(n) * (out / in)));
  }
};

// Where output frames go: element strides of frames and channels in a float32/float64 buffer.
struct Sink {
  char* data;
  int32_t typenum;
  int64_t fstride, cstride;
};

template <class C>
class Polyphase {
 public:
  Polyphase(double in_rate, double out_rate, int64_t channels, const Design& d, int32_t table_phases)
      : ratio_(in_rate, out_rate), ch_(channels), d_(d) {
    W_ = d_.half;
    T_ = d_.taps();
    rational_ = ratio_.whole && ratio_.L <= kMaxRationalCoeffs / T_;
    step_ = in_rate / out_rate;
    if (rational_) {
      build_rows(ratio_.L, [&](int64_t r) { return double(r) / double(ratio_.L); });
    } else {
      P_ = table_phases;
      build_rows(P_ + 4, [&](int64_t s) { return double(s - 1) / double(P_); });
      scratch_.assign(T_, C(0));
    }
    hist_.resize(ch_);
    reset();
  }

  void reset() {
    for (auto& h : hist_) h.assign(W_, C(0));  // input index -W .. -1 is silence
    hist_start_ = -W_;
    received_ = 0;
    k_next_ = 0;
  }

  int64_t half() const { return W_; }
  int64_t taps() const { return T_; }
  bool rational() const { return rational_; }
  int64_t next() const { return k_next_; }

  // Input before index 0 (the last `count` <= W samples before it) for channel c; after reset().
  void set_prefix(int64_t c, const C* v, int64_t count) {
    std::copy(v, v + count, hist_[c].end() - count);
  }

  int64_t out_length(int64_t n) const { return ratio_.out_length(n); }

  // Room for `frames` more input frames at the end of every channel; fill them through
  // tail(c) before the next call.
  void extend(int64_t frames) {
    for (auto& h : hist_) h.resize(h.size() + frames);
    received_ += frames;
    last_extend_ = frames;
  }
  C* tail(int64_t c) { return hist_[c].data() + hist_[c].size() - last_extend_; }
  void reserve(int64_t frames) {
    for (auto& h : hist_) h.reserve(h.size() + frames);
  }

  // Appends frames: channel c's samples at src[c][i * stride].
  void append(const C* const* src, int64_t frames, int64_t stride) {
    for (int64_t c = 0; c < ch_; ++c) {
      auto& h = hist_[c];
      size_t old = h.size();
      h.resize(old + frames);
      C* dst = h.data() + old;
      const C* s = src[c];
      if (stride == 1)
        std::copy(s, s + frames, dst);
      else
        for (int64_t i = 0; i < frames; ++i) dst[i] = s[i * stride];
    }
    received_ += frames;
  }

  // Outputs computable from the input received so far (end index, exclusive).
  int64_t ready() const {
    int64_t end = k_next_;
    if (rational_) {
      int64_t avail = received_ - W_;  // outputs whose last input index n + W < received
      if (avail > 0) end = ratio_.out_length(avail);
      return end < k_next_ ? k_next_ : end;
    }
    while (n_of(end) + W_ < received_) ++end;
    return end;
  }

  // Pads silence so that outputs up to `total` (exclusive) can be computed.
  void pad_to(int64_t total) {
    if (total <= k_next_) return;
    int64_t need = n_of(total - 1) + W_ + 1 - hist_start_;
    for (auto& h : hist_)
      if (static_cast<int64_t>(h.size()) < need) h.resize(need, C(0));
  }

  // Computes outputs k_next .. end-1 into sink (frame 0 = k_next) and advances.
  void emit(int64_t end, const Sink& s) {
    if (end <= k_next_) return;
    if (s.typenum == CNP_FLOAT64)
      run(reinterpret_cast<double*>(s.data), k_next_, end, s.fstride, s.cstride);
    else
      run(reinterpret_cast<float*>(s.data), k_next_, end, s.fstride, s.cstride);
    k_next_ = end;
    trim();
  }

  double delay() const { return double(W_) * ratio_.out / ratio_.in; }

 private:
  template <class Frac>
  void build_rows(int64_t rows, Frac frac_of) {
    std::string key = table_key("poly", sizeof(C), rows, T_, W_, d_.h.fc, d_.h.half_width, d_.h.beta,
                                rational_ ? ratio_.L : -P_);
    shared_ = cached_table<C>(key, [&] {
      std::vector<C> t(rows * T_);
      std::vector<double> row(T_);
      for (int64_t r = 0; r < rows; ++r) {
        double f = frac_of(r), sum = 0.0;
        for (int64_t i = 0; i < T_; ++i) {
          row[i] = d_.h(f + double(W_ - 1 - i));
          sum += row[i];
        }
        // Unit DC gain for every phase: no phase-dependent gain modulation of low frequencies.
        for (int64_t i = 0; i < T_; ++i) t[r * T_ + i] = static_cast<C>(row[i] / sum);
      }
      return t;
    });
    table_ = shared_->data();
  }

  // Input index of the sample output k's window is anchored on (taps n-W+1 .. n+W).
  // k * M in 64 bits when it cannot overflow (always, for audio lengths); else 128 bits.
  bool small(int64_t k) const { return ratio_.M < (int64_t(1) << 31) && k < (int64_t(1) << 32); }

  int64_t n_of(int64_t k) const {
    if (rational_ && small(k)) return k * ratio_.M / ratio_.L;
    if (rational_) return static_cast<int64_t>(static_cast<__int128>(k) * ratio_.M / ratio_.L);
    return static_cast<int64_t>(std::floor(double(k) * step_));
  }

  const C* coeffs(int64_t k, int64_t& n) {
    if (rational_ && small(k)) {
      int64_t km = k * ratio_.M;
      n = km / ratio_.L;
      return table_ + (km - n * ratio_.L) * T_;
    }
    if (rational_) {
      __int128 km = static_cast<__int128>(k) * ratio_.M;
      n = static_cast<int64_t>(km / ratio_.L);
      int64_t phase = static_cast<int64_t>(km - static_cast<__int128>(n) * ratio_.L);
      return table_ + phase * T_;
    }
    double t = double(k) * step_;
    double fl = std::floor(t);
    n = static_cast<int64_t>(fl);
    double pos = (t - fl) * double(P_);
    double pf = std::floor(pos);
    int64_t p = static_cast<int64_t>(pf);
    if (p >= P_) p = P_ - 1;  // t - fl rounds to 1.0 only at the last ulp
    double u = pos - double(p);
    // Lagrange cubic through the rows at p-1, p, p+1, p+2 (stored at p .. p+3).
    double w0 = -u * (u - 1.0) * (u - 2.0) / 6.0;
    double w1 = (u + 1.0) * (u - 1.0) * (u - 2.0) / 2.0;
    double w2 = -(u + 1.0) * u * (u - 2.0) / 2.0;
    double w3 = (u + 1.0) * u * (u - 1.0) / 6.0;
    const C* r = table_ + p * T_;
    combine4<C>(scratch_.data(), r, r + T_, r + 2 * T_, r + 3 * T_, C(w0), C(w1), C(w2), C(w3), T_);
    return scratch_.data();
  }

  template <class O>
  void run(O* out, int64_t k0, int64_t k1, int64_t fs, int64_t cs) {
    constexpr bool kernel = sizeof(C) == 8 || sizeof(O) == 4;  // not float compute -> double out
    if (kernel && rational_) {
      // (n, phase) of k0 once, then stepped in the ISA-dispatched kernel.
      __int128 km = static_cast<__int128>(k0) * ratio_.M;
      int64_t n = static_cast<int64_t>(km / ratio_.L);
      int64_t p = static_cast<int64_t>(km - static_cast<__int128>(n) * ratio_.L);
      ptrs_.resize(ch_);
      for (int64_t c = 0; c < ch_; ++c) ptrs_[c] = hist_[c].data();
      RationalRun r{table_, T_, ratio_.L, ratio_.M, n, p, k1 - k0, ptrs_.data(), ch_, -W_ + 1 - hist_start_,
                    out, fs, cs};
      if constexpr (sizeof(C) == 4 && sizeof(O) == 4)
        rational_ff(r);
      else if constexpr (sizeof(C) == 8 && sizeof(O) == 8)
        rational_dd(r);
      else if constexpr (sizeof(C) == 8)
        rational_df(r);
      return;
    }
    for (int64_t k = k0; k < k1; ++k) {
      int64_t n;
      const C* c = coeffs(k, n);
      int64_t base = n - W_ + 1 - hist_start_;
      O* o = out + (k - k0) * fs;
      for (int64_t ch = 0; ch < ch_; ++ch) o[ch * cs] = static_cast<O>(dot<C>(c, hist_[ch].data() + base, T_));
    }
  }

  void trim() {
    int64_t first = n_of(k_next_) - W_ + 1;  // oldest input index still needed
    int64_t dead = first - hist_start_;
    if (dead < kTrimFrames || dead * 2 < static_cast<int64_t>(hist_[0].size())) return;
    for (auto& h : hist_) h.erase(h.begin(), h.begin() + dead);
    hist_start_ += dead;
  }

  RateRatio ratio_;
  int64_t ch_;
  Design d_;
  int64_t W_ = 0, T_ = 0;
  bool rational_ = false;
  int64_t P_ = 0;
  double step_ = 1.0;
  std::shared_ptr<const std::vector<C>> shared_;
  const C* table_ = nullptr;
  std::vector<C> scratch_;
  std::vector<const void*> ptrs_;
  std::vector<std::vector<C>> hist_;
  int64_t hist_start_ = 0, received_ = 0, k_next_ = 0, last_extend_ = 0;
};

}  // namespace cnp::audio
