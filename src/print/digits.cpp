// See digits.hpp. Digits are produced once as (digit string, decimal exponent) and then laid out
// positionally or scientifically with NumPy's trimming and padding rules.
#include "print/digits.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/types.hpp"

namespace cnp::print {
namespace {

// value = 0.d1 d2 d3 ... scaled so that d1 is the units digit times 10^exp: d1.d2d3... x 10^exp
struct Digits {
  std::string digits;
  int exp = 0;
};

// Parses printf/to_chars scientific text "d.ddde+XX" (no sign) into Digits.
Digits parse_sci(const char* s) {
  Digits d;
  const char* p = s;
  for (; *p && *p != 'e'; ++p)
    if (*p >= '0' && *p <= '9') d.digits.push_back(*p);
  if (*p == 'e') d.exp = std::atoi(p + 1);
  return d;
}

void strip_zeros(std::string& s, size_t keep) {
  while (s.size() > keep && s.back() == '0') s.pop_back();
}

// Shortest digits that read back as the same value of the element's type; Ryu (to_chars) picks the
// closest such digits, as Dragon4 does.
Digits shortest(double ax, FloatKind kind) {
  if (ax == 0.0) return {"0", 0};
  char buf[64];
  if (kind == FloatKind::Half) {
    uint16_t bits = double_to_half(ax);
    for (int p = 0; p < 17; ++p) {
      std::snprintf(buf, sizeof buf, "%.*e", p, ax);
      if (double_to_half(std::strtod(buf, nullptr)) == bits) break;
    }
  } else {
    auto r = kind == FloatKind::Single
                 ? std::to_chars(buf, buf + sizeof buf - 1, static_cast<float>(ax), std::chars_format::scientific)
                 : std::to_chars(buf, buf + sizeof buf - 1, ax, std::chars_format::scientific);
    *r.ptr = '\0';
  }
  Digits d = parse_sci(buf);
  strip_zeros(d.digits, 1);
  return d;
}

Digits exact_sci(double ax, int precision) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*e", precision, ax);
  return parse_sci(buf);
}

void exact_fixed(double ax, int precision, std::string& ip, std::string& fp) {
  // a double has at most 309 integer digits; the fraction is as long as asked
  std::string s(static_cast<size_t>(precision) + 320, '\0');
  int n = std::snprintf(s.data(), s.size(), "%.*f", precision, ax);
  s.resize(static_cast<size_t>(n));
  size_t dot = s.find('.');
  ip = s.substr(0, dot);
  fp = dot == std::string::npos ? "" : s.substr(dot + 1);
}

// Lays shortest digits out positionally: digits then zeros before the point, zeros then digits after.
void digits_fixed(const Digits& d, std::string& ip, std::string& fp) {
  const int n = static_cast<int>(d.digits.size());
  if (d.exp >= 0) {
    if (n <= d.exp + 1) {
      ip = d.digits + std::string(static_cast<size_t>(d.exp + 1 - n), '0');
      fp.clear();
    } else {
      ip = d.digits.substr(0, static_cast<size_t>(d.exp + 1));
      fp = d.digits.substr(static_cast<size_t>(d.exp + 1));
    }
  } else {
    ip = "0";
    fp = std::string(static_cast<size_t>(-d.exp - 1), '0') + d.digits;
  }
}

std::string sign_of(double x, bool plus) { return std::signbit(x) ? "-" : (plus ? "+" : ""); }

void pad_left_to(std::string& s, int width) {
  if (width > static_cast<int>(s.size())) s.insert(0, static_cast<size_t>(width) - s.size(), ' ');
}

// The fraction after trimming/padding; returns whether the point is printed.
bool finish_fraction(std::string& fp, const DragonArgs& a, bool cut) {
  if (cut && a.trim != Trim::Keep) strip_zeros(fp, 0);  // rounding at the cut may leave zeros
  if (a.min_digits > static_cast<int>(fp.size())) fp.append(static_cast<size_t>(a.min_digits) - fp.size(), '0');
  if (fp.empty()) {
    if (a.trim == Trim::LeaveOneZero) fp = "0";
    if (a.trim == Trim::DptZeros) return false;
  }
  return true;
}

}  // namespace

std::string dragon4_positional(double x, FloatKind kind, const DragonArgs& a) {
  const double ax = std::fabs(x);
  std::string ip, fp;
  bool cut = false;
  if (a.unique) {
    Digits d = shortest(ax, kind);
    // negative when the shortest digits stop left of the units (38735210 for float32 38735208)
    int nfrac = static_cast<int>(d.digits.size()) - 1 - d.exp;
    if (a.precision >= 0 && nfrac > a.precision) {
      exact_fixed(ax, a.precision, ip, fp);
      cut = true;
    } else if (a.min_digits >= 0 && a.min_digits > nfrac) {  // Dragon4 prints real further digits, not zeros
      exact_fixed(ax, a.min_digits, ip, fp);
    } else {
      digits_fixed(d, ip, fp);
    }
  } else {
    exact_fixed(ax, a.precision < 0 ? 0 : a.precision, ip, fp);
    cut = true;
  }
  bool point = finish_fraction(fp, a, cut);
  std::string s = sign_of(x, a.sign) + ip;
  pad_left_to(s, a.pad_left);
  if (point) s += '.';
  s += fp;
  if (a.pad_right > static_cast<int>(fp.size())) s.append(static_cast<size_t>(a.pad_right) - fp.size(), ' ');
  return s;
}

std::string dragon4_scientific(double x, FloatKind kind, const DragonArgs& a) {
  const double ax = std::fabs(x);
  Digits d;
  bool cut = false;
  if (a.unique) {
    d = shortest(ax, kind);
    const int nfrac = static_cast<int>(d.digits.size()) - 1;
    if (a.precision >= 0 && nfrac > a.precision) {
      d = exact_sci(ax, a.precision);
      cut = true;
    } else if (a.min_digits >= 0 && a.min_digits > nfrac && ax != 0.0) {  // real further digits, not zeros
      d = exact_sci(ax, a.min_digits);
    }
  } else {
    d = exact_sci(ax, a.precision < 0 ? 0 : a.precision);
    cut = true;
  }
  std::string ip = d.digits.substr(0, 1);
  std::string fp = d.digits.substr(1);
  bool point = finish_fraction(fp, a, cut);
  std::string s = sign_of(x, a.sign) + ip;
  pad_left_to(s, a.pad_left);
  if (point) s += '.';
  s += fp;
  int e = d.exp;
  s += 'e';
  s += e < 0 ? '-' : '+';
  std::string es = std::to_string(e < 0 ? -e : e);
  const int width = a.exp_digits < 0 ? 2 : std::min(a.exp_digits, 5);
  if (static_cast<int>(es.size()) < width) es.insert(0, static_cast<size_t>(width) - es.size(), '0');
  return s + es;
}

}  // namespace cnp::print
