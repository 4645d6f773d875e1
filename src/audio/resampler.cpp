// The streaming polyphase resampler (see resampler.hpp and docs/audio.md).
#include "audio/resampler.hpp"

#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "audio/dot.hpp"
#include "audio/filter_design.hpp"
#include "core/cast.hpp"
#include "core/dtype.hpp"
#include "core/error.hpp"

namespace cnp::audio {

namespace {

// Exact per-phase tables up to this many coefficients (16 MB in double); beyond, the ratio takes
// the interpolated-table path like an irrational one.
constexpr int64_t kMaxRationalCoeffs = int64_t(1) << 21;
// Trim consumed history once this many frames are dead (amortises the move).
constexpr int64_t kTrimFrames = 1 << 14;

bool integral_rate(double r) { return r == std::floor(r) && r < 9007199254740992.0; }

std::string fmt_rate(double r) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", r);
  return buf;
}

struct Layout {
  int64_t frames = 0;
  int64_t channels = 1;
  int64_t fstride = 0;  // element strides of the output
  int64_t cstride = 0;
};

template <class C>
class Engine final : public Resampler {
 public:
  Engine(double in_rate, double out_rate, int64_t channels, int32_t typenum, int32_t quality)
      : in_(in_rate), out_(out_rate), ch_(channels), typenum_(typenum) {
    d_ = design(in_rate, out_rate, quality);
    W_ = d_.half;
    T_ = d_.taps();
    int_rates_ = integral_rate(in_rate) && integral_rate(out_rate);
    if (int_rates_) {
      int64_t a = static_cast<int64_t>(in_rate), b = static_cast<int64_t>(out_rate);
      int64_t g = std::gcd(a, b);
      M_ = a / g;
      L_ = b / g;
    }
    rational_ = int_rates_ && L_ <= kMaxRationalCoeffs / T_;
    step_ = in_rate / out_rate;
    if (rational_) {
      build_rows(L_, [&](int64_t r) { return double(r) / double(L_); });
    } else {
      P_ = preset(quality).table_phases;
      build_rows(P_ + 4, [&](int64_t s) { return double(s - 1) / double(P_); });
      scratch_.assign(T_, C(0));
    }
    hist_.resize(ch_);
    reset();
  }

  void reset() override {
    for (auto& h : hist_) h.assign(W_, C(0));  // input index -W .. -1 is silence
    hist_start_ = -W_;
    received_ = 0;
    k_next_ = 0;
    flushed_ = false;
  }

  double delay() const override { return double(W_) * out_ / in_; }
  int64_t channels() const override { return ch_; }
  int64_t taps() const override { return T_; }
  bool rational() const override { return rational_; }

  int64_t out_length(int64_t n) const override {
    if (int_rates_) {
      __int128 num = static_cast<__int128>(n) * L_;
      return static_cast<int64_t>((num + M_ - 1) / M_);
    }
    return static_cast<int64_t>(std::ceil(double(n) * (out_ / in_)));
  }

  Array process(const Array& chunk, bool planar) override {
    if (flushed_) throw_value("Resampler.process: called after flush(); call reset() to start a new stream");
    append(chunk, planar);
    int64_t end = k_next_;
    if (rational_) {
      int64_t avail = received_ - W_;  // outputs whose last input index n + W < received
      if (avail > 0) {
        __int128 num = static_cast<__int128>(avail) * L_;
        end = static_cast<int64_t>((num + M_ - 1) / M_);
      }
      if (end < k_next_) end = k_next_;
    } else {
      while (n_of(end) + W_ < received_) ++end;
    }
    return emit(end, planar);
  }

  void feed(const Array& chunk, bool planar) override {
    if (flushed_) throw_value("Resampler.process: called after flush(); call reset() to start a new stream");
    append(chunk, planar);
  }

  Array flush(bool planar) override {
    if (!flushed_) {
      total_ = out_length(received_);
      flushed_ = true;
      if (total_ > k_next_) {  // silence after the end, as far as the last output reaches
        int64_t need = n_of(total_ - 1) + W_ + 1 - hist_start_;
        for (auto& h : hist_)
          if (static_cast<int64_t>(h.size()) < need) h.resize(need, C(0));
      }
    }
    return emit(total_, planar);
  }

