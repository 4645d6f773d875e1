// Gain, normalization and true peak (see cnumpy/audio.h).
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "audio/level.hpp"
#include "cnumpy/audio.h"
#include "audio/resampler.hpp"
#include "core/cast.hpp"
#include "core/dtype.hpp"
#include "core/error.hpp"

namespace cnp::audio {

namespace {

void check_signal(const char* fn, const Array& x, bool planar, int64_t* frames, int64_t* chans) {
  int32_t nd = x.ndim();
  if (nd != 1 && nd != 2)
    throw_value(std::string(fn) + ": expected a 1-D (frames,) or 2-D (frames, channels) array, got " +
                std::to_string(nd) + "-D");
  working_typenum(fn, x.dtype());
  *frames = nd == 1 ? x.shape(0) : x.shape(planar ? 1 : 0);
  *chans = nd == 1 ? 1 : x.shape(planar ? 0 : 1);
  if (*frames == 0) throw_value(std::string(fn) + ": the input has no frames");
  if (*chans == 0) throw_value(std::string(fn) + ": the input has no channels");
}

// Applies f(value) -> value to every element of a C-contiguous float32/float64 array.
template <class F>
void for_each(Array& a, F f) {
  int64_t n = a.size();
  if (a.dtype()->typenum == CNP_FLOAT64) {
    double* p = reinterpret_cast<double*>(a.data());
    for (int64_t i = 0; i < n; ++i) p[i] = f(p[i]);
  } else {
    float* p = reinterpret_cast<float*>(a.data());
    for (int64_t i = 0; i < n; ++i) p[i] = static_cast<float>(f(static_cast<double>(p[i])));
  }
}

double db_to_lin(double db) { return std::pow(10.0, db / 20.0); }

// A look-ahead limiter with gain g[f] <= min(1, 1 / peak[f]) everywhere: the running minimum of
// the required gain over +/-h frames, smoothed by a moving average over the same +/-h frames
// (every averaged term is a minimum over a window that contains f, so it is <= the need at f),
// which turns gain changes into linear ramps.
void limit(Array& a, int64_t frames, int64_t chans, int64_t fs, int64_t cs, int64_t h) {
  bool single = a.dtype()->typenum == CNP_FLOAT32;
  auto at = [&](int64_t f, int64_t c) -> double {
    int64_t i = f * fs + c * cs;
    return single ? reinterpret_cast<float*>(a.data())[i] : reinterpret_cast<double*>(a.data())[i];
  };
  std::vector<double> need(frames), mn(frames), g(frames);
  for (int64_t f = 0; f < frames; ++f) {
    double p = 0.0;
    for (int64_t c = 0; c < chans; ++c) p = std::max(p, std::fabs(at(f, c)));
    need[f] = p > 1.0 ? 1.0 / p : 1.0;
  }
  for (int64_t f = 0; f < frames; ++f) {
    double m = 1.0;
    for (int64_t j = std::max<int64_t>(0, f - h); j <= std::min(frames - 1, f + h); ++j) m = std::min(m, need[j]);
    mn[f] = m;
  }
  for (int64_t f = 0; f < frames; ++f) {
    double s = 0.0;
    for (int64_t j = f - h; j <= f + h; ++j) s += (j >= 0 && j < frames) ? mn[j] : 1.0;
    g[f] = std::min(s / double(2 * h + 1), need[f]);
  }
  for (int64_t f = 0; f < frames; ++f)
    for (int64_t c = 0; c < chans; ++c) {
      int64_t i = f * fs + c * cs;
      double v = std::clamp(at(f, c) * g[f], -1.0, 1.0);
      if (single)
        reinterpret_cast<float*>(a.data())[i] = static_cast<float>(v);
      else
        reinterpret_cast<double*>(a.data())[i] = v;
    }
}

}  // namespace

Channels channels_of(const char* fn, const Array& x, bool planar) {
  int64_t frames, chans;
  check_signal(fn, x, planar, &frames, &chans);
  Array a = cast_copy(x, builtin_dtype(CNP_FLOAT64), CNP_ORDER_C);
  const double* p = reinterpret_cast<const double*>(a.data());
  int64_t fs = x.ndim() == 1 ? 1 : planar ? 1 : chans;
  int64_t cs = x.ndim() == 1 ? 0 : planar ? frames : 1;
  Channels c;
  c.frames = frames;
  c.ch.assign(chans, std::vector<double>(frames));
  for (int64_t k = 0; k < chans; ++k)
    for (int64_t f = 0; f < frames; ++f) {
      const double v = p[f * fs + k * cs];
      // A level of inf or NaN samples would come out as -inf ("silence") or pass unscaled.
      if (!std::isfinite(v)) throw_value(std::string(fn) + ": the signal contains NaN or infinity");
      c.ch[k][f] = v;
    }
  return c;
}

Array gain(const Array& x, double db) {
  if (!std::isfinite(db)) throw_value("gain: db must be a finite number");
  int32_t tn = working_typenum("gain", x.dtype());
  Array out = cast_copy(x, builtin_dtype(tn), CNP_ORDER_C);
  if (db == 0.0) return out;  // exact identity
  double k = db_to_lin(db);
  for_each(out, [k](double v) { return v * k; });
  return out;
}

double true_peak_linear(const Channels& c) {
  double peak = 0.0;
  for (const auto& ch : c.ch) {
    for (double v : ch) peak = std::max(peak, std::fabs(v));
    // 4x oversampling with the 'mq' filter (passband to 0.9 of Nyquist, 110 dB).
    auto r = make_resampler(1.0, 4.0, 1, CNP_FLOAT64, 1);
    int64_t shape[1] = {c.frames};
    int64_t strides[1] = {8};
    Array in = Array::wrap(reinterpret_cast<char*>(const_cast<double*>(ch.data())), builtin_dtype(CNP_FLOAT64), 1,
                           shape, strides, false, nullptr, nullptr);
    r->feed(in, false);
    Array up = r->flush(false);
    const double* u = reinterpret_cast<const double*>(up.data());
    for (int64_t i = 0, n = up.size(); i < n; ++i) peak = std::max(peak, std::fabs(u[i]));
  }
  return peak;
}

double true_peak(const Array& x, double rate, bool planar) {
  check_rate("true_peak", "rate", rate);
  double p = true_peak_linear(channels_of("true_peak", x, planar));
  return p > 0.0 ? 20.0 * std::log10(p) : -std::numeric_limits<double>::infinity();
}

Array normalize(const Array& x, int32_t mode, double target_db, double rate, int32_t overflow, bool planar,
                int64_t* n_over) {
  if (mode < CNP_AUDIO_PEAK || mode > CNP_AUDIO_LUFS)
    throw_value("normalize: mode must be 'peak', 'true_peak', 'rms' or 'lufs'");
  if (overflow < CNP_AUDIO_OVER_REPORT || overflow > CNP_AUDIO_OVER_LIMIT)
    throw_value("normalize: overflow must be 'report', 'clip' or 'limit'");
  if (!std::isfinite(target_db)) throw_value("normalize: target_db must be a finite number");
  if (mode == CNP_AUDIO_LUFS) check_rate("normalize", "rate", rate);
  Channels c = channels_of("normalize", x, planar);
  int64_t chans = static_cast<int64_t>(c.ch.size());
  double factor = 1.0;
  if (mode == CNP_AUDIO_LUFS) {
    double l = loudness(c, rate);
    if (std::isfinite(l)) factor = db_to_lin(target_db - l);
  } else {
    double m = 0.0;
    if (mode == CNP_AUDIO_PEAK) {
      for (const auto& ch : c.ch)
        for (double v : ch) m = std::max(m, std::fabs(v));
    } else if (mode == CNP_AUDIO_TRUE_PEAK) {
      m = true_peak_linear(c);
    } else {
      double s = 0.0;
      for (const auto& ch : c.ch)
        for (double v : ch) s += v * v;
      m = std::sqrt(s / double(c.frames * chans));
    }
    if (m > 0.0 && std::isfinite(m)) factor = db_to_lin(target_db) / m;
  }
  int32_t tn = working_typenum("normalize", x.dtype());
  Array out = cast_copy(x, builtin_dtype(tn), CNP_ORDER_C);
  int64_t over = 0;
  for_each(out, [&](double v) {
    double y = v * factor;
    if (std::fabs(y) > 1.0) ++over;
    return overflow == CNP_AUDIO_OVER_CLIP ? std::clamp(y, -1.0, 1.0) : y;
  });
  if (overflow == CNP_AUDIO_OVER_LIMIT && over > 0) {
    int64_t fs = x.ndim() == 1 ? 1 : planar ? 1 : chans;
    int64_t cs = x.ndim() == 1 ? 0 : planar ? c.frames : 1;
    int64_t h = (rate > 0.0 && std::isfinite(rate)) ? std::max<int64_t>(1, std::llround(0.001 * rate)) : 32;
    limit(out, c.frames, chans, fs, cs, h);
  }
  if (n_over) *n_over = over;
  return out;
}

}  // namespace cnp::audio
