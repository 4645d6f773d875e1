// C entry points of numpy.fft: thin wrappers over src/fft.
#include "cnumpy/fft.h"

#include "capi/guard.hpp"
#include "fft/plan_cache.hpp"
#include "fft/transforms.hpp"

using namespace cnp;
using namespace cnp::capi;
namespace ff = cnp::fft;

extern "C" {

#define CNP_FFT_1D(name, expr)                                                                         \
  CNP_API cnp_status name(const cnp_array* a, int64_t n, int64_t axis, int32_t norm, cnp_array** out) { \
    return produce(out, [&] {                                                                          \
      const Array& x = array_of(a);                                                                    \
      return expr;                                                                                     \
    });                                                                                                \
  }
CNP_FFT_1D(cnp_fft_fft, ff::fft(x, n, axis, norm, false))
CNP_FFT_1D(cnp_fft_ifft, ff::fft(x, n, axis, norm, true))
CNP_FFT_1D(cnp_fft_rfft, ff::rfft(x, n, axis, norm))
CNP_FFT_1D(cnp_fft_irfft, ff::irfft(x, n, axis, norm))
CNP_FFT_1D(cnp_fft_hfft, ff::hfft(x, n, axis, norm))
CNP_FFT_1D(cnp_fft_ihfft, ff::ihfft(x, n, axis, norm))

#define CNP_FFT_ND(name, two_d, expr)                                                                   \
  CNP_API cnp_status name(const cnp_array* a, const int64_t* s, int32_t ns, const int64_t* axes, \
                                    int32_t naxes, int32_t norm, cnp_array** out) {                     \
    return produce(out, [&] {                                                                           \
      const Array& x = array_of(a);                                                                     \
      ff::NdArgs args{s, axes_count(s, ns), axes, axes_count(axes, naxes), two_d};                                                       \
      return expr;                                                                                      \
    });                                                                                                 \
  }
CNP_FFT_ND(cnp_fft_fftn, false, ff::fftn(x, args, norm, false))
CNP_FFT_ND(cnp_fft_ifftn, false, ff::fftn(x, args, norm, true))
CNP_FFT_ND(cnp_fft_rfftn, false, ff::rfftn(x, args, norm))
CNP_FFT_ND(cnp_fft_irfftn, false, ff::irfftn(x, args, norm))
CNP_FFT_ND(cnp_fft_fft2, true, ff::fftn(x, args, norm, false))
CNP_FFT_ND(cnp_fft_ifft2, true, ff::fftn(x, args, norm, true))
CNP_FFT_ND(cnp_fft_rfft2, true, ff::rfftn(x, args, norm))
CNP_FFT_ND(cnp_fft_irfft2, true, ff::irfftn(x, args, norm))

CNP_API cnp_status cnp_fft_fftfreq(int64_t n, double d, cnp_array** out) {
  return produce(out, [&] { return ff::fftfreq(n, d, false); });
}
CNP_API cnp_status cnp_fft_rfftfreq(int64_t n, double d, cnp_array** out) {
  return produce(out, [&] { return ff::fftfreq(n, d, true); });
}
CNP_API cnp_status cnp_fft_fftshift(const cnp_array* x, const int64_t* axes, int32_t naxes, cnp_array** out) {
  return produce(out, [&] { return ff::fftshift(array_of(x), axes, axes_count(axes, naxes), false); });
}
CNP_API cnp_status cnp_fft_ifftshift(const cnp_array* x, const int64_t* axes, int32_t naxes, cnp_array** out) {
  return produce(out, [&] { return ff::fftshift(array_of(x), axes, axes_count(axes, naxes), true); });
}

namespace {
bool precision_flag(int32_t single_precision) {
  if (single_precision != 0 && single_precision != 1)
    throw_value("single_precision must be 0 or 1, not " + std::to_string(single_precision));
  return single_precision == 1;
}
}  // namespace

CNP_API cnp_status cnp_fft_export_wisdom(int32_t single_precision, char** out) {
  return get(out, [&] { return to_c_string(ff::export_wisdom(precision_flag(single_precision))); });
}

CNP_API cnp_status cnp_fft_import_wisdom(int32_t single_precision, const char* wisdom) {
  return run([&] {
    bool single = precision_flag(single_precision);
    if (!wisdom) throw Error(CNP_ERR_INVALID_HANDLE, "wisdom string is NULL");
    ff::import_wisdom(single, wisdom);
  });
}

}  // extern "C"
