// Kaiser-windowed sinc design for the resampler: the presets, Kaiser's formulas for beta and length
// from an attenuation target, and the continuous prototype h(t) that the polyphase tables sample.
#pragma once
#include <cstdint>

namespace cnp::audio {

// Quality presets (cnumpy/audio.h CNP_AUDIO_QUALITY_*). Band edges are fractions of the lower
// Nyquist frequency; atten is Kaiser's design attenuation in dB.
struct Preset {
  double pass;       // passband edge
  double stop;       // stopband edge
  double atten;      // dB
  int32_t table_phases;  // rows of the interpolated table (irrational ratios)
};
const Preset& preset(int32_t quality);  // ValueError for an unknown value

double bessel_i0(double x);
double kaiser_beta(double atten_db);
// Taps (at the filter's own rate) for a transition width dw in cycles per sample.
double kaiser_taps(double atten_db, double dw);
// Filters longer than this are refused (extreme downsampling ratios at high quality would need
// gigabytes): ValueError naming the ratio.
inline constexpr double kMaxTaps = double(1 << 20);
void check_taps(double taps, double in_rate, double out_rate);

// The low-pass prototype in units of input samples: unit DC gain, cutoff fc (cycles per input
// sample), Kaiser window of half-length half_width (beta given); zero outside |t| < half_width.
struct Prototype {
  double fc;
  double half_width;
  double beta;
  double inv_i0_beta;
  double operator()(double t) const;
};

// A design for one ratio: the prototype and the integer half-length W (the FIR has 2W taps per
// output, a multiple of kTapQuantum).
inline constexpr int64_t kTapQuantum = 32;
struct Design {
  Prototype h;
  int64_t half;  // W
  int64_t taps() const { return 2 * half; }
};
Design design(double in_rate, double out_rate, int32_t quality);

}  // namespace cnp::audio
