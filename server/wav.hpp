// RIFF/WAVE reading and writing for the resample endpoint: PCM 16-bit and IEEE float 32-bit,
// 1 to 16 channels, as interleaved float32 samples. Every field is checked against the bytes
// actually present before anything is allocated; a malformed file is a WavError (HTTP 400).
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace server {

struct WavError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Wav {
  int32_t channels = 0;
  int32_t rate = 0;
  bool is_float = false;       // IEEE float 32-bit, else PCM 16-bit
  int64_t frames = 0;
  std::vector<float> samples;  // frames * channels, interleaved, PCM scaled to [-1, 1)
};

// Parses a whole file held in memory.
Wav parse_wav(const std::string& bytes);
// A WAVE file of the same sample format (PCM values are rounded and clipped to int16).
std::string write_wav(const float* samples, int64_t frames, int32_t channels, int32_t rate, bool is_float);

}  // namespace server
