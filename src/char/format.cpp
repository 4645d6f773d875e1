// numpy.char.mod: format % value per element with Python's printf-style rules (NumPy hands each
// element one scalar of `values`, never a tuple): %s %r %a %d %i %u %x %X %o %e %E %f %F %g %G
// %c %%, flags '-+ #0', width and precision; the errors Python raises for a missing or extra
// argument and for a value of the wrong kind.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "char/char.hpp"
#include "core/cast.hpp"
#include "core/cast_any.hpp"

namespace cnp::chr {

namespace {

struct Value {
  const Dtype* dtype;
  const char* p;
  bool is_int() const { return dtype->kind == 'i' || dtype->kind == 'u' || dtype->kind == 'b'; }
  bool is_float() const { return dtype->kind == 'f'; }
  bool is_text() const { return is_string(dtype); }
  double as_double() const {
    double v = 0;
    switch (dtype->typenum) {
      case CNP_FLOAT32: { float f; std::memcpy(&f, p, 4); v = f; break; }
      case CNP_FLOAT64: std::memcpy(&v, p, 8); break;
      default: v = std::stod(number_text(dtype, p));
    }
    return v;
  }
  // The integer value as text (any width, no sign handling needed beyond '-').
  std::string int_text() const { return dtype->kind == 'b' ? (*p ? "1" : "0") : number_text(dtype, p); }
};

Text widen(const std::string& s) {
  Text t;
  for (unsigned char c : s) t.push_back(c);
  return t;
}

// Python's repr of a str (or bytes, with the b prefix): single quotes unless the text has a
// single quote and no double one; \\, \t, \n, \r and other control characters escaped.
Text py_repr(const Text& s, bool bytes) {
  const bool dq = s.find(U'\'') != Text::npos && s.find(U'"') == Text::npos;
  const char32_t q = dq ? U'"' : U'\'';
  Text r;
  if (bytes) r.push_back(U'b');
  r.push_back(q);
  for (char32_t c : s) {
    char b[12];
    if (c == q || c == U'\\') r.push_back(U'\\'), r.push_back(c);
    else if (c == U'\t') r += U"\\t";
    else if (c == U'\n') r += U"\\n";
    else if (c == U'\r') r += U"\\r";
    else if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80)) {
      std::snprintf(b, sizeof b, "\\x%02x", static_cast<unsigned>(c));
      r += widen(b);
    } else r.push_back(c);
  }
  r.push_back(q);
  return r;
}

[[noreturn]] void type_error(const std::string& m) { throw Error(CNP_ERR_TYPE, m); }

struct Spec {
  bool left = false, plus = false, space = false, alt = false, zero = false;
  int64_t width = -1, prec = -1;
  char32_t type = 0;
};

// Pads body (sign already in front) to the width: left, right, or with zeros after the sign
// and any 0x prefix.
void pad(Text body, const Spec& sp, bool numeric, size_t prefix, Text& out) {
  const int64_t len = static_cast<int64_t>(body.size());
  if (sp.width <= len) return out += body, void();
  const size_t fill = static_cast<size_t>(sp.width - len);
  if (sp.left) {
    out += body;
    out.append(fill, U' ');
  } else if (sp.zero && numeric) {
    out.append(body, 0, prefix);
    out.append(fill, U'0');
    out.append(body, prefix, Text::npos);
  } else {
    out.append(fill, U' ');
    out += body;
  }
}

