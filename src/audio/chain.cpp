// FFT resampling. Integer rates whose reduced ratio L/M has only small prime factors take the
// resize mode (init_resize below): one FFT stage that filters and changes the rate at once. The
// rest (irrational ratios, large primes) take the two-stage chain described here.
//
// Two-stage resampling. Stage A is the expensive part of any high-quality resampler: a low-pass
// with a narrow transition band (0.95 -> 1.0 of the lower Nyquist) and >= 130 dB stopband, about
// 2 * 370 taps at the input rate. Run as FFT overlap-save it costs a few multiply-adds per sample
// instead of hundreds. It also changes the rate by an integer factor: up by U = 2 (zero-stuffing
// folded into the spectrum) or down by an integer D. Stage B (Polyphase) then only has to reject
// the far images of an oversampled, already band-limited signal: a wide transition band and
// about 20 taps, for any remaining ratio including irrational ones.
//
// Streaming equals one-shot exactly: stage A works on a fixed grid of blocks (block b makes
// stage-A outputs b*S .. b*S+S-1, counted from the start of the stream), each computed from the
// same input samples with the same FFTW plan on equally aligned buffers whether the input came
// in one piece or many; silence is assumed before the start and after the end.
#include "audio/chain.hpp"

#include <fftw3.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <vector>

#include "audio/filter_design.hpp"
#include "audio/kernels.hpp"
#include "audio/polyphase.hpp"
#include "audio/stream_io.hpp"
#include "audio/table_cache.hpp"
#include "fft/plan_cache.hpp"

namespace cnp::audio {

namespace {

template <class C>
struct FftwBuf {
  C* p = nullptr;
  explicit FftwBuf(int64_t n) {
    p = static_cast<C*>(sizeof(C) == 8 ? fftw_malloc(sizeof(C) * n) : fftwf_malloc(sizeof(C) * n));
    if (!p) throw std::bad_alloc();
  }
  ~FftwBuf() {
    if (sizeof(C) == 8)
      fftw_free(p);
    else
      fftwf_free(p);
  }
  FftwBuf(const FftwBuf&) = delete;
  FftwBuf& operator=(const FftwBuf&) = delete;
};

int64_t round_up(int64_t v, int64_t q) { return (v + q - 1) / q * q; }

// Stage A's upsampling factor. 3 would make stage B's transition wide enough for 16 taps at
// 140 dB (2 needs 19, padded to 32) for a third more FFT work: measured slower (44.1k -> 48k,
// float32 mono 3.3-3.9 ms against 2.8-3.0 ms), so 2. The code handles any U.
constexpr int64_t kUp = 2;
// The resize mode's transforms are at least 16 M and 16 L long: beyond this factor (e.g.
// 44100 -> 48001) the two-stage chain is used instead.
constexpr int64_t kMaxResizeFactor = 1024;

template <class C>
class Chain final : public Resampler {
  using Cx = std::complex<C>;

 public:
  Chain(double in_rate, double out_rate, int64_t channels, int32_t typenum, int32_t quality, int64_t U, int64_t D,
        bool stage_b, bool resize)
      : ratio_(in_rate, out_rate), ch_(channels), typenum_(typenum), U_(U), D_(D), resize_(resize) {
    const Preset& p = preset(quality);
    const double f_low = 0.5 * std::min(in_rate, out_rate);
    if (resize_) {
      init_resize(p, f_low);
    } else {
      init_two_stage(p, f_low, quality, stage_b);
    }
    hist_.resize(ch_);
    pending_.resize(ch_);
    reset();
  }

