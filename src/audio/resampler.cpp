// Resampler construction and the one-shot entry point (see resampler.hpp and docs/audio.md).
#include "audio/resampler.hpp"

#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "audio/chain.hpp"
#include "audio/filter_design.hpp"
#include "audio/polyphase.hpp"
#include "audio/stream_io.hpp"
#include "core/cast.hpp"
#include "core/dtype.hpp"
#include "core/error.hpp"

namespace cnp::audio {

namespace {

std::string fmt_rate(double r) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", r);
  return buf;
}

// The single polyphase stage as a stream (ratio 1: every other ratio takes the FFT chain).
template <class C>
class Direct final : public Resampler {
 public:
  Direct(double in_rate, double out_rate, int64_t channels, int32_t typenum, int32_t quality)
      : p_(in_rate, out_rate, channels, design(in_rate, out_rate, quality), preset(quality).table_phases),
        ch_(channels),
        typenum_(typenum) {}

  void reset() override {
    p_.reset();
    received_ = 0;
    flushed_ = false;
  }
  double delay() const override { return p_.delay(); }
  int64_t channels() const override { return ch_; }
  int64_t taps() const override { return p_.taps(); }
  bool rational() const override { return p_.rational(); }
  int64_t out_length(int64_t n) const override { return p_.out_length(n); }

  void feed(const Array& chunk, bool planar) override {
    if (flushed_) throw_value("Resampler.process: called after flush(); call reset() to start a new stream");
    ChunkIn<C> in = read_chunk<C>(chunk, planar, ch_, &last_ndim_);
    if (in.frames == 0) return;
    p_.append(in.ch.data(), in.frames, in.stride);
    received_ += in.frames;
  }

  Array process(const Array& chunk, bool planar) override {
    feed(chunk, planar);
    return emit(p_.ready(), planar);
  }

  Array flush(bool planar) override {
    if (!flushed_) {
      flushed_ = true;
      total_ = p_.out_length(received_);
      p_.pad_to(total_);
    }
    return emit(total_, planar);
  }

 private:
  Array emit(int64_t end, bool planar) {
    if (end < p_.next()) end = p_.next();
    Sink sink;
    Array out = new_output(typenum_, last_ndim_, planar, end - p_.next(), ch_, &sink);
    p_.emit(end, sink);
    return out;
  }

  Polyphase<C> p_;
  int64_t ch_;
  int32_t typenum_;
  int64_t received_ = 0, total_ = 0;
  bool flushed_ = false;
  int32_t last_ndim_ = 1;
};

}  // namespace

void check_rate(const char* fn, const char* name, double rate) {
  if (!(rate > 0.0) || !std::isfinite(rate))
    throw_value(std::string(fn) + ": " + name + " must be a positive finite number, got " + fmt_rate(rate));
}

namespace {
// Every output frame costs work, so the ratio bounds the work per input frame: rates like
// (1e-300, 44100) made a stream produce ~1e304 frames per input frame, forever.
constexpr double kMaxRatio = 65536.0;
void check_ratio(const char* fn, double in_rate, double out_rate) {
  const double r = out_rate / in_rate;
  if (!(r <= kMaxRatio && r >= 1.0 / kMaxRatio))
    throw_value(std::string(fn) + ": out_rate / in_rate must be between 1/65536 and 65536, got " + fmt_rate(out_rate) +
                " / " + fmt_rate(in_rate));
}
}  // namespace

int32_t working_typenum(const char* fn, const Dtype* d) {
  if (d->typenum == CNP_FLOAT32 || d->typenum == CNP_FLOAT16) return CNP_FLOAT32;
  if (d->kind == 'f' || d->kind == 'i' || d->kind == 'u' || d->kind == 'b') return CNP_FLOAT64;
  throw_type(std::string(fn) + ": unsupported dtype " + d->name + " (expected a real floating or integer dtype)");
}

std::unique_ptr<Resampler> make_resampler(double in_rate, double out_rate, int64_t channels, int32_t typenum,
                                          int32_t quality) {
  check_rate("Resampler", "in_rate", in_rate);
  check_rate("Resampler", "out_rate", out_rate);
  check_ratio("Resampler", in_rate, out_rate);
  if (channels < 1) throw_value("Resampler: channels must be >= 1, got " + std::to_string(channels));
  if (typenum != CNP_FLOAT32 && typenum != CNP_FLOAT64)
    throw_type("Resampler: dtype must be float32 or float64");
  preset(quality);  // validates
  // float32 streams compute in float32 up to 'hq' (measured SINAD in docs/audio.md); 'vhq' and
  // float64 'hq' compute in double. 'lq' and 'mq' (100 and 125 dB designs, below the ~135 dB
  // of float32 arithmetic here) compute in float32 for float64 too: half the FFT work.
  bool single = quality <= 1 || (typenum == CNP_FLOAT32 && quality < 3);
  // Every preset runs the FFT chain (chain.cpp), which works in blocks: a stream holds back about
  // one block (reported by delay). Ratio 1 is the single polyphase stage below (a copy).
  if (auto r = make_chain(in_rate, out_rate, channels, typenum, quality, single)) return r;
  if (single) return std::make_unique<Direct<float>>(in_rate, out_rate, channels, typenum, quality);
  return std::make_unique<Direct<double>>(in_rate, out_rate, channels, typenum, quality);
}

Array resample(const Array& x, double in_rate, double out_rate, int32_t quality, bool planar) {
  check_rate("resample", "in_rate", in_rate);
  check_rate("resample", "out_rate", out_rate);
  check_ratio("resample", in_rate, out_rate);
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
  return r->oneshot(x, planar);
}

}  // namespace cnp::audio
