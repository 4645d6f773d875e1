// Decimal digits of binary floats the way NumPy's Dragon4 prints them (format_float_positional /
// format_float_scientific): shortest round-trip digits in "unique" mode (std::to_chars for
// float/double, a round-trip search for float16), exact correctly rounded digits when a precision
// cuts them (printf's %.*f / %.*e, which round the exact binary value half-to-even like Dragon4).
#pragma once
#include <string>

namespace cnp::print {

enum class FloatKind { Half, Single, Double };

// NumPy's trim= argument: 'k' keep trailing zeros, '.' trim zeros keep the point, '0' trim but
// leave one zero after the point, '-' trim zeros and the point.
enum class Trim { Keep, Zeros, LeaveOneZero, DptZeros };

struct DragonArgs {
  int precision = -1;   // -1: no cut (unique digits only)
  int min_digits = -1;  // pad the fraction with zeros to this many digits
  bool unique = true;
  Trim trim = Trim::Keep;
  bool sign = false;    // '+' for non-negative values
  int pad_left = -1;    // width of the part before the point (spaces on the left)
  int pad_right = -1;   // width of the part after the point (spaces on the right)
  int exp_digits = -1;  // minimum exponent digits (default 2)
};

// x is the exact value of a float16/float32/float64 element (widened to double without rounding).
std::string dragon4_positional(double x, FloatKind kind, const DragonArgs& args);
std::string dragon4_scientific(double x, FloatKind kind, const DragonArgs& args);

}  // namespace cnp::print
