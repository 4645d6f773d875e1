// numpy.fft's transforms on cnp::Array (FFTW underneath, see plan_cache.hpp and docs/fft.md).
#pragma once
#include <cstdint>
#include <vector>

#include "core/array.hpp"

namespace cnp::fft {

enum Norm : int32_t { kBackward = 0, kOrtho = 1, kForward = 2 };

// One-dimensional transforms; n < 0 = None.
Array fft(const Array& a, int64_t n, int64_t axis, int32_t norm, bool inverse);
Array rfft(const Array& a, int64_t n, int64_t axis, int32_t norm);
Array irfft(const Array& a, int64_t n, int64_t axis, int32_t norm);
Array hfft(const Array& a, int64_t n, int64_t axis, int32_t norm);
Array ihfft(const Array& a, int64_t n, int64_t axis, int32_t norm);

// Multi-dimensional transforms. s/axes with their counts, -1 = None (capi turns a NULL list into -1);
// two_d: default axes (-2, -1).
struct NdArgs {
  const int64_t* s;
  int32_t ns;
  const int64_t* axes;
  int32_t naxes;
  bool two_d;
};
Array fftn(const Array& a, const NdArgs& args, int32_t norm, bool inverse);
Array rfftn(const Array& a, const NdArgs& args, int32_t norm);
Array irfftn(const Array& a, const NdArgs& args, int32_t norm);

// How many transforms ran on the calling thread instead of FFTW's threads because the allocator
// had no headroom for them (the threaded executions' allocations abort on failure; docs/reliability.md).
int64_t threaded_fallbacks();

// Helpers (helpers.cpp).
Array fftfreq(int64_t n, double d, bool real);
Array fftshift(const Array& x, const int64_t* axes, int32_t naxes, bool inverse);

}  // namespace cnp::fft
