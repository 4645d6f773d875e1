// Levels: gain, normalization, BS.1770-4 loudness and true peak (see cnumpy/audio.h).
#pragma once
#include <cstdint>
#include <vector>

#include "core/array.hpp"

namespace cnp::audio {

// Channels of a 1-D/2-D signal as float64 vectors (frames each).
struct Channels {
  std::vector<std::vector<double>> ch;
  int64_t frames = 0;
};
Channels channels_of(const char* fn, const Array& x, bool planar);

Array gain(const Array& x, double db);
Array normalize(const Array& x, int32_t mode, double target_db, double rate, int32_t overflow, bool planar,
                int64_t* n_over);
double loudness(const Array& x, double rate, bool planar);
double loudness(const Channels& c, double rate);
double true_peak_linear(const Channels& c);
double true_peak(const Array& x, double rate, bool planar);

}  // namespace cnp::audio
