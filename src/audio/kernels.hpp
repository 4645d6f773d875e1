// The polyphase inner loops, compiled for several ISAs (target_clones: AVX-512, AVX2, baseline)
// and picked at load time. The lane arithmetic is the same multiply/add sequence in every clone
// (no FMA), so results are bit-identical whichever runs.
#pragma once
#include <cstdint>

namespace cnp::audio {

// Outputs k0 .. k0+count-1 of a rational polyphase stage: output k uses coefficient row
// `phase` (T taps) against history samples starting at n + off, where (n, phase) starts at
// (n0, p0) and advances by (M / L, M % L) per output with carry at L.
struct RationalRun {
  const void* table;   // rows of T coefficients (C)
  int64_t T, L, M;
  int64_t n0, p0;
  int64_t count;
  const void* const* hist;  // per channel (C)
  int64_t channels;
  int64_t off;
  void* out;           // O
  int64_t fstride, cstride;
};

void rational_ff(const RationalRun& r);  // C = float, O = float
void rational_dd(const RationalRun& r);  // C = double, O = double
void rational_df(const RationalRun& r);  // C = double, O = float

// The FFT stage's spectrum product for k in [0, nh]: sp[k] = Xu[k] * H[k], where Xu is the
// spectrum of the zero-stuffed block: bin k mod m of the m-point short block X (half spectrum
// stored; conjugate mirror above m/2). m = N / U; U = 1 is the plain product. Interleaved (re, im).
void spectrum_mul_f(float* sp, const float* x, const float* h, int64_t m, int64_t nh);
void spectrum_mul_d(double* sp, const double* x, const double* h, int64_t m, int64_t nh);

// Folds the half spectrum sp[0 .. n/2] (interleaved re, im) of an n-point real signal onto the
// n/d + ... bins of its every-d-th-sample decimation: f[k] = sum_i Y[k + i n/d] for k in
// [0, n/(2d)], Y[j] = conj(sp[n - j]) above n/2, summed in increasing i.
void fold_f(float* f, const float* sp, int64_t n, int64_t d);
void fold_d(double* f, const double* sp, int64_t n, int64_t d);

}  // namespace cnp::audio
