// NumPy's FloatingFormat (numpy/core/arrayprint.py): one layout shared by all printed elements of
// an array (common precision, exponent width, left/right padding), chosen from those elements.
#pragma once
#include <string>
#include <vector>

#include "cnumpy/print.h"
#include "print/digits.hpp"

namespace cnp::print {

class FloatFormat {
 public:
  // values: the elements that will be printed (exact values widened to double); sign: CNP_SIGN_*
  // (in legacy 1.13 mode the caller turns '-' into ' ' for N-d data, as NumPy does).
  FloatFormat(const std::vector<double>& values, FloatKind kind, const cnp_printoptions& o, int sign);
  std::string operator()(double x) const;

 private:
  void fill(const std::vector<double>& values);

  FloatKind kind_;
  int sign_;
  int floatmode_;
  bool suppress_;
  bool legacy_;  // legacy='1.13': full precision in exponent form, NumPy 1.13's padding
  bool exp_format_ = false;
  int precision_;
  int min_digits_ = -1;
  bool unique_ = true;
  Trim trim_ = Trim::Zeros;
  int pad_left_ = 0;
  int pad_right_ = 0;
  int exp_size_ = -1;
};

// NumPy's ComplexFloatingFormat: the real parts with the array's sign, the imaginary parts with '+'.
class ComplexFormat {
 public:
  ComplexFormat(const std::vector<double>& re, const std::vector<double>& im, FloatKind kind, const cnp_printoptions& o,
                int sign);
  std::string operator()(double re, double im) const;

 private:
  FloatFormat real_, imag_;
};

// str() of a float / complex scalar (NumPy's scalar str, identical in 1.24 and 2.x).
std::string float_scalar_str(double x, FloatKind kind);
std::string complex_scalar_str(double re, double im, FloatKind kind);

}  // namespace cnp::print
