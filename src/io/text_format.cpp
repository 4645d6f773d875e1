// Python %-formatting of numbers for savetxt (text_format.hpp).
#include "io/text_format.hpp"

#include <charconv>
#include <cmath>

#include "core/error.hpp"

namespace cnp::textio {

bool parse_row_format(std::string_view fmt, RowFormat* out) {
  out->specs.clear();
  std::string lit;
  size_t i = 0;
  while (i < fmt.size()) {
    char c = fmt[i];
    if (c != '%') {
      lit.push_back(c);
      ++i;
      continue;
    }
    ++i;
    if (i >= fmt.size()) return false;  // "incomplete format": Python words it
    if (fmt[i] == '%') {
      lit.push_back('%');
      ++i;
      continue;
    }
    FormatSpec s;
    if (fmt[i] == '(') return false;  // mapping key
    for (; i < fmt.size(); ++i) {
      char f = fmt[i];
      if (f == '-') s.minus = true;
      else if (f == '+') s.plus = true;
      else if (f == ' ') s.space = true;
      else if (f == '#') s.alt = true;
      else if (f == '0') s.zero = true;
      else break;
    }
    auto number = [&](int64_t* dst) -> bool {
      if (i < fmt.size() && fmt[i] == '*') return false;
      if (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
        int64_t n = 0;
        while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
          n = n * 10 + (fmt[i] - '0');
          if (n > 100000) return false;  // Python allows more; absurd widths go to Python
          ++i;
        }
        *dst = n;
      }
      return true;
    };
    if (!number(&s.width)) return false;
    if (i < fmt.size() && fmt[i] == '.') {
      ++i;
      s.precision = 0;
      if (!number(&s.precision)) return false;
    }
    while (i < fmt.size() && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) ++i;
    if (i >= fmt.size()) return false;
    char t = fmt[i++];
    switch (t) {
      case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        break;
      default:
        return false;  // %s %r %a %c and unknown characters: Python's operator
    }
    s.type = t;
    s.before = std::move(lit);
    lit.clear();
    out->specs.push_back(std::move(s));
  }
  out->tail = std::move(lit);
  return true;
}

static void pad(const FormatSpec& s, bool neg, std::string_view prefix, std::string_view body, std::string& out) {
  char sign = neg ? '-' : (s.plus ? '+' : (s.space ? ' ' : 0));
  int64_t len = (sign ? 1 : 0) + static_cast<int64_t>(prefix.size() + body.size());
  int64_t fill = s.width > len ? s.width - len : 0;
  if (fill && !s.minus && !s.zero) out.append(static_cast<size_t>(fill), ' ');
  if (sign) out.push_back(sign);
  out.append(prefix);
  if (fill && !s.minus && s.zero) out.append(static_cast<size_t>(fill), '0');
  out.append(body);
  if (fill && s.minus) out.append(static_cast<size_t>(fill), ' ');
}

static bool format_integer(const FormatSpec& s, bool neg, uint64_t mag, std::string& out) {
  char buf[72];
  int base = (s.type == 'o') ? 8 : (s.type == 'x' || s.type == 'X') ? 16 : 10;
  auto r = std::to_chars(buf, buf + sizeof buf, mag, base);
  std::string body(buf, r.ptr);
  if (s.type == 'X')
    for (char& c : body) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (s.precision >= 0 && static_cast<int64_t>(body.size()) < s.precision)
    body.insert(0, static_cast<size_t>(s.precision - static_cast<int64_t>(body.size())), '0');
  std::string_view prefix;
  if (s.alt && base != 10) prefix = s.type == 'o' ? "0o" : (s.type == 'x' ? "0x" : "0X");
  pad(s, neg, prefix, body, out);
  return true;
}

bool format_value(const FormatSpec& s, const FormatValue& v, std::string& out) {
  out.append(s.before);
  bool int_conv = s.type == 'd' || s.type == 'i' || s.type == 'u' || s.type == 'o' || s.type == 'x' || s.type == 'X';
  if (int_conv) {
    if (v.kind == FormatValue::kInt) return format_integer(s, v.i < 0, v.i < 0 ? 0 - static_cast<uint64_t>(v.i) : static_cast<uint64_t>(v.i), out);
    if (v.kind == FormatValue::kUInt) return format_integer(s, false, v.u, out);
    if (s.type != 'd' && s.type != 'i' && s.type != 'u') return false;  // Python's TypeError (or bool's __index__)
    if (v.kind == FormatValue::kBool) return format_integer(s, false, v.u, out);
    double f = v.f;
    if (std::isnan(f)) throw Error(CNP_ERR_VALUE, "cannot convert float NaN to integer");
    if (std::isinf(f)) throw Error(CNP_ERR_OVERFLOW, "cannot convert float infinity to integer");
    double t = std::trunc(f);
    if (!(t > -9223372036854775808.0 && t < 9223372036854775808.0)) return false;  // Python's big ints
    int64_t i = static_cast<int64_t>(t);
    return format_integer(s, i < 0, i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i), out);
  }
  if (s.alt) return false;
  double f;
  switch (v.kind) {
    case FormatValue::kInt: f = static_cast<double>(v.i); break;
    case FormatValue::kUInt:
    case FormatValue::kBool: f = static_cast<double>(v.u); break;
    default: f = v.f;
  }
  bool upper = s.type == 'E' || s.type == 'F' || s.type == 'G';
  bool neg = std::signbit(f) && !std::isnan(f);
  double a = std::fabs(f);
  char buf[512];
  std::string body;
  if (std::isnan(f) || std::isinf(f)) {
    body = std::isnan(f) ? "nan" : "inf";
  } else {
    int prec = s.precision < 0 ? 6 : static_cast<int>(s.precision);
    std::chars_format cf = (s.type == 'e' || s.type == 'E') ? std::chars_format::scientific
                           : (s.type == 'f' || s.type == 'F') ? std::chars_format::fixed
                                                              : std::chars_format::general;
    if (cf == std::chars_format::general && prec == 0) prec = 1;
    auto r = std::to_chars(buf, buf + sizeof buf, a, cf, prec);
    if (r.ec != std::errc()) {  // a very long %f: the heap
      std::string big(static_cast<size_t>(prec) + 400, '\0');
      r = std::to_chars(big.data(), big.data() + big.size(), a, cf, prec);
      if (r.ec != std::errc()) return false;
      body.assign(big.data(), r.ptr);
    } else {
      body.assign(buf, r.ptr);
    }
  }
  if (upper)
    for (char& c : body) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  pad(s, neg, {}, body, out);
  return true;
}

}  // namespace cnp::textio
