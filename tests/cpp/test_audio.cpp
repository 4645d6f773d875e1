// cnumpy/audio.h through the C ABI: streaming equals one-shot (random chunk sizes, both table
// paths, interleaved and planar), exact output lengths, handle misuse and argument errors with
// status and message, and the filter design helpers. Also the ASan/valgrind target for the
// streaming handle's memory handling.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "audio/filter_design.hpp"
#include "core/array.hpp"
#include "cnumpy/cnumpy.h"

namespace {

struct Handle {
  cnp_array* h = nullptr;
  Handle() = default;
  Handle(const Handle&) = delete;
  ~Handle() { cnp_array_free(h); }
  cnp_array** out() { return &h; }
  operator cnp_array*() const { return h; }
};

struct Stream {
  cnp_audio_resampler* r = nullptr;
  ~Stream() { cnp_audio_resampler_free(r); }
};

// A float64 (or float32) array of the given shape filled from rng.
void make_signal(int32_t typenum, int32_t ndim, const int64_t* shape, std::mt19937_64& rng, Handle& out) {
  cnp_dtype* dt = nullptr;
  REQUIRE(cnp_dtype_from_typenum(typenum, &dt) == CNP_OK);
  REQUIRE(cnp_empty(ndim, shape, dt, CNP_ORDER_C, out.out()) == CNP_OK);
  cnp_dtype_free(dt);
  int64_t n = 1;
  for (int i = 0; i < ndim; ++i) n *= shape[i];
  void* p = nullptr;
  cnp_array_data(out, &p);
  std::normal_distribution<double> nd(0.0, 0.3);
  for (int64_t i = 0; i < n; ++i) {
    if (typenum == CNP_FLOAT64)
      static_cast<double*>(p)[i] = nd(rng);
    else
      static_cast<float*>(p)[i] = static_cast<float>(nd(rng));
  }
}

// Appends the raw bytes of a result array.
void append_bytes(const cnp_array* a, std::vector<unsigned char>& out) {
  int64_t nbytes = 0;
  void* p = nullptr;
  REQUIRE(cnp_array_nbytes(a, &nbytes) == CNP_OK);
  REQUIRE(cnp_array_data(a, &p) == CNP_OK);
  auto* b = static_cast<unsigned char*>(p);
  out.insert(out.end(), b, b + nbytes);
}

// Feeds x (frames along axis 0, or axis 1 when planar) in chunks; returns the concatenated
// output bytes (for planar the chunks are re-interleaved per channel by the caller's layout).
void check_stream_equals_oneshot(double in, double out, int32_t typenum, int64_t channels, int32_t quality) {
  std::mt19937_64 rng(42);
  const int64_t frames = 20011;
  int64_t shape[2] = {frames, channels};
  Handle x;
  make_signal(typenum, channels == 1 ? 1 : 2, shape, rng, x);
  Handle whole;
  REQUIRE(cnp_audio_resample(x, in, out, quality, 0, whole.out()) == CNP_OK);
  std::vector<unsigned char> want;
  append_bytes(whole, want);

  Stream s;
  REQUIRE(cnp_audio_resampler_create(in, out, channels, typenum, quality, 0, &s.r) == CNP_OK);
  int64_t expected_len = 0;
  REQUIRE(cnp_audio_resampler_out_length(s.r, frames, &expected_len) == CNP_OK);
  CHECK(expected_len == whole.h->a.shape(0));
  std::vector<unsigned char> got;
  const int64_t sizes[] = {1, 2, 3, 5, 7, 11, 13, 127, 509, 1021, 2039, 4093, 4096};
  std::uniform_int_distribution<int64_t> pick(1, 4096);
  int64_t pos = 0, i = 0;
  while (pos < frames) {
    int64_t len = i < 13 ? sizes[i] : pick(rng);
    if (pos + len > frames) len = frames - pos;
    // A view of rows [pos, pos + len) through the public indexing API.
    cnp_index idx{};
    idx.kind = CNP_INDEX_SLICE;
    idx.start = pos;
    idx.stop = pos + len;
    idx.step = 1;
    idx.flags = CNP_SLICE_HAS_START | CNP_SLICE_HAS_STOP | CNP_SLICE_HAS_STEP;
    Handle chunk, piece;
    REQUIRE(cnp_array_index(x, 1, &idx, chunk.out()) == CNP_OK);
    REQUIRE(cnp_audio_resampler_process(s.r, chunk, piece.out()) == CNP_OK);
    append_bytes(piece, got);
    pos += len;
    ++i;
  }
  Handle tail;
  REQUIRE(cnp_audio_resampler_flush(s.r, tail.out()) == CNP_OK);
  append_bytes(tail, got);
  REQUIRE(got.size() == want.size());
  CHECK(std::memcmp(got.data(), want.data(), got.size()) == 0);

  // After flush, process is an error until reset.
  Handle again;
  CHECK(cnp_audio_resampler_process(s.r, x, again.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()).find("after flush") != std::string::npos);
  CHECK(again.h == nullptr);
  REQUIRE(cnp_audio_resampler_reset(s.r) == CNP_OK);
  Handle p1, p2;
  REQUIRE(cnp_audio_resampler_process(s.r, x, p1.out()) == CNP_OK);
  REQUIRE(cnp_audio_resampler_flush(s.r, p2.out()) == CNP_OK);
  std::vector<unsigned char> got2;
  append_bytes(p1, got2);
  append_bytes(p2, got2);
  CHECK(got2 == want);
}

}  // namespace