void format_value(const Spec& sp, const Value& v, bool unicode_format, Text& out) {
  const char32_t t = sp.type;
  const std::string tname = scalar_type_name(v.dtype);
  if (t == U's' || t == U'r' || t == U'a') {
    Text body;
    if (v.is_text()) {
      load(v.p, layout_of(v.dtype), body);
      const bool is_bytes = v.dtype->kind == 'S';
      if (t != U's') body = py_repr(body, is_bytes);
      else if (unicode_format && is_bytes) body = py_repr(body, true);
      else if (!unicode_format && !is_bytes) {  // bytes % str_: the str_'s UCS4 buffer
        Text b;
        for (char32_t c : body)
          for (int k = 0; k < 4; ++k) b.push_back((static_cast<uint32_t>(c) >> (8 * k)) & 0xff);
        body.swap(b);
      }
    } else if (!unicode_format && t == U's') {  // bytes % number: its buffer
      for (int64_t i = 0; i < v.dtype->itemsize; ++i) body.push_back(static_cast<unsigned char>(v.p[i]));
    } else {
      body = widen(number_text(v.dtype, v.p));
    }
    if (sp.prec >= 0 && static_cast<int64_t>(body.size()) > sp.prec) body.resize(static_cast<size_t>(sp.prec));
    return pad(body, sp, false, 0, out);
  }
  if (t == U'c') {
    Text body;
    if (v.is_int()) {
      const std::string text = v.int_text();
      // Anything of more than 7 digits is out of range (and may not fit a long long).
      const long long c = text.size() > 8 ? -1 : std::stoll(text);
      if (c < 0 || c > 0x10FFFF) throw Error(CNP_ERR_OVERFLOW, "%c arg not in range(0x110000)");
      body.push_back(static_cast<char32_t>(c));
    } else if (v.is_text()) {
      load(v.p, layout_of(v.dtype), body);
      if (body.size() != 1) type_error("%c requires int or char");
    } else {
      type_error("%c requires int or char");
    }
    return pad(body, sp, false, 0, out);
  }
  if (t == U'd' || t == U'i' || t == U'u' || t == U'x' || t == U'X' || t == U'o') {
    std::string digits;
    bool neg = false;
    if (v.is_int()) {
      digits = v.int_text();
    } else if (v.is_float() && (t == U'd' || t == U'i' || t == U'u')) {
      const double d = v.as_double();
      if (std::isnan(d)) throw Error(CNP_ERR_VALUE, "cannot convert float NaN to integer");
      if (std::isinf(d)) throw Error(CNP_ERR_OVERFLOW, "cannot convert float infinity to integer");
      char b[400];
      std::snprintf(b, sizeof b, "%.0f", std::trunc(d));
      digits = b;
      if (digits == "-0") digits = "0";
    } else {
      const char tc = static_cast<char>(t);
      if (t == U'd' || t == U'i' || t == U'u') type_error(std::string("%") + tc + " format: a real number is required, not " + tname);
      type_error(std::string("%") + tc + " format: an integer is required, not " + tname);
    }
    if (!digits.empty() && digits[0] == '-') neg = true, digits.erase(0, 1);
    std::string prefix;
    if (t == U'x' || t == U'X' || t == U'o') {
      // Re-base the decimal magnitude (exact for any 64-bit value).
      unsigned long long m = std::stoull(digits);
      char b[40];
      std::snprintf(b, sizeof b, t == U'x' ? "%llx" : t == U'X' ? "%llX" : "%llo", m);
      digits = b;
      if (sp.alt) prefix = t == U'x' ? "0x" : t == U'X' ? "0X" : "0o";
    }
    if (sp.prec >= 0 && static_cast<int64_t>(digits.size()) < sp.prec)
      digits.insert(0, static_cast<size_t>(sp.prec) - digits.size(), '0');
    const std::string sign = neg ? "-" : sp.plus ? "+" : sp.space ? " " : "";
    return pad(widen(sign + prefix + digits), sp, true, sign.size() + prefix.size(), out);
  }
  if (t == U'e' || t == U'E' || t == U'f' || t == U'F' || t == U'g' || t == U'G') {
    if (!v.is_int() && !v.is_float()) type_error("must be real number, not " + tname);
    const double d = v.is_int() ? std::stod(v.int_text()) : v.as_double();
    std::string body;
    if (std::isnan(d) || std::isinf(d)) {
      body = std::isnan(d) ? "nan" : "inf";
      if (t == U'E' || t == U'F' || t == U'G')
        for (char& c : body) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      const bool neg = std::signbit(d) && !std::isnan(d);
      const std::string sign = neg ? "-" : sp.plus ? "+" : sp.space ? " " : "";
      Spec s2 = sp;
      s2.zero = false;
      return pad(widen(sign + body), s2, true, sign.size(), out);
    }
    std::string fmt = "%";
    if (sp.plus) fmt += '+';
    if (sp.space) fmt += ' ';
    if (sp.alt) fmt += '#';
    fmt += '.' + std::to_string(sp.prec >= 0 ? sp.prec : 6) + static_cast<char>(t);
    std::vector<char> b(static_cast<size_t>(std::max<int64_t>(sp.prec, 0)) + 420);
    std::snprintf(b.data(), b.size(), fmt.c_str(), d);
    body = b.data();
    const size_t signlen = !body.empty() && (body[0] == '-' || body[0] == '+' || body[0] == ' ') ? 1 : 0;
    return pad(widen(body), sp, true, signlen, out);
  }
  char b[64];
  std::snprintf(b, sizeof b, "unsupported format character '%c' (0x%x)", static_cast<int>(t < 128 ? t : '?'),
                static_cast<unsigned>(t));
  throw Error(CNP_ERR_VALUE, b);
}

