// C entry points of the audio module: thin wrappers over src/audio.
#include "cnumpy/audio.h"

#include <memory>

#include "audio/level.hpp"
#include "audio/resampler.hpp"
#include "capi/guard.hpp"

using namespace cnp;
using namespace cnp::capi;
namespace au = cnp::audio;

namespace {
constexpr uint64_t kResamplerMagic = 0x6370'6e72'6573'6d70ull;  // "cpnresmp"
}

struct cnp_audio_resampler {
  uint64_t magic;
  bool planar;
  std::unique_ptr<au::Resampler> r;
};

namespace {
cnp_audio_resampler* resampler_of(const cnp_audio_resampler* h) {
  if (!h) throw Error(CNP_ERR_INVALID_HANDLE, "resampler handle is NULL");
  if (h->magic != kResamplerMagic) throw Error(CNP_ERR_INVALID_HANDLE, "not a valid cnumpy resampler handle");
  return const_cast<cnp_audio_resampler*>(h);
}
}  // namespace

extern "C" {

CNP_API cnp_status cnp_audio_resample(const cnp_array* x, double in_rate, double out_rate, int32_t quality,
                                      int32_t planar, cnp_array** out) {
  return produce(out, [&] { return au::resample(array_of(x), in_rate, out_rate, quality, planar != 0); });
}

CNP_API cnp_status cnp_audio_resampler_create(double in_rate, double out_rate, int64_t channels, int32_t typenum,
                                              int32_t quality, int32_t planar, cnp_audio_resampler** out) {
  return get(out, [&] {
    auto r = au::make_resampler(in_rate, out_rate, channels, typenum, quality);
    return new cnp_audio_resampler{kResamplerMagic, planar != 0, std::move(r)};
  });
}

CNP_API cnp_status cnp_audio_resampler_process(cnp_audio_resampler* r, const cnp_array* chunk, cnp_array** out) {
  return produce(out, [&] {
    auto* h = resampler_of(r);
    return h->r->process(array_of(chunk), h->planar);
  });
}

CNP_API cnp_status cnp_audio_resampler_flush(cnp_audio_resampler* r, cnp_array** out) {
  return produce(out, [&] {
    auto* h = resampler_of(r);
    return h->r->flush(h->planar);
  });
}

CNP_API cnp_status cnp_audio_resampler_reset(cnp_audio_resampler* r) {
  return run([&] { resampler_of(r)->r->reset(); });
}

CNP_API cnp_status cnp_audio_resampler_delay(const cnp_audio_resampler* r, double* out) {
  return get(out, [&] { return resampler_of(r)->r->delay(); });
}

CNP_API cnp_status cnp_audio_resampler_out_length(const cnp_audio_resampler* r, int64_t n, int64_t* out) {
  return get(out, [&] {
    if (n < 0) throw_value("Resampler.out_length: n must be >= 0");
    return resampler_of(r)->r->out_length(n);
  });
}

CNP_API void cnp_audio_resampler_free(cnp_audio_resampler* r) {
  if (!r || r->magic != kResamplerMagic) return;
  r->magic = 0;
  delete r;
}

CNP_API cnp_status cnp_audio_gain(const cnp_array* x, double db, cnp_array** out) {
  return produce(out, [&] { return au::gain(array_of(x), db); });
}

CNP_API cnp_status cnp_audio_normalize(const cnp_array* x, int32_t mode, double target_db, double rate,
                                       int32_t overflow, int32_t planar, int64_t* n_over, cnp_array** out) {
  return produce(out, [&] { return au::normalize(array_of(x), mode, target_db, rate, overflow, planar != 0, n_over); });
}

CNP_API cnp_status cnp_audio_loudness(const cnp_array* x, double rate, int32_t planar, double* out) {
  return get(out, [&] { return au::loudness(array_of(x), rate, planar != 0); });
}

CNP_API cnp_status cnp_audio_true_peak(const cnp_array* x, double rate, int32_t planar, double* out) {
  return get(out, [&] { return au::true_peak(array_of(x), rate, planar != 0); });
}

}  // extern "C"
