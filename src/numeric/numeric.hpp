// Numeric kernels of numpy.core.numeric and numpy.lib.function_base that NumPy writes in C:
// correlate/convolve (multiarray's _pyarray_correlate) and interp (compiled_base's arr_interp).
#pragma once

#include <cstdint>

#include "core/array.hpp"

namespace cnp::numeric {

// mode: 0 valid, 1 same, 2 full (NumPy's integer modes).
Array correlate(const Array& a, const Array& v, int32_t mode);  // numpy.correlate (conjugates v)
Array convolve(const Array& a, const Array& v, int32_t mode);   // numpy.convolve

// numpy.interp on float64 (or complex128 when fp is complex) data; left/right: one double, or
// (real, imag) for complex fp, NULL = fp's end values; period NULL = not periodic.
Array interp(const Array& x, const Array& xp, const Array& fp, const double* left, const double* right,
             const double* period);

}  // namespace cnp::numeric
