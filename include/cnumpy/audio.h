/*
 * cnumpy/audio.h -- EXTENSION, NOT PART OF NUMPY'S API. Every name here starts with cnp_audio_ (or
 * CNP_AUDIO_), so the extension stays a section of its own in the ABI and in the Python package
 * (cnumpy.audio); nothing in the NumPy headers depends on it.
 *
 * Audio resampling (one-shot and streaming), gain, normalization, ITU-R BS.1770-4
 * loudness and true peak. See docs/audio.md for the design and the measured quality.
 *
 * Conventions:
 *   x       1-D (frames,) mono or 2-D (frames, channels) interleaved; with planar != 0 a 2-D
 *           array is (channels, frames). float32 and float64 are processed as such (the output
 *           has the input's dtype); float16 works as float32; integers and bool are converted to
 *           float64 values as they are (no scaling). Other dtypes: CNP_ERR_TYPE.
 *   rates   positive finite numbers (Hz or any common unit); anything else: CNP_ERR_VALUE.
 *   quality CNP_AUDIO_LQ .. CNP_AUDIO_VHQ (CNP_AUDIO_HQ is the default of the Python binding).
 * Resampled length: ceil(frames * out_rate / in_rate), exact for integer rates (computed in double
 * otherwise). Output k is the band-limited input at time k * in_rate / out_rate: no delay to trim.
 * Errors use the last-error mechanism with messages naming the function (e.g. "resample: in_rate
 * must be a positive finite number, got 0").
 *
 * The block between CNP_DECLS_BEGIN and CNP_DECLS_END is plain C99 (read by the bindings).
 */
#ifndef CNUMPY_AUDIO_H
#define CNUMPY_AUDIO_H

#include "cnumpy/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CNP_DECLS_BEGIN */

/** Resampler quality presets (band edges as fractions of the lower Nyquist frequency):
 *  LQ pass 0.80 / 100 dB, MQ 0.90 / 125 dB, HQ 0.95 / 140 dB, VHQ 0.95 / 185 dB design
 *  attenuation, stopband from 1.0. */
enum {
    CNP_AUDIO_LQ = 0,
    CNP_AUDIO_MQ = 1,
    CNP_AUDIO_HQ = 2,
    CNP_AUDIO_VHQ = 3
};

/** What cnp_audio_normalize measures. */
enum {
    CNP_AUDIO_PEAK = 0,
    CNP_AUDIO_TRUE_PEAK = 1,
    CNP_AUDIO_RMS = 2,
    CNP_AUDIO_LUFS = 3
};

/** What cnp_audio_normalize does with samples beyond full scale (|y| > 1): leave them (only
 *  count them), clip them to +/-1, or apply a look-ahead limiter (smooth gain, |y| <= 1). */
enum {
    CNP_AUDIO_OVER_REPORT = 0,
    CNP_AUDIO_OVER_CLIP = 1,
    CNP_AUDIO_OVER_LIMIT = 2
};

/** Opaque streaming resampler; free with cnp_audio_resampler_free. */
typedef struct cnp_audio_resampler cnp_audio_resampler;

/** One-shot resampling of x from in_rate to out_rate. Errors (also for the streaming resampler):
 *  CNP_ERR_VALUE for a rate that is not positive and finite, or a ratio out_rate / in_rate outside
 *  [1/65536, 65536]. \param[out] out new reference. */
CNP_API cnp_status cnp_audio_resample(const cnp_array* x, double in_rate, double out_rate, int32_t quality,
                                      int32_t planar, cnp_array** out);

/** A streaming resampler for `channels` channels producing typenum (CNP_FLOAT32 or CNP_FLOAT64)
 *  output. Chunks given to process() use the layout selected by planar. A resampler is not
 *  thread-safe: use each from one thread at a time. \param[out] out new handle
 *  (cnp_audio_resampler_free). */
CNP_API cnp_status cnp_audio_resampler_create(double in_rate, double out_rate, int64_t channels, int32_t typenum,
                                              int32_t quality, int32_t planar, cnp_audio_resampler** out);
/** Feeds a chunk (any number of frames, including 0) and returns the output frames that are
 *  ready. The concatenation of every process() output and the flush() output equals
 *  cnp_audio_resample of the concatenated input. \param[out] out new reference. */
CNP_API cnp_status cnp_audio_resampler_process(cnp_audio_resampler* r, const cnp_array* chunk, cnp_array** out);
/** Ends the stream and returns the remaining frames; process() is then an error until reset().
 *  \param[out] out new reference. */
CNP_API cnp_status cnp_audio_resampler_flush(cnp_audio_resampler* r, cnp_array** out);
/** Starts a new stream with the same settings. */
CNP_API cnp_status cnp_audio_resampler_reset(cnp_audio_resampler* r);
/** The latency in output frames: after n input frames, ceil(n * out / in) minus the frames
 *  returned so far is at most this value ('hq' and 'vhq' work in blocks, so it varies between
 *  the filter's reach and this maximum). \param[out] out the delay. */
CNP_API cnp_status cnp_audio_resampler_delay(const cnp_audio_resampler* r, double* out);
/** The total output length for n input frames. \param[out] out the length. */
CNP_API cnp_status cnp_audio_resampler_out_length(const cnp_audio_resampler* r, int64_t n, int64_t* out);
/** Frees a resampler (NULL is ignored). */
CNP_API void cnp_audio_resampler_free(cnp_audio_resampler* r);

/** x * 10**(db / 20), any shape; 0 dB returns an exact copy. \param[out] out new reference. */
CNP_API cnp_status cnp_audio_gain(const cnp_array* x, double db, cnp_array** out);
/** Scales x so that its measure (mode) reads target_db (dBFS, dBTP, dBFS RMS or LUFS); silence
 *  is returned unchanged. rate is needed for CNP_AUDIO_LUFS (else ignored). overflow is one of
 *  CNP_AUDIO_OVER_*. \param[out] n_over the number of samples with |y| > 1 after scaling,
 *  before clipping or limiting (may be NULL). \param[out] out new reference. */
CNP_API cnp_status cnp_audio_normalize(const cnp_array* x, int32_t mode, double target_db, double rate,
                                       int32_t overflow, int32_t planar, int64_t* n_over, cnp_array** out);
/** ITU-R BS.1770-4 integrated loudness in LUFS (K-weighting, 400 ms blocks with 75 % overlap,
 *  -70 LUFS absolute and -10 LU relative gates; channel weights 1, 1, 1, 1.41, 1.41 for up to 5
 *  channels, 1, 1, 1, 0, 1.41, 1.41 for 6 (5.1), 1 beyond); -inf when every block is gated.
 *  Errors: CNP_ERR_VALUE for input shorter than one 400 ms block, or holding NaN or infinity
 *  (also for true_peak and normalize: "loudness: the signal contains NaN or infinity").
 *  \param[out] out LUFS. */
CNP_API cnp_status cnp_audio_loudness(const cnp_array* x, double rate, int32_t planar, double* out);
/** True peak in dBTP: the maximum of |x| and of its 4x oversampled version (BS.1770-4 Annex 2);
 *  -inf for silence. \param[out] out dBTP. */
CNP_API cnp_status cnp_audio_true_peak(const cnp_array* x, double rate, int32_t planar, double* out);

/* CNP_DECLS_END */

#ifdef __cplusplus
}
#endif

#endif