 private:
  // One FFT stage that resamples by L/M itself (U = L, D = M: indices below are at the virtual
  // rate in * L). A block of Nin = M q input samples is transformed, multiplied by the low-pass
  // (designed at the input rate), its spectrum cut or zero-padded to Nout = L q bins and
  // transformed back: the inverse transform evaluates the filtered block's band-limited
  // interpolant at the output instants k * M / L, exactly the FIR sum y(t) = sum_n x[n] h(t - n)
  // up to the filter's own stopband leakage. Overlap-save keeps the outputs the wrap-around
  // does not reach. No second stage, and the transforms are only as long as the two rates need.
  void init_resize(const Preset& p, double f_low) {
    const int64_t L = U_, M = D_;
    double fc = f_low * 0.5 * (p.pass + p.stop) / ratio_.in;
    double dw = f_low * (p.stop - p.pass) / ratio_.in;
    check_taps(kaiser_taps(p.atten, dw), ratio_.in, ratio_.out);
    // The filter reaches e input samples either side of its centre cc. Windows start e samples
    // before their block's first output time; the first valid output of a block is rout[r], at
    // block position r * M / L = cc + e: cc is fractional so that r is whole for any L/M.
    const int64_t e = static_cast<int64_t>(std::ceil(kaiser_taps(p.atten, dw) / 2.0)) + 1;
    const int64_t r = (2 * e * L + M - 1) / M;
    const double cc = double(r) * double(M) / double(L) - double(e);
    // Transform length M * 2^k with the fewest transform operations per output (n log n for
    // both transforms over the samples a block advances); at least 4 filter lengths.
    int64_t best = 0;
    double best_cost = 0.0;
    for (int64_t nin = M; nin <= (int64_t(1) << 22); nin *= 2) {
      int64_t step = (nin - (r * M + L - 1) / L) / M * M;
      if (nin < 4 * 2 * e || step <= 0) continue;
      int64_t nout = nin / M * L;
      double cost = (double(nin) * std::log2(double(nin)) + double(nout) * std::log2(double(nout))) / double(step);
      if (best == 0 || cost < best_cost) {
        best = nin;
        best_cost = cost;
      }
      if (nin > 64 * 2 * e) break;
    }
    const int64_t nin = best;
    nin_ = nin;
    nout_ = nin / M * L;
    c_ = e * L;
    N_ = nin * L;
    S_ = (nin - (r * M + L - 1) / L) / M * M * L;
    zoff_ = r;
    kbins_ = std::min(nin_, nout_) / 2;
    double beta = kaiser_beta(p.atten);
    const int64_t kb = kbins_;
    H_ = cached_table<Cx>(table_key("chainR", sizeof(C), L, M, nin, e, r, fc, beta), [&] {
      Prototype proto{fc, double(e), beta, 1.0 / bessel_i0(beta)};
      FftwBuf<double> hd(nin);
      FftwBuf<std::complex<double>> hs(nin / 2 + 1);
      double sum = 0.0;
      for (int64_t i = 0; i < nin; ++i) hd.p[i] = proto(double(i) - cc);  // zero beyond cc + e
      for (int64_t i = 0; i < nin; ++i) sum += hd.p[i];
      for (int64_t i = 0; i < nin; ++i) hd.p[i] /= sum;  // unit DC gain
      auto plan = fft::get_plan(fft::Problem{fft::Kind::r2c, false, {{nin, 1, 1}}, {}, 1}, hd.p, hs.p);
      plan->execute(fft::Kind::r2c, hd.p, hs.p);
      std::vector<Cx> out(kb + 1);
      for (int64_t k = 0; k <= kb; ++k) out[k] = Cx(hs.p[k] / double(nin));
      return out;
    });
    in_len_ = nin;
    rin_ = std::make_unique<FftwBuf<C>>(nin);
    xs_ = std::make_unique<FftwBuf<Cx>>(nin / 2 + 1);
    spec_ = std::make_unique<FftwBuf<Cx>>(nout_ / 2 + 1);
    rout_ = std::make_unique<FftwBuf<C>>(nout_);
    constexpr bool single = sizeof(C) == 4;
    plan_r2c_ = fft::get_plan(fft::Problem{fft::Kind::r2c, single, {{nin, 1, 1}}, {}, 1}, rin_->p, xs_->p);
    plan_c2r_ = fft::get_plan(fft::Problem{fft::Kind::c2r, single, {{nout_, 1, 1}}, {}, 1}, spec_->p, rout_->p);
  }