TEST_CASE("audio streaming equals one-shot through the C ABI", "[audio]") {
  check_stream_equals_oneshot(44100, 48000, CNP_FLOAT32, 1, CNP_AUDIO_HQ);
  check_stream_equals_oneshot(48000, 16000, CNP_FLOAT64, 2, CNP_AUDIO_HQ);
  check_stream_equals_oneshot(1.0, std::sqrt(2.0), CNP_FLOAT64, 2, CNP_AUDIO_MQ);
  check_stream_equals_oneshot(44100, 48000, CNP_FLOAT32, 3, CNP_AUDIO_VHQ);
  check_stream_equals_oneshot(8000, 44100, CNP_FLOAT32, 1, CNP_AUDIO_LQ);
}

TEST_CASE("audio planar streaming matches interleaved", "[audio]") {
  std::mt19937_64 rng(3);
  int64_t shape[2] = {2, 5000};  // (channels, frames)
  Handle planar, inter_out, planar_out;
  make_signal(CNP_FLOAT64, 2, shape, rng, planar);
  int64_t axes[2] = {1, 0};
  Handle t;
  REQUIRE(cnp_transpose(planar, axes, 2, t.out()) == CNP_OK);  // (frames, channels) view
  REQUIRE(cnp_audio_resample(t, 48000, 44100, CNP_AUDIO_HQ, 0, inter_out.out()) == CNP_OK);
  Stream s;
  REQUIRE(cnp_audio_resampler_create(48000, 44100, 2, CNP_FLOAT64, CNP_AUDIO_HQ, 1, &s.r) == CNP_OK);
  Handle a, b;
  REQUIRE(cnp_audio_resampler_process(s.r, planar, a.out()) == CNP_OK);
  REQUIRE(cnp_audio_resampler_flush(s.r, b.out()) == CNP_OK);
  const auto& A = a.h->a;
  const auto& B = b.h->a;
  REQUIRE(A.shape(0) == 2);
  REQUIRE(B.shape(0) == 2);
  const auto& I = inter_out.h->a;
  REQUIRE(A.shape(1) + B.shape(1) == I.shape(0));
  for (int64_t c = 0; c < 2; ++c)
    for (int64_t f = 0; f < I.shape(0); ++f) {
      double want = reinterpret_cast<const double*>(I.data())[f * 2 + c];
      double got = f < A.shape(1) ? reinterpret_cast<const double*>(A.data())[c * A.shape(1) + f]
                                  : reinterpret_cast<const double*>(B.data())[c * B.shape(1) + f - A.shape(1)];
      REQUIRE(got == want);
    }
}

