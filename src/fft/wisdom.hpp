// FFTW wisdom shipped with the library: FFTW_MEASURE plans for the transform sizes the audio
// resampler's FFT stage uses (src/fft/generated/fftw_wisdom.inc, made by tools/gen_fft_wisdom.py).
//
// Plans are still requested with FFTW_ESTIMATE (plan_cache.cpp), which never times anything: for
// a problem that the wisdom covers FFTW takes the recorded measured plan, for any other it uses its
// estimate. Either way the choice is the same in every run, so results are reproducible bit for
// bit, which timing-based FFTW_MEASURE at run time would not guarantee. The wisdom is imported
// once, before the first plan is made, so that no plan made earlier in the process differs.
#pragma once

namespace cnp::fft {

// Imports the shipped wisdom into FFTW's global planner state. Call with fftw_lock() held.
void import_shipped_wisdom_locked();

}  // namespace cnp::fft