  void init_two_stage(const Preset& p, double f_low, int32_t quality, bool stage_b) {
    (void)quality;
    const double in_rate = ratio_.in, out_rate = ratio_.out;
    const double ru = in_rate * double(U_);  // stage A's working rate
    // Stage A: the sharp low-pass at the zero-stuffed rate, per-phase unit DC gain.
    double fc = f_low * 0.5 * (p.pass + p.stop) / ru;
    double dw = f_low * (p.stop - p.pass) / ru;
    // c even (2x: windows start on input samples) and, when decimating, a multiple of D (the
    // decimated outputs sit at whole positions of the folded block).
    check_taps(kaiser_taps(p.atten, dw), in_rate, out_rate);
    c_ = round_up(static_cast<int64_t>(std::ceil(kaiser_taps(p.atten, dw) / 2.0)), 2 * U_ * D_);
    const int64_t lh = 2 * c_ + 1;
    double beta = kaiser_beta(p.atten);
    N_ = 256 * U_ * D_;  // U * D * 2^k: the short (N / U) and decimated (N / D) blocks are 2^k
    while (N_ < 6 * (lh - 1)) N_ *= 2;
    S_ = (N_ - (lh - 1)) / (2 * U_ * D_) * (2 * U_ * D_);
    // H = FFT(h zero-padded to N) / N (the c2r is unnormalised), designed and transformed in
    // double, stored in C; shared between resamplers of the same design.
    H_ = cached_table<Cx>(table_key("chainH", sizeof(C), U_, D_, N_, c_, fc, beta), [&] {
      Prototype proto{fc, double(c_ + 1), beta, 1.0 / bessel_i0(beta)};
      std::vector<double> hd(N_, 0.0);
      for (int64_t i = 0; i < lh; ++i) hd[i] = proto(double(i - c_));
      for (int64_t r = 0; r < U_; ++r) {  // unit DC gain per phase of the zero-stuffed input
        double s = 0.0;
        for (int64_t i = r; i < lh; i += U_) s += hd[i];
        for (int64_t i = r; i < lh; i += U_) hd[i] /= s;
      }
      std::vector<std::complex<double>> hsd(N_ / 2 + 1);
      auto plan = fft::get_plan(fft::Problem{fft::Kind::r2c, false, {{N_, 1, 1}}, {}, 1}, hd.data(), hsd.data());
      plan->execute(fft::Kind::r2c, hd.data(), hsd.data());
      std::vector<Cx> out(N_ / 2 + 1);
      for (int64_t k = 0; k <= N_ / 2; ++k) out[k] = Cx(hsd[k] / double(N_));
      return out;
    });
    in_len_ = N_ / U_;
    rin_ = std::make_unique<FftwBuf<C>>(in_len_);
    spec_ = std::make_unique<FftwBuf<Cx>>(N_ / 2 + 1);
    xs_ = std::make_unique<FftwBuf<Cx>>(in_len_ / 2 + 1);
    rout_ = std::make_unique<FftwBuf<C>>(N_ / D_);
    if (D_ > 1) fold_ = std::make_unique<FftwBuf<Cx>>(N_ / D_ / 2 + 1);
    constexpr bool single = sizeof(C) == 4;
    plan_r2c_ = fft::get_plan(fft::Problem{fft::Kind::r2c, single, {{in_len_, 1, 1}}, {}, 1}, rin_->p, xs_->p);
    Cx* c2r_in = D_ > 1 ? fold_->p : spec_->p;
    plan_c2r_ = fft::get_plan(fft::Problem{fft::Kind::c2r, single, {{N_ / D_, 1, 1}}, {}, 1}, c2r_in, rout_->p);
    if (stage_b) {
      // Stage B: pass to 0.95 of the lower Nyquist, stop where the first image of the stage-A
      // signal starts (its rate minus the band edge).
      double ra = ru / double(D_);
      double pass = p.pass * f_low / ra, stop = (ra - p.stop * f_low) / ra;
      // taps a multiple of 16 (whole 64-byte vectors of floats)
      int64_t half = round_up(static_cast<int64_t>(std::ceil(kaiser_taps(p.atten, stop - pass) / 2.0)), 8);
      Design d;
      d.half = half;
      d.h = Prototype{0.5 * (pass + stop), double(half), beta, 1.0 / bessel_i0(beta)};
      b_ = std::make_unique<Polyphase<C>>(ra, out_rate, ch_, d, p.table_phases);
      b0_ = -((b_->half() * D_ + S_ - 1) / S_);
    }
  }

