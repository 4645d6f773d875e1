// Internal to the math kernels and their tests: the loop table of kernels_math.cpp built without
// the vectorised float32/float64 loops, so the tests can check the C library loops that stand in
// for them (and that run when CNUMPY_SIMD disables the vector code) next to the vectorised ones,
// and a switch between the two float16 conversion paths.
#pragma once
#include "ufunc/ufunc.hpp"

namespace cnp::ufunc {

// Same layout as the ufunc table; only the math ufuncs' loops, resolver and cost are set.
const Table& math_scalar_table();

// Whether the float16 loops convert with the F16C instructions (when the CPU has them; the
// default) or in software. Returns the previous setting. For tests: both give the same results.
bool set_half_hardware_conversion(bool on) noexcept;

}  // namespace cnp::ufunc