TEST_CASE("audio argument errors report status and message", "[audio]") {
  std::mt19937_64 rng(1);
  int64_t n = 100;
  Handle x, y;
  make_signal(CNP_FLOAT64, 1, &n, rng, x);
  CHECK(cnp_audio_resample(x, 0.0, 48000, CNP_AUDIO_HQ, 0, y.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "resample: in_rate must be a positive finite number, got 0");
  CHECK(y.h == nullptr);
  CHECK(cnp_audio_resample(x, 48000, NAN, CNP_AUDIO_HQ, 0, y.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "resample: out_rate must be a positive finite number, got nan");
  CHECK(cnp_audio_resample(x, 48000, 44100, 7, 0, y.out()) == CNP_ERR_VALUE);
  CHECK(cnp_audio_resample(nullptr, 48000, 44100, CNP_AUDIO_HQ, 0, y.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_audio_resample(x, 48000, 44100, CNP_AUDIO_HQ, 0, nullptr) == CNP_ERR_INVALID_HANDLE);

  cnp_audio_resampler* r = nullptr;
  CHECK(cnp_audio_resampler_create(-1.0, 48000, 1, CNP_FLOAT32, CNP_AUDIO_HQ, 0, &r) == CNP_ERR_VALUE);
  CHECK(r == nullptr);
  CHECK(cnp_audio_resampler_create(44100, 48000, 0, CNP_FLOAT32, CNP_AUDIO_HQ, 0, &r) == CNP_ERR_VALUE);
  CHECK(cnp_audio_resampler_create(44100, 48000, 1, CNP_INT16, CNP_AUDIO_HQ, 0, &r) == CNP_ERR_TYPE);
  CHECK(cnp_audio_resampler_process(nullptr, x, y.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_audio_resampler_flush(nullptr, y.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_audio_resampler_reset(nullptr) == CNP_ERR_INVALID_HANDLE);
  double d = 0;
  CHECK(cnp_audio_resampler_delay(nullptr, &d) == CNP_ERR_INVALID_HANDLE);
  cnp_audio_resampler_free(nullptr);  // no-op

  Stream s;
  REQUIRE(cnp_audio_resampler_create(44100, 48000, 2, CNP_FLOAT32, CNP_AUDIO_HQ, 0, &s.r) == CNP_OK);
  CHECK(cnp_audio_resampler_process(s.r, x, y.out()) == CNP_ERR_VALUE);  // 1 channel into 2
  CHECK(std::string(cnp_last_error()) == "Resampler.process: the resampler has 2 channel(s), the chunk has 1");
  REQUIRE(cnp_audio_resampler_delay(s.r, &d) == CNP_OK);
  CHECK(d > 0.0);
  int64_t len = 0;
  CHECK(cnp_audio_resampler_out_length(s.r, -1, &len) == CNP_ERR_VALUE);

  double v = 0;
  CHECK(cnp_audio_loudness(x, 48000, 0, &v) == CNP_ERR_VALUE);  // shorter than 400 ms
  CHECK(cnp_audio_true_peak(x, 48000, 0, &v) == CNP_OK);
  CHECK(cnp_audio_gain(x, INFINITY, y.out()) == CNP_ERR_VALUE);
  int64_t over = -1;
  CHECK(cnp_audio_normalize(x, 9, 0.0, 0.0, 0, 0, &over, y.out()) == CNP_ERR_VALUE);
  CHECK(cnp_audio_normalize(x, CNP_AUDIO_LUFS, -23.0, 0.0, 0, 0, &over, y.out()) == CNP_ERR_VALUE);
  REQUIRE(cnp_audio_normalize(x, CNP_AUDIO_PEAK, 6.0, 0.0, CNP_AUDIO_OVER_CLIP, 0, &over, y.out()) == CNP_OK);
  CHECK(over > 0);
}

TEST_CASE("audio filter design follows Kaiser's formulas", "[audio]") {
  using namespace cnp::audio;
  CHECK(bessel_i0(0.0) == 1.0);
  CHECK(std::abs(bessel_i0(1.0) - 1.2660658777520082) < 1e-15);
  CHECK(std::abs(kaiser_beta(140.0) - 0.1102 * (140.0 - 8.7)) < 1e-12);
  Design d = design(44100, 48000, CNP_AUDIO_HQ);
  CHECK(d.taps() % kTapQuantum == 0);
  CHECK(d.taps() >= kaiser_taps(140.0, 0.5 * 0.05) - 1);
  // Downsampling scales the transition band (and so the length) by the ratio.
  Design dd = design(48000, 16000, CNP_AUDIO_HQ);
  CHECK(dd.taps() >= 3 * d.taps() - 2 * kTapQuantum);
  // The prototype has unit area and is zero outside its window.
  double area = 0;
  for (int64_t i = -d.half * 64; i <= d.half * 64; ++i) area += d.h(double(i) / 64.0) / 64.0;
  CHECK(std::abs(area - 1.0) < 1e-6);
  CHECK(d.h(double(d.half)) == 0.0);
}