 public:

  void reset() override {
    // Input history from the first sample block b0 reads; silence before index 0.
    hist_start_ = std::min<int64_t>(0, (b0_ * S_ - c_) / U_);
    for (auto& h : hist_) h.assign(-hist_start_, C(0));
    for (auto& q : pending_) q.clear();
    received_ = 0;
    block_ = b0_;
    produced_ = 0;
    flushed_ = false;
    total_ = 0;
    if (b_) b_->reset();
  }

  double delay() const override {
    // Input samples held back: a block runs once its whole window has arrived, so up to the
    // window minus the part before its outputs (resize mode: S is rounded down to whole M, the
    // rest of the window is held too).
    double held = resize_ ? double(N_ - c_) / double(U_)
                          : double(c_ + S_ + (b_ ? b_->half() * D_ : 0)) / double(U_);
    return held * ratio_.out / ratio_.in;
  }
  int64_t channels() const override { return ch_; }
  int64_t taps() const override { return resize_ ? 2 * (c_ / U_) - 1 : 2 * c_ + 1; }
  bool rational() const override { return b_ ? b_->rational() : true; }

  int64_t out_length(int64_t n) const override {
    return ratio_.out_length(n);
  }

  Array process(const Array& chunk, bool planar) override {
    feed(chunk, planar);
    run_blocks(false);
    return emit(planar, false);
  }

  void feed(const Array& chunk, bool planar) override {
    if (flushed_) throw_value("Resampler.process: called after flush(); call reset() to start a new stream");
    ChunkIn<C> in = read_chunk<C>(chunk, planar, ch_, &last_ndim_);
    if (in.frames == 0) return;
    for (int64_t c = 0; c < ch_; ++c) {
      auto& h = hist_[c];
      size_t old = h.size();
      h.resize(old + in.frames);  // one-shot: the exact size in one step
      const C* s = in.ch[c];
      for (int64_t i = 0; i < in.frames; ++i) h[old + i] = s[i * in.stride];
    }
    received_ += in.frames;
    // The stage-A samples these frames will make, reserved in one step.
    int64_t more = in.frames * U_ / D_ + S_ / D_;
    if (b_)
      b_->reserve(more);
    else
      for (auto& q : pending_) q.reserve(q.size() + more);
  }

  Array oneshot(const Array& x, bool planar) override {
    ChunkIn<C> in = read_chunk<C>(x, planar, ch_, &last_ndim_);
    src_ = &in;
    received_ = in.frames;
    flushed_ = true;
    total_ = out_length(received_);
    Sink sink;
    Array out = new_output(typenum_, last_ndim_, planar, total_, ch_, &sink);
    if (!b_) direct_ = &sink;  // do_block writes the outputs in place
    int64_t done = 0;
    if (received_ > 0) {
      int64_t bl = last_needed() / S_;
      // Block by block, stage B drains as it goes so its history stays short.
      while (block_ <= bl) {
        do_block();
        done += drain(sink, done, false);
      }
    }
    done += drain(sink, done, true);
    src_ = nullptr;
    direct_ = nullptr;
    return out;
  }

