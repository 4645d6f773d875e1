// The resampling engine: a streaming FIR resampler (the FFT chain of chain.cpp for every ratio but
// 1, a polyphase stage inside it or alone). One-shot resampling computes what create +
// process(all) + flush would, on the same block grid, so streaming equals one-shot exactly.
//
// Output k (k = 0, 1, ...) is the band-limited input evaluated at input time t_k = k * in / out:
//   y[k] = sum_j x[j] h(t_k - j),  x[j] = 0 outside the received input.
// Rational ratios (integer rates, reduced L/M with L * taps small enough) use one exact
// coefficient row per phase; other ratios cubic-interpolate a table of oversampled rows.
#pragma once
#include <cstdint>
#include <memory>

#include "core/array.hpp"

namespace cnp::audio {

class Resampler {
 public:
  virtual ~Resampler() = default;
  // chunk: (frames,) when channels == 1, else (frames, channels), or (channels, frames) when
  // planar; any real dtype (converted). Returns the outputs that are ready, same layout, dtype
  // of the resampler.
  virtual Array process(const Array& chunk, bool planar) = 0;
  // Appends input without producing output.
  virtual void feed(const Array& chunk, bool planar) = 0;
  // The whole stream at once on a fresh resampler (equal to feed + flush; implementations may
  // save memory by reading x in place).
  virtual Array oneshot(const Array& x, bool planar) {
    feed(x, planar);
    return flush(planar);
  }
  // The remaining outputs; afterwards the total equals out_length(frames received).
  virtual Array flush(bool planar) = 0;
  virtual void reset() = 0;
  // The latency in output samples (the filter's half-length seen at the output rate).
  virtual double delay() const = 0;
  virtual int64_t channels() const = 0;
  virtual int64_t taps() const = 0;
  virtual bool rational() const = 0;
  // Output length for n input frames: ceil(n * out / in) (exact for integer rates).
  virtual int64_t out_length(int64_t n) const = 0;
};

// typenum: CNP_FLOAT32 or CNP_FLOAT64 (the output dtype). Errors: ValueError for bad rates,
// channels or quality.
std::unique_ptr<Resampler> make_resampler(double in_rate, double out_rate, int64_t channels, int32_t typenum,
                                          int32_t quality);

// One-shot: x 1-D or 2-D (frames, channels) ((channels, frames) when planar).
Array resample(const Array& x, double in_rate, double out_rate, int32_t quality, bool planar);

// Shared argument checks (ValueError/TypeError with the function's name in the message).
void check_rate(const char* fn, const char* name, double rate);
// The working dtype for an input dtype: float32 for float32/float16, float64 for float64 and
// integers/bool; TypeError otherwise.
int32_t working_typenum(const char* fn, const Dtype* d);

}  // namespace cnp::audio
