// Filter design for the resampler (see filter_design.hpp and docs/audio.md).
#include "audio/filter_design.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "core/error.hpp"

namespace cnp::audio {

const Preset& preset(int32_t quality) {
  // Measured numbers for each row are in docs/audio.md. The table sizes keep the cubic
  // interpolation error of the coefficient table well below each preset's stopband.
  static const Preset presets[] = {
      {0.80, 1.00, 100.0, 64},   // lq
      {0.90, 1.00, 125.0, 128},  // mq
      {0.95, 1.00, 140.0, 256},  // hq
      {0.95, 1.00, 185.0, 1024},  // vhq
  };
  if (quality < 0 || quality > 3)
    throw_value("resample: unknown quality " + std::to_string(quality) + " (expected 0..3: lq, mq, hq, vhq)");
  return presets[quality];
}

double bessel_i0(double x) {
  // Power series sum_k ((x/2)^k / k!)^2: every term positive, so it converges without
  // cancellation; for the betas used here (< 20) 60 terms reach double precision.
  double q = 0.25 * x * x, term = 1.0, sum = 1.0;
  for (int k = 1; k < 500; ++k) {
    term *= q / (double(k) * double(k));
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

double kaiser_beta(double a) {
  if (a > 50.0) return 0.1102 * (a - 8.7);
  if (a >= 21.0) return 0.5842 * std::pow(a - 21.0, 0.4) + 0.07886 * (a - 21.0);
  return 0.0;
}

double kaiser_taps(double a, double dw) {
  return (a - 7.95) / (2.285 * 2.0 * std::numbers::pi * dw) + 1.0;
}

void check_taps(double taps, double in_rate, double out_rate) {
  if (!(taps <= kMaxTaps)) {
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "resample: the ratio %.17g / %.17g needs a %.0f-tap filter at this quality (limit %.0f); "
                  "use a lower quality or resample in steps",
                  out_rate, in_rate, taps, kMaxTaps);
    throw_value(buf);
  }
}

double Prototype::operator()(double t) const {
  double r = t / half_width;
  if (r <= -1.0 || r >= 1.0) return 0.0;
  double w = bessel_i0(beta * std::sqrt(1.0 - r * r)) * inv_i0_beta;
  double x = 2.0 * fc * t;
  double s = x == 0.0 ? 1.0 : std::sin(std::numbers::pi * x) / (std::numbers::pi * x);
  return 2.0 * fc * s * w;
}

Design design(double in_rate, double out_rate, int32_t quality) {
  const Preset& p = preset(quality);
  double r = std::min(1.0, out_rate / in_rate);  // lower Nyquist as a fraction of the input's
  double fc = 0.5 * r * 0.5 * (p.pass + p.stop);
  double dw = 0.5 * r * (p.stop - p.pass);
  double n = kaiser_taps(p.atten, dw);
  check_taps(n, in_rate, out_rate);
  int64_t half = static_cast<int64_t>(std::ceil(n / 2.0));
  half = (half + kTapQuantum / 2 - 1) / (kTapQuantum / 2) * (kTapQuantum / 2);
  double beta = kaiser_beta(p.atten);
  Design d;
  d.half = half;
  d.h = Prototype{fc, double(half), beta, 1.0 / bessel_i0(beta)};
  return d;
}

}  // namespace cnp::audio