 private:
  template <class Frac>
  void build_rows(int64_t rows, Frac frac_of) {
    table_.assign(rows * T_, C(0));
    std::vector<double> row(T_);
    for (int64_t r = 0; r < rows; ++r) {
      double f = frac_of(r), sum = 0.0;
      for (int64_t i = 0; i < T_; ++i) {
        row[i] = d_.h(f + double(W_ - 1 - i));
        sum += row[i];
      }
      // Unit DC gain for every phase: no phase-dependent gain modulation of low frequencies.
      for (int64_t i = 0; i < T_; ++i) table_[r * T_ + i] = static_cast<C>(row[i] / sum);
    }
  }

  // Input index of the newest sample that output k's window is anchored on.
  int64_t n_of(int64_t k) const {
    if (rational_) return static_cast<int64_t>(static_cast<__int128>(k) * M_ / L_);
    return static_cast<int64_t>(std::floor(double(k) * step_));
  }

  // The coefficients of output k (taps for input indices n-W+1 .. n+W) and its n.
  const C* coeffs(int64_t k, int64_t& n) {
    if (rational_) {
      __int128 km = static_cast<__int128>(k) * M_;
      n = static_cast<int64_t>(km / L_);
      int64_t phase = static_cast<int64_t>(km - static_cast<__int128>(n) * L_);
      return &table_[phase * T_];
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
    const C* r = &table_[p * T_];
    combine4<C>(scratch_.data(), r, r + T_, r + 2 * T_, r + 3 * T_, C(w0), C(w1), C(w2), C(w3), T_);
    return scratch_.data();
  }

  void append(const Array& chunk, bool planar) {
    int32_t nd = chunk.ndim();
    if (nd != 1 && nd != 2)
      throw_value("Resampler.process: expected a 1-D (frames,) or 2-D (frames, channels) array, got " +
                  std::to_string(nd) + "-D");
    int64_t frames, chans;
    if (nd == 1) {
      frames = chunk.shape(0);
      chans = 1;
    } else {
      frames = chunk.shape(planar ? 1 : 0);
      chans = chunk.shape(planar ? 0 : 1);
    }
    if (chans != ch_)
      throw_value("Resampler.process: the resampler has " + std::to_string(ch_) + " channel(s), the chunk has " +
                  std::to_string(chans));
    last_ndim_ = nd;
    working_typenum("Resampler.process", chunk.dtype());
    if (frames == 0) return;
    constexpr int32_t ctype = sizeof(C) == 8 ? CNP_FLOAT64 : CNP_FLOAT32;
    Array a = cast_copy(chunk, builtin_dtype(ctype), CNP_ORDER_C);
    const C* src = reinterpret_cast<const C*>(a.data());
    int64_t fs = nd == 1 ? 1 : planar ? 1 : ch_;
    int64_t cs = nd == 1 ? 0 : planar ? frames : 1;
    for (int64_t c = 0; c < ch_; ++c) {
      auto& h = hist_[c];
      size_t old = h.size();
      h.resize(old + frames);
      C* dst = h.data() + old;
      const C* s = src + c * cs;
      for (int64_t i = 0; i < frames; ++i) dst[i] = s[i * fs];
    }
    received_ += frames;
  }

  template <class O>
  void run(O* out, int64_t k0, int64_t k1, int64_t fs, int64_t cs) {
    for (int64_t k = k0; k < k1; ++k) {
      int64_t n;
      const C* c = coeffs(k, n);
      int64_t base = n - W_ + 1 - hist_start_;
      O* o = out + (k - k0) * fs;
      for (int64_t ch = 0; ch < ch_; ++ch) o[ch * cs] = static_cast<O>(dot<C>(c, hist_[ch].data() + base, T_));
    }
  }

  Array emit(int64_t end, bool planar) {
    int64_t count = end > k_next_ ? end - k_next_ : 0;
    int64_t shape[2];
    int32_t nd = last_ndim_;
    if (nd == 1) {
      shape[0] = count;
    } else if (planar) {
      shape[0] = ch_;
      shape[1] = count;
    } else {
      shape[0] = count;
      shape[1] = ch_;
    }
    Array out = Array::allocate(builtin_dtype(typenum_), nd, shape, CNP_ORDER_C);
    int64_t fs = nd == 1 ? 1 : planar ? 1 : ch_;
    int64_t cs = nd == 1 ? 0 : planar ? count : 1;
    if (count > 0) {
      if (typenum_ == CNP_FLOAT64)
        run(reinterpret_cast<double*>(out.data()), k_next_, end, fs, cs);
      else
        run(reinterpret_cast<float*>(out.data()), k_next_, end, fs, cs);
      k_next_ = end;
      trim();
    }
    return out;
  }

  void trim() {
    int64_t first = n_of(k_next_) - W_ + 1;  // oldest input index still needed
    int64_t dead = first - hist_start_;
    if (dead < kTrimFrames || dead * 2 < static_cast<int64_t>(hist_[0].size())) return;
    for (auto& h : hist_) h.erase(h.begin(), h.begin() + dead);
    hist_start_ += dead;
  }

  double in_, out_;
  int64_t ch_;
  int32_t typenum_;
  Design d_;
  int64_t W_ = 0, T_ = 0;
  bool int_rates_ = false, rational_ = false;
  int64_t L_ = 1, M_ = 1, P_ = 0;
  double step_ = 1.0;
  std::vector<C> table_, scratch_;
  std::vector<std::vector<C>> hist_;
  int64_t hist_start_ = 0, received_ = 0, k_next_ = 0, total_ = 0;
  bool flushed_ = false;
  int32_t last_ndim_ = 1;
};

}  // namespace

void check_rate(const char* fn, const char* name, double rate) {
  if (!(rate > 0.0) || !std::isfinite(rate))
    throw_value(std::string(fn) + ": " + name + " must be a positive finite number, got " + fmt_rate(rate));
}

int32_t working_typenum(const char* fn, const Dtype* d) {
  if (d->typenum == CNP_FLOAT32 || d->typenum == CNP_FLOAT16) return CNP_FLOAT32;
  if (d->kind == 'f' || d->kind == 'i' || d->kind == 'u' || d->kind == 'b') return CNP_FLOAT64;
  throw_type(std::string(fn) + ": unsupported dtype " + d->name + " (expected a real floating or integer dtype)");
}

std::unique_ptr<Resampler> make_resampler(double in_rate, double out_rate, int64_t channels, int32_t typenum,
                                          int32_t quality) {
  check_rate("Resampler", "in_rate", in_rate);
  check_rate("Resampler", "out_rate", out_rate);
  if (channels < 1) throw_value("Resampler: channels must be >= 1, got " + std::to_string(channels));
  if (typenum != CNP_FLOAT32 && typenum != CNP_FLOAT64)
    throw_type("Resampler: dtype must be float32 or float64");
  preset(quality);  // validates
  // float32 streams compute in float32 up to 'hq' (measured SINAD in docs/audio.md); 'vhq' and
  // float64 compute in double.
  if (typenum == CNP_FLOAT32 && quality < 3)
    return std::make_unique<Engine<float>>(in_rate, out_rate, channels, typenum, quality);
  return std::make_unique<Engine<double>>(in_rate, out_rate, channels, typenum, quality);
}

Array resample(const Array& x, double in_rate, double out_rate, int32_t quality, bool planar) {
  check_rate("resample", "in_rate", in_rate);
  check_rate("resample", "out_rate", out_rate);
  int32_t nd = x.ndim();
  if (nd != 1 && nd != 2)
    throw_value("resample: expected a 1-D (frames,) or 2-D (frames, channels) array, got " + std::to_string(nd) +
                "-D");
  int32_t typenum = working_typenum("resample", x.dtype());
  int64_t frames = nd == 1 ? x.shape(0) : x.shape(planar ? 1 : 0);
  int64_t chans = nd == 1 ? 1 : x.shape(planar ? 0 : 1);
  if (frames == 0) throw_value("resample: the input has no frames");
  if (chans == 0) throw_value("resample: the input has no channels");
  auto r = make_resampler(in_rate, out_rate, chans, typenum, quality);
  r->feed(x, planar);
  return r->flush(planar);
}

}  // namespace cnp::audio
