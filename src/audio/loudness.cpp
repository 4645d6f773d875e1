// ITU-R BS.1770-4 integrated loudness: K-weighting (two biquads), mean square over 400 ms blocks
// every 100 ms, absolute gate at -70 LUFS and relative gate 10 LU below the absolute-gated level.
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

#include "audio/level.hpp"
#include "audio/resampler.hpp"
#include "core/error.hpp"

namespace cnp::audio {

namespace {

struct Biquad {
  double b0, b1, b2, a1, a2;
  // Direct form I over one channel in place.
  void run(std::vector<double>& x) const {
    double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
    for (double& v : x) {
      double y = b0 * v + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1;
      x1 = v;
      y2 = y1;
      y1 = y;
      v = y;
    }
  }
};

// The two K-weighting stages for any rate, from the analog prototypes behind BS.1770's 48 kHz
// coefficients (the derivation libebur128 and pyloudnorm use); at 48 kHz they reproduce the
// standard's table.
Biquad shelf(double rate) {
  const double f0 = 1681.974450955533, g = 3.999843853973347, q = 0.7071752369554196;
  double k = std::tan(std::numbers::pi * f0 / rate);
  double vh = std::pow(10.0, g / 20.0);
  double vb = std::pow(vh, 0.4996667741545416);
  double a0 = 1.0 + k / q + k * k;
  return {(vh + vb * k / q + k * k) / a0, 2.0 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
          2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0};
}

Biquad highpass(double rate) {
  const double f0 = 38.13547087602444, q = 0.5003270373238773;
  double k = std::tan(std::numbers::pi * f0 / rate);
  double a0 = 1.0 + k / q + k * k;
  return {1.0, -2.0, 1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0};
}

double weight(int64_t c, int64_t nch) {
  if (nch == 6) return c == 3 ? 0.0 : (c >= 4 ? 1.41 : 1.0);
  if (nch <= 5 && (c == 3 || c == 4)) return 1.41;
  return 1.0;
}

}  // namespace

double loudness(const Channels& in, double rate) {
  check_rate("loudness", "rate", rate);
  const int64_t n = in.frames, nch = static_cast<int64_t>(in.ch.size());
  const double block_d = std::floor(0.4 * rate + 0.5);  // compared before the cast: rate may be 1e300
  const int64_t block = block_d < 1.0 || block_d > double(n) ? 0 : static_cast<int64_t>(block_d);
  if (block < 1 || n < block) throw_value("loudness: the signal is shorter than one 400 ms block");
  Biquad s1 = shelf(rate), s2 = highpass(rate);
  // Block j covers [round(j * 0.1 * rate), + block); z_j = weighted sum of channel mean squares.
  int64_t nblocks = 0;
  while (static_cast<int64_t>(std::floor(double(nblocks) * 0.1 * rate + 0.5)) + block <= n) ++nblocks;
  std::vector<double> z(nblocks, 0.0);
  std::vector<double> y;
  for (int64_t c = 0; c < nch; ++c) {
    double g = weight(c, nch);
    if (g == 0.0) continue;
    y = in.ch[c];
    s1.run(y);
    s2.run(y);
    // Each block summed on its own (not as differences of running sums, which would lose the
    // quiet blocks after loud ones to cancellation).
    for (int64_t j = 0; j < nblocks; ++j) {
      int64_t a = static_cast<int64_t>(std::floor(double(j) * 0.1 * rate + 0.5));
      double s = 0.0;
      for (int64_t i = a; i < a + block; ++i) s += y[i] * y[i];
      z[j] += g * s / double(block);
    }
  }
  auto lufs = [](double v) { return -0.691 + 10.0 * std::log10(v); };
  const double neg_inf = -std::numeric_limits<double>::infinity();
  double sum = 0.0;
  int64_t cnt = 0;
  for (double v : z)
    if (v > 0.0 && lufs(v) > -70.0) sum += v, ++cnt;
  if (cnt == 0) return neg_inf;
  double rel = lufs(sum / double(cnt)) - 10.0;
  sum = 0.0;
  cnt = 0;
  for (double v : z)
    if (v > 0.0 && lufs(v) > -70.0 && lufs(v) > rel) sum += v, ++cnt;
  if (cnt == 0) return neg_inf;
  return lufs(sum / double(cnt));
}

double loudness(const Array& x, double rate, bool planar) {
  check_rate("loudness", "rate", rate);
  return loudness(channels_of("loudness", x, planar), rate);
}

}  // namespace cnp::audio
