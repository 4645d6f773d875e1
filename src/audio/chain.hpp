// The FFT resampler for every preset (see chain.cpp): for rational ratios L/M with small prime
// factors one FFT stage that filters and changes the rate (spectrum cut or zero-padded); else a
// sharp linear-phase FIR run as FFT overlap-save (with 2x upsampling or integer decimation built
// in), then a short polyphase stage for the remaining rate change.
#pragma once
#include <cstdint>
#include <memory>

#include "audio/resampler.hpp"

namespace cnp::audio {

// nullptr when the ratio is better served by the single polyphase stage (ratio 1).
std::unique_ptr<Resampler> make_chain(double in_rate, double out_rate, int64_t channels, int32_t typenum,
                                      int32_t quality, bool single);

}  // namespace cnp::audio
