// RIFF/WAVE parsing with bounds checks (wav.hpp).
#include "wav.hpp"

#include <cmath>
#include <cstring>

namespace server {

namespace {
uint32_t u32(const std::string& b, size_t at) {
  return uint32_t(uint8_t(b[at])) | uint32_t(uint8_t(b[at + 1])) << 8 | uint32_t(uint8_t(b[at + 2])) << 16 |
         uint32_t(uint8_t(b[at + 3])) << 24;
}
uint16_t u16(const std::string& b, size_t at) { return uint16_t(uint8_t(b[at]) | uint8_t(b[at + 1]) << 8); }
void put32(std::string& s, uint32_t v) {
  for (int k = 0; k < 4; ++k) s.push_back(char((v >> (8 * k)) & 0xff));
}
void put16(std::string& s, uint16_t v) {
  s.push_back(char(v & 0xff));
  s.push_back(char(v >> 8));
}
constexpr uint16_t kPcm = 1, kFloat = 3, kExtensible = 0xFFFE;
}  // namespace

Wav parse_wav(const std::string& b) {
  if (b.size() < 12 || b.compare(0, 4, "RIFF") != 0 || b.compare(8, 4, "WAVE") != 0)
    throw WavError("not a RIFF/WAVE file");
  // Chunks follow; the RIFF size field is not trusted (streams write 0 or 0xFFFFFFFF there).
  size_t pos = 12;
  bool have_fmt = false;
  uint16_t format = 0, channels = 0, bits = 0, block = 0;
  uint32_t rate = 0;
  while (pos + 8 <= b.size()) {
    std::string id = b.substr(pos, 4);
    uint64_t size = u32(b, pos + 4);
    size_t body = pos + 8;
    if (id == "fmt ") {
      if (size < 16 || body + size > b.size()) throw WavError("truncated fmt chunk");
      format = u16(b, body);
      channels = u16(b, body + 2);
      rate = u32(b, body + 4);
      block = u16(b, body + 12);
      bits = u16(b, body + 14);
      if (format == kExtensible) {
        if (size < 40) throw WavError("truncated WAVE_FORMAT_EXTENSIBLE fmt chunk");
        format = u16(b, body + 24);  // the sub-format GUID starts with the format code
      }
      have_fmt = true;
    } else if (id == "data") {
      if (!have_fmt) throw WavError("data chunk before the fmt chunk");
      if (format != kPcm && format != kFloat) throw WavError("unsupported WAVE format code " + std::to_string(format));
      if ((format == kPcm && bits != 16) || (format == kFloat && bits != 32))
        throw WavError("unsupported sample format: only 16-bit PCM and 32-bit float are accepted, got " +
                       std::to_string(bits) + " bits");
      if (channels < 1 || channels > 16) throw WavError("channels must be in [1, 16], got " + std::to_string(channels));
      if (rate < 1 || rate > 768000) throw WavError("sample rate must be in [1, 768000], got " + std::to_string(rate));
      if (block != channels * (bits / 8)) throw WavError("block align does not match channels and bits");
      // A streamed file may declare more data than it holds: read what is there, whole frames.
      uint64_t avail = b.size() - body;
      if (size > avail) size = avail;
      Wav w;
      w.channels = channels;
      w.rate = int32_t(rate);
      w.is_float = format == kFloat;
      w.frames = int64_t(size / block);
      size_t n = size_t(w.frames) * channels;
      w.samples.resize(n);  // bounded by the body size, which the server already limited
      const char* p = b.data() + body;
      if (w.is_float) {
        std::memcpy(w.samples.data(), p, n * 4);
        for (float v : w.samples)
          if (!std::isfinite(v)) throw WavError("the float samples contain NaN or infinity");
      } else {
        for (size_t k = 0; k < n; ++k) w.samples[k] = float(int16_t(u16(b, body + 2 * k))) / 32768.0f;
      }
      return w;
    }
    uint64_t next = body + size + (size & 1);  // chunks are padded to even sizes
    if (next > b.size()) break;
    pos = size_t(next);
  }
  throw WavError(have_fmt ? "no data chunk" : "no fmt chunk");
}

std::string write_wav(const float* x, int64_t frames, int32_t channels, int32_t rate, bool is_float) {
  const uint16_t bits = is_float ? 32 : 16;
  const uint64_t data = uint64_t(frames) * channels * (bits / 8);
  if (data > 0xFFFFFFF0u - 36) throw WavError("the result is too large for a WAVE file");
  std::string s;
  s.reserve(size_t(44 + data));
  s += "RIFF";
  put32(s, uint32_t(36 + data));
  s += "WAVEfmt ";
  put32(s, 16);
  put16(s, is_float ? kFloat : kPcm);
  put16(s, uint16_t(channels));
  put32(s, uint32_t(rate));
  put32(s, uint32_t(rate) * channels * (bits / 8));
  put16(s, uint16_t(channels * (bits / 8)));
  put16(s, bits);
  s += "data";
  put32(s, uint32_t(data));
  size_t n = size_t(frames) * channels;
  if (is_float) {
    s.append(reinterpret_cast<const char*>(x), n * 4);
  } else {
    for (size_t k = 0; k < n; ++k) {
      float v = std::nearbyint(x[k] * 32768.0f);
      v = v > 32767.0f ? 32767.0f : (v < -32768.0f ? -32768.0f : v);
      put16(s, uint16_t(int16_t(v)));
    }
  }
  return s;
}

}  // namespace server
