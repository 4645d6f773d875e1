// Shipped FFTW wisdom (see wisdom.hpp and tools/gen_fft_wisdom.py).
#include "fft/wisdom.hpp"

#include <fftw3.h>

namespace cnp::fft {

namespace {
#include "fft/generated/fftw_wisdom.inc"
}  // namespace

void import_shipped_wisdom_locked() {
  // A wisdom string from another FFTW build is refused as a whole (import returns 0): the plans
  // are then FFTW_ESTIMATE's own, deterministic as well.
  (void)fftw_import_wisdom_from_string(kWisdomDouble);
  (void)fftwf_import_wisdom_from_string(kWisdomFloat);
}

}  // namespace cnp::fft