  Array flush(bool planar) override {
    if (!flushed_) {
      flushed_ = true;
      total_ = out_length(received_);
      run_blocks(true);
    }
    return emit(planar, true);
  }

 private:
  // Last stage-A output index (m) that the stream's end needs.
  int64_t last_needed() const {
    if (b_) return U_ * (received_ - 1) + c_;  // everything the filter's tail reaches
    return (total_ - 1) * D_;
  }

  void run_blocks(bool at_end) {
    if (at_end) {
      if (received_ == 0) return;
      int64_t last = last_needed();
      // silence after the end for every block up to the one holding `last`
      int64_t bl = last >= 0 ? last / S_ : -1;
      int64_t need = (bl * S_ - c_ + N_) / U_ - hist_start_;
      for (auto& h : hist_)
        if (static_cast<int64_t>(h.size()) < need) h.resize(need, C(0));
      while (block_ <= bl) do_block();
    } else {
      while ((block_ * S_ - c_ + N_) / U_ <= received_) do_block();
    }
  }

  // The input window [w0, w0 + in_len) of channel c into rin: from the history when streaming,
  // straight from the caller's array in one-shot mode (silence outside [0, n)).
  void read_window(int64_t c, int64_t w0) {
    C* dst = rin_->p;
    if (!src_) {
      const C* x = hist_[c].data() + (w0 - hist_start_);
      std::copy(x, x + in_len_, dst);
      return;
    }
    const C* x = src_->ch[c];
    const int64_t st = src_->stride, n = received_;
    int64_t lo = std::max<int64_t>(w0, 0), hi = std::min<int64_t>(w0 + in_len_, n);
    int64_t j = 0;
    for (; j < std::min(lo - w0, in_len_); ++j) dst[j] = C(0);
    if (st == 1) {
      if (hi > lo) std::copy(x + lo, x + hi, dst + j);
      j += std::max<int64_t>(0, hi - lo);
    } else {
      for (int64_t i = lo; i < hi; ++i) dst[j++] = x[i * st];
    }
    for (; j < in_len_; ++j) dst[j] = C(0);
  }

