// See float_format.hpp. Follows FloatingFormat.fillFormat and __call__ of NumPy 1.24 (legacy off).
#include "print/float_format.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "core/types.hpp"

namespace cnp::print {
namespace {

// NumPy divides max by min in the elements' own type (a float16 ratio is rounded to float16) and
// compares the scalars with Python floats, which happens in double.
bool wants_exp(double mx, double mn, FloatKind kind, bool suppress) {
  switch (kind) {
    case FloatKind::Double:
      return mx >= 1e8 || (!suppress && (mn < 0.0001 || mx / mn > 1000.0));
    case FloatKind::Single: {
      // the ratio is a float32 division; the comparisons with Python floats happen in double
      volatile float ratio = static_cast<float>(mx) / static_cast<float>(mn);  // inf is fine
      return mx >= 1e8 || (!suppress && (mn < 0.0001 || ratio > 1000.0f));
    }
    case FloatKind::Half: {
      float ratio = half_to_float(float_to_half(static_cast<float>(mx) / static_cast<float>(mn)));
      return !suppress && (mn < 0.0001 || ratio > 1000.0f);
    }
  }
  return false;
}

size_t split_point(const std::string& s) {
  size_t p = s.find('.');
  return p == std::string::npos ? s.size() : p;
}

}  // namespace

FloatFormat::FloatFormat(const std::vector<double>& values, FloatKind kind, const cnp_printoptions& o, int sign)
    : kind_(kind), sign_(sign), floatmode_(o.floatmode), suppress_(o.suppress != 0),
      legacy_(o.legacy == CNP_LEGACY_1_13), precision_(o.floatmode == CNP_FLOATMODE_UNIQUE ? -1 : o.precision) {
  // only per-call options (cnp_array2string) can be negative; NumPy's FloatingFormat check
  if (precision_ < 0 && o.floatmode != CNP_FLOATMODE_UNIQUE) throw Error(CNP_ERR_VALUE, "precision must be >= 0");
  fill(values);
}

void FloatFormat::fill(const std::vector<double>& values) {
  std::vector<double> finite;
  finite.reserve(values.size());
  for (double v : values)
    if (std::isfinite(v)) finite.push_back(v);
  double mx = -1, mn = INFINITY;
  for (double v : finite) {
    if (v == 0) continue;
    double a = std::fabs(v);
    mx = std::max(mx, a);
    mn = std::min(mn, a);
  }
  if (mx >= 0) exp_format_ = wants_exp(mx, mn, kind_, suppress_);

  const bool plus = sign_ == CNP_SIGN_PLUS;
  if (finite.empty()) {
    pad_left_ = pad_right_ = 0;
    trim_ = Trim::Zeros;
    exp_size_ = -1;
    unique_ = true;
    min_digits_ = -1;
  } else if (exp_format_) {
    // NumPy 1.13 mode prints exponents with unique=False, which Dragon4 refuses without a
    // precision (floatmode 'unique'): NumPy's TypeError
    if (legacy_ && precision_ < 0) throw Error(CNP_ERR_TYPE, "in non-unique mode `precision` must be supplied");
    DragonArgs a;
    a.precision = precision_;
    a.unique = floatmode_ != CNP_FLOATMODE_FIXED && !legacy_;
    a.trim = a.unique ? Trim::Zeros : Trim::Keep;
    a.sign = plus;
    int int_len = 0, frac_len = 0, exp_len = 0;
    for (double v : finite) {
      std::string s = dragon4_scientific(v, kind_, a);
      size_t e = s.find('e');
      size_t p = split_point(s.substr(0, e));
      int_len = std::max(int_len, static_cast<int>(p));
      frac_len = std::max(frac_len, static_cast<int>(e - p - (p < e ? 1 : 0)));
      exp_len = std::max(exp_len, static_cast<int>(s.size() - e - 1));
    }
    exp_size_ = exp_len - 1;
    trim_ = Trim::Keep;
    precision_ = frac_len;
    min_digits_ = frac_len;
    unique_ = a.unique;
    pad_left_ = legacy_ ? 3 : int_len;  // NumPy 1.13: two spaces and the sign
    pad_right_ = exp_size_ + 2 + precision_;
  } else {
    DragonArgs a;
    a.precision = precision_;
    a.unique = floatmode_ != CNP_FLOATMODE_FIXED;
    a.trim = a.unique ? Trim::Zeros : Trim::Keep;
    a.sign = plus;
    int int_len = 0, digits_len = 0, frac_len = 0;
    for (double v : finite) {
      std::string s = dragon4_positional(v, kind_, a);
      size_t p = split_point(s);
      int_len = std::max(int_len, static_cast<int>(p));
      const size_t signs = s.find_first_not_of("+-");  // NumPy 1.13: int part without its sign, plus 1
      digits_len = std::max(digits_len, static_cast<int>(p - std::min(p, signs)));
      frac_len = std::max(frac_len, static_cast<int>(s.size() - p - (p < s.size() ? 1 : 0)));
    }
    pad_left_ = legacy_ ? 1 + digits_len : int_len;
    pad_right_ = frac_len;
    exp_size_ = -1;
    unique_ = a.unique;
    if (floatmode_ == CNP_FLOATMODE_FIXED || floatmode_ == CNP_FLOATMODE_MAXPREC_EQUAL) {
      precision_ = min_digits_ = pad_right_;
      trim_ = Trim::Keep;
    } else {
      trim_ = Trim::Zeros;
      min_digits_ = 0;
    }
  }
  if (!legacy_ && sign_ == CNP_SIGN_SPACE &&
      std::none_of(finite.begin(), finite.end(), [](double v) { return std::signbit(v); }))
    pad_left_ += 1;
  if (finite.size() != values.size()) {
    bool neginf = sign_ != CNP_SIGN_MINUS ||
                  std::any_of(values.begin(), values.end(), [](double v) { return std::isinf(v) && v < 0; });
    const int offset = pad_right_ + 1;
    pad_left_ = std::max({pad_left_, 3 - offset, 3 + (neginf ? 1 : 0) - offset});
  }
}

std::string FloatFormat::operator()(double x) const {
  if (!std::isfinite(x)) {
    std::string ret;
    if (std::isnan(x))
      ret = sign_ == CNP_SIGN_PLUS ? "+nan" : "nan";
    else
      ret = x < 0 ? "-inf" : (sign_ == CNP_SIGN_PLUS ? "+inf" : "inf");
    int width = pad_left_ + pad_right_ + 1;
    if (width > static_cast<int>(ret.size())) ret.insert(0, static_cast<size_t>(width) - ret.size(), ' ');
    return ret;
  }
  DragonArgs a;
  a.precision = precision_;
  a.min_digits = min_digits_;
  a.unique = unique_;
  a.trim = trim_;
  a.sign = sign_ == CNP_SIGN_PLUS;
  a.pad_left = pad_left_;
  if (exp_format_) {
    a.exp_digits = exp_size_;
    return dragon4_scientific(x, kind_, a);
  }
  a.pad_right = pad_right_;
  return dragon4_positional(x, kind_, a);
}

namespace {
// NumPy 1.13's complex layout: the real parts as 'maxprec_equal', the imaginary as 'maxprec'.
cnp_printoptions with_floatmode(const cnp_printoptions& o, int32_t legacy_mode) {
  cnp_printoptions r = o;
  if (o.legacy == CNP_LEGACY_1_13) r.floatmode = legacy_mode;
  return r;
}
}  // namespace

ComplexFormat::ComplexFormat(const std::vector<double>& re, const std::vector<double>& im, FloatKind kind,
                             const cnp_printoptions& o, int sign)
    : real_(re, kind, with_floatmode(o, CNP_FLOATMODE_MAXPREC_EQUAL), sign),
      imag_(im, kind, with_floatmode(o, CNP_FLOATMODE_MAXPREC), CNP_SIGN_PLUS) {}

std::string ComplexFormat::operator()(double re, double im) const {
  std::string r = real_(re);
  std::string i = imag_(im);
  size_t sp = i.find_last_not_of(' ');
  sp = sp == std::string::npos ? 0 : sp + 1;
  return r + i.substr(0, sp) + "j" + i.substr(sp);
}

namespace {
// NumPy's scalar "either": positional for 0 and 1e-4 <= |x| < 1e16, scientific otherwise.
std::string either(double x, FloatKind kind, Trim trim_pos, Trim trim_sci, bool sign) {
  DragonArgs a;
  a.sign = sign;
  const long double ax = std::fabs(static_cast<long double>(x));
  if (ax == 0 || (ax < 1.e16L && ax >= 1.e-4L)) {
    a.trim = trim_pos;
    return dragon4_positional(x, kind, a);
  }
  a.trim = trim_sci;
  return dragon4_scientific(x, kind, a);
}
}  // namespace

std::string float_scalar_str(double x, FloatKind kind) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x < 0 ? "-inf" : "inf";
  return either(x, kind, Trim::LeaveOneZero, Trim::DptZeros, false);
}

std::string complex_scalar_str(double re, double im, FloatKind kind) {
  auto imag = [&] {
    if (std::isnan(im)) return std::string("+nan");
    if (std::isinf(im)) return std::string(im < 0 ? "-inf" : "+inf");
    return either(im, kind, Trim::DptZeros, Trim::DptZeros, true);
  };
  if (re == 0.0 && !std::signbit(re)) {
    std::string i = imag();
    if (i[0] == '+') i.erase(0, 1);
    return i + "j";
  }
  std::string r = std::isfinite(re) ? either(re, kind, Trim::DptZeros, Trim::DptZeros, false) : float_scalar_str(re, kind);
  return "(" + r + imag() + "j)";
}

}  // namespace cnp::print
