// Decimal text of binary floats exactly as NumPy's Dragon4 prints it (format_float_positional /
// format_float_scientific, numpy/core/src/multiarray/dragon4.c): digits generated on exact big
// integers (the value's mantissa and exponent scaled by powers of ten), cut and rounded at the
// same places as NumPy, then laid out with NumPy's FormatPositional / FormatScientific rules.
// This is the project's one Dragon4: the array printer and cnp_format_float both use it.
#pragma once
#include <string>

namespace cnp::print {

enum class FloatKind { Half, Single, Double };

// NumPy's trim= argument: 'k' keep trailing zeros, '.' trim zeros keep the point, '0' trim but
// leave one zero after the point, '-' trim zeros and the point.
enum class Trim { Keep, Zeros, LeaveOneZero, DptZeros };

struct DragonArgs {
  int precision = -1;   // -1: no cut (unique digits only)
  int min_digits = -1;  // unique mode: generate at least this many digits (pad with zeros for trim 'k')
  bool unique = true;
  bool fractional = true;  // positional only: false = precision/min_digits count all digits
  Trim trim = Trim::Keep;
  bool sign = false;    // '+' for non-negative values
  int pad_left = -1;    // width of the part before the point (spaces on the left)
  int pad_right = -1;   // width of the part after the point (spaces on the right)
  int exp_digits = -1;  // minimum exponent digits (default 2)
};

// x is the exact value of a float16/float32/float64 element (widened to double without rounding).
// nan prints "nan" (no sign), inf "inf" / "-inf" / "+inf" (sign).
std::string dragon4_positional(double x, FloatKind kind, const DragonArgs& args);
std::string dragon4_scientific(double x, FloatKind kind, const DragonArgs& args);

}  // namespace cnp::print