  void do_block() {
    const int64_t w0 = (block_ * S_ - c_) / U_;  // first input index of the window
    for (int64_t c = 0; c < ch_; ++c) {
      read_window(c, w0);
      plan_r2c_->execute(fft::Kind::r2c, rin_->p, xs_->p);
      // Spectrum times H as plain real arithmetic on (re, im) pairs: std::complex's operator*
      // would call __mulsc3 (C99 Annex G inf/nan recovery) for every bin.
      C* sp = reinterpret_cast<C*>(spec_->p);
      const C* xs = reinterpret_cast<const C*>(xs_->p);
      const C* hh = reinterpret_cast<const C*>(H_->data());
      if (resize_) {
        // X H on the bins both rates share; above them the low-pass is in its stopband: zero.
        if constexpr (sizeof(C) == 4)
          spectrum_mul_f(sp, xs, hh, nin_, kbins_);
        else
          spectrum_mul_d(sp, xs, hh, nin_, kbins_);
        std::fill(sp + 2 * (kbins_ + 1), sp + 2 * (nout_ / 2 + 1), C(0));
        plan_c2r_->execute(fft::Kind::c2r, spec_->p, rout_->p);
      } else {
      // U > 1: the zero-stuffed block's spectrum is the short block's, repeated U times.
      if constexpr (sizeof(C) == 4)
        spectrum_mul_f(sp, xs, hh, N_ / U_, N_ / 2);
      else
        spectrum_mul_d(sp, xs, hh, N_ / U_, N_ / 2);
      if (D_ > 1) {
        // Decimation by D in the frequency domain: the spectrum of every D-th output sample is
        // the full spectrum folded onto N/D bins (sum of Y[k + i*N/D]), so the inverse transform
        // is D times shorter. Bins above N/2 are conjugates of the stored half.
        C* f = reinterpret_cast<C*>(fold_->p);
        if constexpr (sizeof(C) == 4)
          fold_f(f, sp, N_, D_);
        else
          fold_d(f, sp, N_, D_);
        plan_c2r_->execute(fft::Kind::c2r, fold_->p, rout_->p);
      } else {
        plan_c2r_->execute(fft::Kind::c2r, spec_->p, rout_->p);
      }
      }
      // Outputs m = block*S + j (j < S, on the decimation grid) are rout[(2c + j) / D].
      const C* z = rout_->p + (resize_ ? zoff_ : 2 * c_ / D_);
      const int64_t count = S_ / D_;
      if (b_ && block_ >= 0) {  // straight into stage B's history
        if (c == 0) b_->extend(count);
        std::copy(z, z + count, b_->tail(c));
      } else if (direct_) {  // one-shot without stage B: straight into the result
        const int64_t n = std::max<int64_t>(0, std::min(count, total_ - produced_));
        write_frames(*direct_, produced_, c, z, n);
        if (c == ch_ - 1) produced_ += n;
      } else {
        auto& out = pending_[c];
        out.insert(out.end(), z, z + count);
      }
    }
    if (block_ == -1 && b_) {
      // Blocks b0 .. -1 made the stage-A samples before index 0: stage B reads the last W of
      // them as its history before the start.
      int64_t w = b_->half();
      for (int64_t c = 0; c < ch_; ++c) {
        auto& v = pending_[c];
        int64_t n = static_cast<int64_t>(v.size()), from = std::max<int64_t>(0, n - w);
        b_->set_prefix(c, v.data() + from, n - from);
        v.clear();
      }
    }
    ++block_;
    if (src_) return;
    // Input before the next block's window is dead.
    int64_t first_needed = (block_ * S_ - c_) / U_;
    int64_t dead = first_needed - hist_start_;
    if (dead >= kTrimFrames && dead * 2 >= static_cast<int64_t>(hist_[0].size())) {
      for (auto& h : hist_) h.erase(h.begin(), h.begin() + dead);
      hist_start_ += dead;
    }
  }

  // Outputs that are ready (all up to total_ at the end) written to sink from frame `at`
  // (the sink has room for them); returns how many.
  int64_t drain(const Sink& s0, int64_t at, bool at_end) {
    Sink s = s0;
    int64_t esize = s.typenum == CNP_FLOAT64 ? 8 : 4;
    s.data += at * s.fstride * esize;
    if (b_) {
      int64_t end = b_->ready();
      if (flushed_) end = std::min(end, total_);  // stage A's tail reaches past the last output
      if (at_end) {
        b_->pad_to(total_);
        end = total_;
      }
      int64_t k0 = b_->next();
      if (end <= k0) return 0;
      b_->emit(end, s);
      return end - k0;
    }
    // Integer decimation: stage A's samples are the output (up to total at the end).
    int64_t count = static_cast<int64_t>(pending_[0].size());
    if (flushed_) count = std::min(count, total_ - produced_);
    if (count <= 0) return 0;
    for (int64_t c = 0; c < ch_; ++c) {
      write_frames(s0, at, c, pending_[c].data(), count);
      pending_[c].erase(pending_[c].begin(), pending_[c].begin() + count);
    }
    produced_ += count;
    return count;
  }

  // n samples of channel c into the sink from frame `at`.
  static void write_frames(const Sink& s, int64_t at, int64_t c, const C* v, int64_t n) {
    if (s.typenum == CNP_FLOAT64) {
      double* o = reinterpret_cast<double*>(s.data) + at * s.fstride + c * s.cstride;
      for (int64_t i = 0; i < n; ++i) o[i * s.fstride] = static_cast<double>(v[i]);
    } else {
      float* o = reinterpret_cast<float*>(s.data) + at * s.fstride + c * s.cstride;
      for (int64_t i = 0; i < n; ++i) o[i * s.fstride] = static_cast<float>(v[i]);
    }
  }

