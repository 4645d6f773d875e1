// NumPy's elementwise functions that are not ufuncs themselves but are built from them: clip,
// around, fix, real/imag/angle, isclose/allclose/array_equal, where(cond, x, y).
#pragma once
#include <cstdint>

#include "ufunc/execute.hpp"

namespace cnp::ufunc {

Array clip(const Array& a, const Array* lo, const Array* hi, const Args& args);
Array around(const Array& a, int64_t decimals, Array* out);
Array fix(const Array& x, Array* out);
Array real(const Array& a);
Array imag(const Array& a);
Array angle(const Array& z, bool deg);
Array isclose(const Array& a, const Array& b, double rtol, double atol, bool equal_nan);
bool allclose(const Array& a, const Array& b, double rtol, double atol, bool equal_nan);
bool array_equal(const Array& a1, const Array& a2, bool equal_nan);
Array where(const Array& cond, const Array& x, const Array& y);

// True when every element of a bool array is non-zero (true for an empty array).
bool all_true(const Array& b);

}  // namespace cnp::ufunc