void format_one(const Text& f, const Value& v, bool unicode_format, Text& out) {
  bool used = false;
  const size_t n = f.size();
  auto need_arg = [&] {
    if (used) type_error("not enough arguments for format string");
    used = true;
  };
  for (size_t i = 0; i < n;) {
    if (f[i] != U'%') {
      out.push_back(f[i++]);
      continue;
    }
    ++i;
    if (i >= n) throw Error(CNP_ERR_VALUE, "incomplete format");
    if (f[i] == U'(') {  // the value as a mapping: NumPy's scalars refuse the key
      if (!v.is_text()) throw Error(CNP_ERR_INDEX, "invalid index to scalar variable.");
      if (unicode_format && v.dtype->kind == 'S') type_error("byte indices must be integers or slices, not str");
      type_error("format requires a mapping");
    }
    Spec sp;
    for (; i < n; ++i) {
      const char32_t c = f[i];
      if (c == U'-') sp.left = true;
      else if (c == U'+') sp.plus = true;
      else if (c == U' ') sp.space = true;
      else if (c == U'#') sp.alt = true;
      else if (c == U'0') sp.zero = true;
      else break;
    }
    auto number = [&](int64_t& into) {
      if (i < n && f[i] == U'*') {
        need_arg();
        type_error("* wants int");
      }
      if (i < n && f[i] >= U'0' && f[i] <= U'9') {
        into = 0;
        while (i < n && f[i] >= U'0' && f[i] <= U'9') into = into * 10 + (f[i++] - U'0');
      }
    };
    number(sp.width);
    if (i < n && f[i] == U'.') {
      ++i;
      sp.prec = 0;
      number(sp.prec);
    }
    while (i < n && (f[i] == U'h' || f[i] == U'l' || f[i] == U'L')) ++i;
    if (i >= n) throw Error(CNP_ERR_VALUE, "incomplete format");
    sp.type = f[i++];
    if (sp.type == U'%') {
      out.push_back(U'%');
      continue;
    }
    need_arg();
    format_value(sp, v, unicode_format, out);
  }
  // Python treats a value with __getitem__ that is not a str (NumPy's number scalars, and bytes_
  // under str formatting) as a mapping, and a mapping need not be consumed.
  const bool mapping = !v.is_text() || (unicode_format && v.dtype->kind == 'S');
  if (!used && !mapping) type_error(unicode_format ? "not all arguments converted during string formatting"
                                       : "not all arguments converted during bytes formatting");
}

}  // namespace

Array mod(const Array& a, const Array& values) {
  string_array(a);
  if (!is_string(values.dtype()) && !is_numeric(values.dtype()))
    throw Error(CNP_ERR_TYPE, "mod values must be numbers or strings");
  if (is_numeric(values.dtype()) && values.dtype()->kind == 'c')
    throw Error(CNP_ERR_TYPE, "complex values are not supported by numpy.char.mod here");
  const Shape s = broadcast_of({&a, &values});
  const Layout la = layout_of(a.dtype());
  Array native = values;
  if (values.dtype()->swapped && is_numeric(values.dtype()))
    native = cast_copy(values, builtin_dtype(values.dtype()->typenum), CNP_ORDER_K);
  return collect({&a, &native}, s, la.unicode, [&](char* const* p, Text& r, Scratch& sc) {
    Text &f = sc.t[0];
    load(p[0], la, f);
    format_one(f, Value{native.dtype(), p[1]}, la.unicode, r);
  });
}

}  // namespace cnp::chr