  // The streaming path: everything ready now, as a new array.
  Array emit(bool planar, bool at_end) {
    int64_t count;
    if (b_) {
      int64_t end = at_end ? std::max(total_, b_->next()) : b_->ready();
      if (flushed_) end = std::min(end, std::max(total_, b_->next()));
      count = std::max<int64_t>(0, end - b_->next());
    } else {
      count = static_cast<int64_t>(pending_[0].size());
      if (flushed_) count = std::max<int64_t>(0, std::min(count, total_ - produced_));
    }
    Sink sink;
    Array out = new_output(typenum_, last_ndim_, planar, count, ch_, &sink);
    // The sink's channel stride was sized for `count` frames (planar); drain writes exactly those.
    int64_t got = drain(sink, 0, at_end);
    (void)got;
    return out;
  }

  RateRatio ratio_;
  int64_t ch_;
  int32_t typenum_;
  int64_t U_, D_;
  bool resize_ = false;
  int64_t nin_ = 0, nout_ = 0, kbins_ = 0, zoff_ = 0;  // resize mode: lengths, shared bins, first output
  int64_t c_ = 0, N_ = 0, S_ = 0, in_len_ = 0;
  std::shared_ptr<const std::vector<Cx>> H_;
  std::unique_ptr<FftwBuf<C>> rin_, rout_;
  std::unique_ptr<FftwBuf<Cx>> spec_, xs_, fold_;
  std::shared_ptr<const fft::Plan> plan_r2c_, plan_c2r_;
  std::unique_ptr<Polyphase<C>> b_;
  int64_t b0_ = 0;
  std::vector<std::vector<C>> hist_, pending_;
  int64_t hist_start_ = 0, received_ = 0, block_ = 0, produced_ = 0, total_ = 0;
  const ChunkIn<C>* src_ = nullptr;  // one-shot mode: the caller's input, read in place
  const Sink* direct_ = nullptr;     // one-shot without stage B: the result, written in place
  bool flushed_ = false;
  int32_t last_ndim_ = 1;
};

}  // namespace

namespace {
// Largest prime factor <= 7: FFTW has fast codelets for these (the resize mode's transform lengths
// are multiples of L and M).
bool smooth(int64_t v) {
  for (int64_t p : {2, 3, 5, 7})
    while (v % p == 0) v /= p;
  return v == 1;
}
}  // namespace

std::unique_ptr<Resampler> make_chain(double in_rate, double out_rate, int64_t channels, int32_t typenum,
                                      int32_t quality, bool single) {
  if (in_rate == out_rate) return nullptr;
  const RateRatio r(in_rate, out_rate);
  if (r.whole) {
    const int64_t M = r.M, L = r.L;
    if (smooth(L) && smooth(M) && L <= kMaxResizeFactor && M <= kMaxResizeFactor) {
      if (single)
        return std::make_unique<Chain<float>>(in_rate, out_rate, channels, typenum, quality, L, M, false, true);
      return std::make_unique<Chain<double>>(in_rate, out_rate, channels, typenum, quality, L, M, false, true);
    }
  }
  int64_t U = 1, D = 1;
  bool stage_b = true;
  if (out_rate > in_rate) {
    U = kUp;
  } else if (r.whole && r.L == 1) {  // in = D * out
    D = r.M;
    stage_b = false;
  } else if (out_rate > 0.75 * in_rate) {
    U = kUp;  // close to 1: oversampling keeps stage B short
  }
  if (single)
    return std::make_unique<Chain<float>>(in_rate, out_rate, channels, typenum, quality, U, D, stage_b, false);
  return std::make_unique<Chain<double>>(in_rate, out_rate, channels, typenum, quality, U, D, stage_b, false);
}

}  // namespace cnp::audio
