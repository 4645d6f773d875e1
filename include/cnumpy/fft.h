/*
 * cnumpy/fft.h: discrete Fourier transforms (numpy.fft), computed with FFTW3.
 *
 * Conventions (see docs/fft.md):
 *   n      transform length along the axis; -1 = None (the input's length, or 2*(m-1) for
 *          irfft/hfft). The input is zero-padded or truncated to n, as NumPy does.
 *   s      (const int64_t* s, int32_t ns): lengths for the n-d transforms, an optional tuple (s
 *          NULL = None; otherwise ns >= 0 entries). docs/api-conventions.md.
 *   axes   (const int64_t* axes, int32_t naxes): an optional tuple of axes, axes NULL = None (all
 *          axes for *fftn, the last two for *fft2, the last len(s) when s is given); otherwise
 *          naxes >= 0 entries (0 = the empty tuple). naxes or ns < 0 with a list: CNP_ERR_VALUE.
 *   norm   CNP_FFT_NORM_BACKWARD (NumPy's default, None), _ORTHO, _FORWARD.
 * Precision follows NumPy 2: float32/complex64 (and float16) inputs are transformed in single
 * precision (complex64/float32 results), everything else (float64, complex128, ints, bool) in
 * double precision. Errors: CNP_ERR_VALUE "Invalid number of FFT data points (0) specified.",
 * CNP_ERR_AXIS for an axis out of bounds, CNP_ERR_VALUE "Shape and axes have different lengths.",
 * CNP_ERR_TYPE for complex input to the real-input transforms (rfft, ihfft, rfftn, rfft2).
 *
 * The block between CNP_DECLS_BEGIN and CNP_DECLS_END is plain C99 (read by the bindings).
 */
#ifndef CNUMPY_FFT_H
#define CNUMPY_FFT_H

#include "cnumpy/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CNP_DECLS_BEGIN */

/** numpy.fft's norm= argument. */
enum {
    CNP_FFT_NORM_BACKWARD = 0,
    CNP_FFT_NORM_ORTHO = 1,
    CNP_FFT_NORM_FORWARD = 2
};

/** One-dimensional transforms along one axis (numpy.fft.fft, ifft, rfft, irfft, hfft, ihfft).
 *  n -1 means not given (NumPy's default length); any other n < 1 is CNP_ERR_VALUE "Invalid
 *  number of FFT data points (n) specified.". \param[out] out new reference. */
CNP_API cnp_status cnp_fft_fft(const cnp_array* a, int64_t n, int64_t axis, int32_t norm, cnp_array** out);
CNP_API cnp_status cnp_fft_ifft(const cnp_array* a, int64_t n, int64_t axis, int32_t norm, cnp_array** out);
CNP_API cnp_status cnp_fft_rfft(const cnp_array* a, int64_t n, int64_t axis, int32_t norm, cnp_array** out);
CNP_API cnp_status cnp_fft_irfft(const cnp_array* a, int64_t n, int64_t axis, int32_t norm, cnp_array** out);
CNP_API cnp_status cnp_fft_hfft(const cnp_array* a, int64_t n, int64_t axis, int32_t norm, cnp_array** out);
CNP_API cnp_status cnp_fft_ihfft(const cnp_array* a, int64_t n, int64_t axis, int32_t norm, cnp_array** out);

/** Multi-dimensional transforms (numpy.fft.fftn, ifftn, rfftn, irfftn; fft2, ifft2, rfft2, irfft2
 *  are the same with default axes (-2, -1)). \param[out] out new reference. */
CNP_API cnp_status cnp_fft_fftn(const cnp_array* a, const int64_t* s, int32_t ns, const int64_t* axes, int32_t naxes,
                                int32_t norm, cnp_array** out);
CNP_API cnp_status cnp_fft_ifftn(const cnp_array* a, const int64_t* s, int32_t ns, const int64_t* axes, int32_t naxes,
                                 int32_t norm, cnp_array** out);
CNP_API cnp_status cnp_fft_rfftn(const cnp_array* a, const int64_t* s, int32_t ns, const int64_t* axes, int32_t naxes,
                                 int32_t norm, cnp_array** out);
CNP_API cnp_status cnp_fft_irfftn(const cnp_array* a, const int64_t* s, int32_t ns, const int64_t* axes, int32_t naxes,
                                  int32_t norm, cnp_array** out);
CNP_API cnp_status cnp_fft_fft2(const cnp_array* a, const int64_t* s, int32_t ns, const int64_t* axes, int32_t naxes,
                                int32_t norm, cnp_array** out);
CNP_API cnp_status cnp_fft_ifft2(const cnp_array* a, const int64_t* s, int32_t ns, const int64_t* axes, int32_t naxes,
                                 int32_t norm, cnp_array** out);
CNP_API cnp_status cnp_fft_rfft2(const cnp_array* a, const int64_t* s, int32_t ns, const int64_t* axes, int32_t naxes,
                                 int32_t norm, cnp_array** out);
CNP_API cnp_status cnp_fft_irfft2(const cnp_array* a, const int64_t* s, int32_t ns, const int64_t* axes, int32_t naxes,
                                  int32_t norm, cnp_array** out);

/** numpy.fft.fftfreq(n, d) and rfftfreq(n, d): float64 sample frequencies. Errors: CNP_ERR_VALUE
 *  for n < 0 ("negative dimensions are not allowed"). \param[out] out new reference. */
CNP_API cnp_status cnp_fft_fftfreq(int64_t n, double d, cnp_array** out);
CNP_API cnp_status cnp_fft_rfftfreq(int64_t n, double d, cnp_array** out);

/** numpy.fft.fftshift / ifftshift: a new array rolled by n//2 (resp. -(n//2)) along the axes
 *  (axes NULL = all axes). \param[out] out new reference. */
CNP_API cnp_status cnp_fft_fftshift(const cnp_array* x, const int64_t* axes, int32_t naxes, cnp_array** out);
CNP_API cnp_status cnp_fft_ifftshift(const cnp_array* x, const int64_t* axes, int32_t naxes, cnp_array** out);

/** FFTW's wisdom (what its planner has measured, see docs/fft.md) in FFTW's text format, so a later
 *  process can skip the measuring with cnp_fft_import_wisdom (cnumpy extension; NumPy has no
 *  plans). single_precision: 0 for the double-precision (float64/complex128) planner, 1 for the
 *  single-precision one. Errors: CNP_ERR_VALUE for another single_precision value.
 *  \param[out] out new string, free with cnp_string_free (cnumpy/print.h). */
CNP_API cnp_status cnp_fft_export_wisdom(int32_t single_precision, char** out);

/** Merges wisdom text from cnp_fft_export_wisdom (or FFTW's own fftw-wisdom tool) of the same
 *  precision into the planner's wisdom; plans made afterwards use it (plans already cached are
 *  kept). Errors: CNP_ERR_VALUE for text FFTW cannot parse, such as the other precision's wisdom
 *  (the wisdom is then unchanged) or a single_precision other than 0/1, CNP_ERR_INVALID_HANDLE
 *  for NULL. */
CNP_API cnp_status cnp_fft_import_wisdom(int32_t single_precision, const char* wisdom);

/* CNP_DECLS_END */

#ifdef __cplusplus
}
#endif

#endif
