// Casts between any two descriptors. The builtin pairs keep the table of cast.cpp; byte-swapped
// sides go through a small native buffer (swap on load, swap on store), so every numeric pair is
// one table loop plus at most two swaps; the other kinds convert element by element.
#include "core/cast_any.hpp"

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cerrno>
#include <cinttypes>
#include <climits>
#include <cmath>
#include <cstring>
#include <utility>
#include <vector>

#include "core/cast.hpp"
#include "core/dtype.hpp"
#include "core/error.hpp"
#include "core/loop_registry.hpp"
#include "core/types.hpp"
#include "datetime/format.hpp"
#include "core/generated/unicode_digits.hpp"

namespace cnp {

namespace {

constexpr int64_t kChunk = 256;
constexpr int64_t kNaT = INT64_MIN;

// Reverses `width` bytes at each of n elements (one scalar per element).
void swap_run(char* p, int64_t stride, int64_t n, int64_t width) {
  switch (width) {
    case 2:
      for (int64_t i = 0; i < n; ++i, p += stride) {
        uint16_t v;
        std::memcpy(&v, p, 2);
        v = __builtin_bswap16(v);
        std::memcpy(p, &v, 2);
      }
      return;
    case 4:
      for (int64_t i = 0; i < n; ++i, p += stride) {
        uint32_t v;
        std::memcpy(&v, p, 4);
        v = __builtin_bswap32(v);
        std::memcpy(p, &v, 4);
      }
      return;
    case 8:
      for (int64_t i = 0; i < n; ++i, p += stride) {
        uint64_t v;
        std::memcpy(&v, p, 8);
        v = __builtin_bswap64(v);
        std::memcpy(p, &v, 8);
      }
      return;
    default:
      for (int64_t i = 0; i < n; ++i, p += stride)
        for (int64_t a = 0, b = width - 1; a < b; ++a, --b) std::swap(p[a], p[b]);
  }
}

// dst = byte-reversed src for contiguous runs of 8-byte scalars: the astype('>f8') hot loop.
void swap_copy8(const char* src, int64_t ss, char* dst, int64_t ds, int64_t n) {
  if (ss == 8 && ds == 8) {
    for (int64_t i = 0; i < n; ++i) {
      uint64_t v;
      std::memcpy(&v, src + 8 * i, 8);
      v = __builtin_bswap64(v);
      std::memcpy(dst + 8 * i, &v, 8);
    }
    return;
  }
  for (int64_t i = 0; i < n; ++i, src += ss, dst += ds) {
    uint64_t v;
    std::memcpy(&v, src, 8);
    v = __builtin_bswap64(v);
    std::memcpy(dst, &v, 8);
  }
}

void swap_copy4(const char* src, int64_t ss, char* dst, int64_t ds, int64_t n) {
  for (int64_t i = 0; i < n; ++i, src += ss, dst += ds) {
    uint32_t v;
    std::memcpy(&v, src, 4);
    v = __builtin_bswap32(v);
    std::memcpy(dst, &v, 4);
  }
}

int64_t scalar_width(const Dtype* d) {
  if (d->kind == 'c') return d->itemsize / 2;
  if (d->kind == 'U') return 4;
  return d->itemsize;
}

// ---- numbers ----------------------------------------------------------------------------------

// NumPy's str() of a float scalar: the shortest digits that round-trip in the value's own type
// (Dragon4's unique mode, which std::to_chars computes too), positional when 1e-4 <= |v| < 1e16
// (decided on the exact value, as NumPy's @name@type_str_either does: float32(1e-4) is
// 9.99999975e-05 and prints as 1e-04), else scientific with at least two exponent digits.
// Writes at most 48 chars to out and returns the length.
int float_repr_chars(double v, bool single, bool half, char* out) {
  if (std::isnan(v)) return std::memcpy(out, "nan", 3), 3;
  if (std::isinf(v)) return v < 0 ? (std::memcpy(out, "-inf", 4), 4) : (std::memcpy(out, "inf", 3), 3);
  char sci[64];
  std::to_chars_result r;
  if (half) {
    // float16: the fewest digits that round-trip through binary16.
    for (int prec = 0; prec < 6; ++prec) {
      r = std::to_chars(sci, sci + sizeof sci, v, std::chars_format::scientific, prec);
      *r.ptr = '\0';
      if (double_to_half(std::strtod(sci, nullptr)) == double_to_half(v)) break;
    }
  } else if (single) {
    r = std::to_chars(sci, sci + sizeof sci, static_cast<float>(v), std::chars_format::scientific);
  } else {
    r = std::to_chars(sci, sci + sizeof sci, v, std::chars_format::scientific);
  }
  // sci is "[-]d[.ddd]e±XX": the digits and the decimal exponent.
  const char* p = sci;
  const char* end = r.ptr;
  int n = 0;
  if (*p == '-') out[n++] = '-', ++p;
  char digits[32];
  int nd = 0;
  for (; p < end && *p != 'e'; ++p)
    if (*p != '.') digits[nd++] = *p;
  int exp = 0;
  std::from_chars(p + 1 + (p[1] == '+'), end, exp);
  while (nd > 1 && digits[nd - 1] == '0') --nd;
  const long double a = std::fabs(static_cast<long double>(v));
  if (a != 0 && (a < 1e-4L || a >= 1e16L)) {
    out[n++] = digits[0];
    if (nd > 1) {
      out[n++] = '.';
      for (int i = 1; i < nd; ++i) out[n++] = digits[i];
    }
    out[n++] = 'e';
    out[n++] = exp < 0 ? '-' : '+';
    int e = exp < 0 ? -exp : exp;
    if (e >= 100) out[n++] = static_cast<char>('0' + e / 100);
    out[n++] = static_cast<char>('0' + e / 10 % 10);
    out[n++] = static_cast<char>('0' + e % 10);
  } else if (exp < 0) {
    out[n++] = '0';
    out[n++] = '.';
    for (int i = 0; i < -exp - 1; ++i) out[n++] = '0';
    for (int i = 0; i < nd; ++i) out[n++] = digits[i];
  } else if (nd <= exp + 1) {
    for (int i = 0; i < nd; ++i) out[n++] = digits[i];
    for (int i = nd; i < exp + 1; ++i) out[n++] = '0';
    out[n++] = '.';
    out[n++] = '0';
  } else {
    for (int i = 0; i <= exp; ++i) out[n++] = digits[i];
    out[n++] = '.';
    for (int i = exp + 1; i < nd; ++i) out[n++] = digits[i];
  }
  return n;
}

std::string float_repr(double v, bool single, bool half) {
  char buf[64];
  return std::string(buf, static_cast<size_t>(float_repr_chars(v, single, half, buf)));
}

std::string complex_part(double v, bool single) {
  std::string s = float_repr(v, single, false);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);  // Python: (1+2j)
  return s;
}

}  // namespace

std::string number_text(const Dtype* d, const char* src) {
  return visit_type(d->typenum, [&](auto tag) -> std::string {
    using T = typename decltype(tag)::type;
    T v;
    std::memcpy(&v, src, sizeof(T));
    if constexpr (std::is_same_v<T, bool_t>) return v.v ? "True" : "False";
    else if constexpr (std::is_same_v<T, half_t>) return float_repr(half_to_float(v.bits), false, true);
    else if constexpr (std::is_same_v<T, float>) return float_repr(v, true, false);
    else if constexpr (std::is_same_v<T, double>) return float_repr(v, false, false);
    else if constexpr (is_complex_v<T>) {
      bool single = std::is_same_v<T, c64_t>;
      double re = v.real(), im = v.imag();
      std::string is = complex_part(im, single);
      if (re == 0 && !std::signbit(re)) return is + "j";
      std::string rs = complex_part(re, single);
      std::string sign = std::signbit(im) || std::isnan(im) ? "" : "+";
      if (std::isnan(im)) sign = "+";
      return "(" + rs + sign + is + "j)";
    } else {
      return std::to_string(v);
    }
  });
}

std::string datetime_text(int64_t value, int32_t unit, int32_t count) {
  // The datetime module's ISO text (src/datetime/format.cpp).
  return dt::datetime_text(value, unit, count);
}

std::string timedelta_text(int64_t value, int32_t unit, int32_t count) {
  if (value == kNaT) return "NaT";
  static const char* names[] = {"years", "months", "weeks", "", "days", "hours", "minutes", "seconds",
                                "milliseconds", "microseconds", "nanoseconds", "picoseconds", "femtoseconds", "attoseconds"};
  __int128 v = static_cast<__int128>(value) * count;
  std::string n = std::to_string(static_cast<long long>(v));
  if (unit == kUnitGeneric) return n;
  return n + " " + names[unit];
}

namespace {
inline uint32_t load_cp_at(const char* p, int64_t k, bool swapped) {
  uint32_t c;
  std::memcpy(&c, p + 4 * k, 4);
  return swapped ? __builtin_bswap32(c) : c;
}

}  // namespace

// ---- text elements ----------------------------------------------------------------------------

std::string element_text(const Dtype* d, const char* src) {
  if (d->kind == 'S') {
    size_t n = static_cast<size_t>(d->itemsize);
    while (n > 0 && src[n - 1] == '\0') --n;
    return std::string(src, n);
  }
  int64_t nch = d->itemsize / 4;
  while (nch > 0) {
    uint32_t c;
    std::memcpy(&c, src + 4 * (nch - 1), 4);
    if (d->swapped) c = __builtin_bswap32(c);
    if (c) break;
    --nch;
  }
  std::string out;
  for (int64_t i = 0; i < nch; ++i) {
    uint32_t c;
    std::memcpy(&c, src + 4 * i, 4);
    if (d->swapped) c = __builtin_bswap32(c);
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x800) { out += static_cast<char>(0xC0 | (c >> 6)); out += static_cast<char>(0x80 | (c & 0x3F)); }
    else if (c < 0x10000) { out += static_cast<char>(0xE0 | (c >> 12)); out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)); out += static_cast<char>(0x80 | (c & 0x3F)); }
    else { out += static_cast<char>(0xF0 | (c >> 18)); out += static_cast<char>(0x80 | ((c >> 12) & 0x3F)); out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)); out += static_cast<char>(0x80 | (c & 0x3F)); }
  }
  return out;
}

namespace {
AnyCastLoop text_to_text(const Dtype* from, const Dtype* to);
}  // namespace

void store_text(const Dtype* d, const std::string& s, char* dst) {
  std::memset(dst, 0, static_cast<size_t>(d->itemsize));
  if (d->kind == 'S') {
    for (size_t i = 0; i < s.size(); ++i)
      if (static_cast<unsigned char>(s[i]) >= 0x80) {
        // Python's message counts characters, not UTF-8 bytes: through a U element.
        DtypeRef u = make_flexible('U', static_cast<int64_t>(s.size()));
        std::vector<char> tmp(static_cast<size_t>(u->itemsize));
        store_text(u.get(), s, tmp.data());
        text_to_text(u.get(), d)(tmp.data(), 0, dst, 0, 1);
      }
    std::memcpy(dst, s.data(), std::min<size_t>(s.size(), static_cast<size_t>(d->itemsize)));
    return;
  }
  int64_t cap = d->itemsize / 4, k = 0;
  for (size_t i = 0; i < s.size() && k < cap; ++k) {
    unsigned char c0 = static_cast<unsigned char>(s[i]);
    uint32_t c;
    int len = c0 < 0x80 ? 1 : c0 < 0xE0 ? 2 : c0 < 0xF0 ? 3 : 4;
    c = len == 1 ? c0 : len == 2 ? (c0 & 0x1F) : len == 3 ? (c0 & 0x0F) : (c0 & 0x07);
    for (int j = 1; j < len && i + static_cast<size_t>(j) < s.size(); ++j) c = (c << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(j)]) & 0x3F);
    i += static_cast<size_t>(len);
    if (d->swapped) c = __builtin_bswap32(c);
    std::memcpy(dst + 4 * k, &c, 4);
  }
}

void swap_copy_contiguous(const char* src, char* dst, int64_t n, int64_t width) {
  switch (width) {
    case 8: return swap_copy8(src, 8, dst, 8, n);
    case 4: return swap_copy4(src, 4, dst, 4, n);
    default:
      std::memcpy(dst, src, static_cast<size_t>(n * width));
      swap_run(dst, width, n, width);
  }
}

void byteswap_inplace(char* p, int64_t stride, int64_t n, const Dtype* d) {
  if (is_record(d)) {
    for (const DtypeField& f : d->fields) byteswap_inplace(p + f.offset, stride, n, f.dtype);
    return;
  }
  if (is_subarray(d)) {
    int64_t count = d->itemsize / std::max<int64_t>(d->base->itemsize, 1);
    for (int64_t i = 0; i < n; ++i) byteswap_inplace(p + i * stride, d->base->itemsize, count, d->base);
    return;
  }
  if (d->kind == 'S' || d->kind == 'V' || d->itemsize <= 1) return;
  if (d->kind == 'U') {
    int64_t nch = d->itemsize / 4;
    for (int64_t i = 0; i < n; ++i) swap_run(p + i * stride, 4, nch, 4);
    return;
  }
  int64_t w = scalar_width(d);
  if (d->kind == 'c') {
    swap_run(p, stride, n, w);
    swap_run(p + w, stride, n, w);
    return;
  }
  swap_run(p, stride, n, w);
}

namespace {

int64_t load_i64(const char* p, bool swapped) {
  int64_t v;
  std::memcpy(&v, p, 8);
  return swapped ? static_cast<int64_t>(__builtin_bswap64(static_cast<uint64_t>(v))) : v;
}

std::string fk_text(const Dtype* d, int64_t v) {
  return d->kind == 'M' ? datetime_text(v, d->unit, d->unit_count) : timedelta_text(v, d->unit, d->unit_count);
}

// Python's ASCII whitespace (str.isspace: also the separators \x1c-\x1f).
bool py_space(char ch) {
  const unsigned char c = static_cast<unsigned char>(ch);
  return std::isspace(c) || (c >= 0x1c && c <= 0x1f);
}

std::string trim(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && py_space(s[a])) ++a;
  while (b > a && py_space(s[b - 1])) --b;
  return s.substr(a, b - a);
}

// Python's repr of the text of a U element ('abc') or an S element (b'abc'), as NumPy's
// messages show the Python object they parsed.
std::string text_repr(const std::string& text, bool bytes) {
  if (!bytes) return py_repr(text);
  const bool dq = text.find('\'') != std::string::npos && text.find('"') == std::string::npos;
  std::string r = dq ? "b\"" : "b'";
  for (unsigned char c : text) {
    if (c == '\\') r += "\\\\";
    else if (c == '\'' && !dq) r += "\\'";
    else if (c == '\n') r += "\\n";
    else if (c == '\r') r += "\\r";
    else if (c == '\t') r += "\\t";
    else if (c < 0x20 || c >= 0x7f) {
      char b[8];
      std::snprintf(b, sizeof b, "\\x%02x", c);
      r += b;
    } else {
      r += static_cast<char>(c);
    }
  }
  return r + (dq ? "\"" : "'");
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Python's underscore rule for number literals: each '_' stands between two digits. Writes the
// text without underscores; false when an underscore breaks the rule.
bool drop_underscores(std::string_view t, std::string& out) {
  out.clear();
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '_') {
      out += t[i];
      continue;
    }
    if (i == 0 || i + 1 == t.size() || !is_digit(t[i - 1]) || !is_digit(t[i + 1])) return false;
  }
  return true;
}

bool iequal(std::string_view a, const char* b) {
  if (a.size() != std::strlen(b)) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  return true;
}

// Python's float() grammar (no underscores left): [sign] (digits [. digits] | . digits) [e [sign]
// digits], or inf / infinity / nan in any case, with a sign.
bool parse_py_float(std::string_view t, double* v) {
  size_t i = 0;
  const bool neg = !t.empty() && t[0] == '-';
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) ++i;
  std::string_view body = t.substr(i);
  if (iequal(body, "inf") || iequal(body, "infinity")) {
    *v = neg ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (iequal(body, "nan")) {
    *v = neg ? -std::nan("") : std::nan("");
    return true;
  }
  size_t digits = 0;
  while (i < t.size() && is_digit(t[i])) ++i, ++digits;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && is_digit(t[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    size_t e = 0;
    while (i < t.size() && is_digit(t[i])) ++i, ++e;
    if (e == 0) return false;
  }
  if (i != t.size()) return false;
  *v = std::strtod(std::string(t).c_str(), nullptr);
  return true;
}

// Python's complex() grammar: [(] real | imag j | real (+|-) imag j [)], an imaginary part of
// only a sign meaning 1 ("j", "-j", "1+j").
bool parse_py_complex(std::string_view t, double* re, double* im) {
  if (!t.empty() && t.front() == '(') {
    if (t.size() < 2 || t.back() != ')') return false;
    t = t.substr(1, t.size() - 2);
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
  }
  if (t.empty()) return false;
  if (t.back() != 'j' && t.back() != 'J') {
    *im = 0;
    return parse_py_float(t, re);
  }
  std::string_view body = t.substr(0, t.size() - 1);
  size_t split = std::string_view::npos;
  for (size_t i = body.size(); i-- > 1;)
    if ((body[i] == '+' || body[i] == '-') && body[i - 1] != 'e' && body[i - 1] != 'E') {
      split = i;
      break;
    }
  std::string_view real = split == std::string_view::npos ? std::string_view() : body.substr(0, split);
  std::string_view imag = split == std::string_view::npos ? body : body.substr(split);
  *re = 0;
  if (!real.empty() && !parse_py_float(real, re)) return false;
  if (imag.empty() || imag == "+") return *im = 1, true;
  if (imag == "-") return *im = -1, true;
  return parse_py_float(imag, im);
}

// Python's int() (base 10, no underscores left): [sign] digits. Values beyond 64 bits are an
// OverflowError as NumPy's conversion of the Python int.
bool parse_py_int(std::string_view t, bool* neg, unsigned __int128* mag) {
  size_t i = 0;
  *neg = !t.empty() && t[0] == '-';
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) ++i;
  if (i == t.size()) return false;
  unsigned __int128 v = 0;
  for (; i < t.size(); ++i) {
    if (!is_digit(t[i])) return false;
    v = v * 10 + static_cast<unsigned>(t[i] - '0');
    if (v > (static_cast<unsigned __int128>(1) << 64)) v = static_cast<unsigned __int128>(1) << 65;  // saturate
  }
  *mag = v;
  return true;
}

// Python's _PyUnicode_TransformDecimalAndSpaceToASCII on UTF-8 text: non-ASCII decimal digits
// become their ASCII digit, whitespace a space, other non-ASCII characters '?' (never valid).
std::string ascii_for_parsing(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const unsigned char c0 = static_cast<unsigned char>(s[i]);
    if (c0 < 0x80) {
      out += c0 >= 0x1c && c0 <= 0x1f ? ' ' : static_cast<char>(c0);
      ++i;
      continue;
    }
    const int len = c0 < 0xE0 ? 2 : c0 < 0xF0 ? 3 : 4;
    uint32_t c = len == 2 ? (c0 & 0x1F) : len == 3 ? (c0 & 0x0F) : (c0 & 0x07);
    for (int j = 1; j < len && i + static_cast<size_t>(j) < s.size(); ++j)
      c = (c << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(j)]) & 0x3F);
    i += static_cast<size_t>(len);
    char r = '?';
    for (uint32_t z : unicode_digits::kZeros)
      if (c >= z && c < z + 10) r = static_cast<char>('0' + (c - z));
    for (uint32_t sp : unicode_digits::kSpaces)
      if (c == sp) r = ' ';
    out += r;
  }
  return out;
}

// Text -> one native element of a builtin type, as NumPy 1.24 parses it: Python's int() for
// integers and bool (then != 0), float(), complex(), with their messages (bytes shown as b'...').
void parse_number(const std::string& text, bool bytes, const Dtype* to, char* dst) {
  bool ascii = true;
  for (char c : text) ascii &= static_cast<unsigned char>(c) < 0x80;
  const std::string t = trim(ascii || bytes ? text : ascii_for_parsing(text));
  std::string u;
  cnp_scalar s{};
  if (to->kind == 'b' || is_integer(to)) {
    bool neg = false;
    unsigned __int128 mag = 0;
    if (!drop_underscores(t, u) || !parse_py_int(u, &neg, &mag))
      throw_value("invalid literal for int() with base 10: " + text_repr(text, bytes));
    if (to->kind == 'b') {
      s.typenum = CNP_BOOL;
      s.value.i = mag != 0;
    } else if (!neg && mag > INT64_MAX) {
      // NumPy converts the Python int through C long, except for uint64.
      if (to->kind != 'u' || to->itemsize != 8 || mag > UINT64_MAX)
        throw Error(CNP_ERR_OVERFLOW, "Python int too large to convert to C long");
      s.typenum = CNP_UINT64;
      s.value.u = static_cast<uint64_t>(mag);
    } else if (neg && mag > static_cast<unsigned __int128>(INT64_MAX) + 1) {
      throw Error(CNP_ERR_OVERFLOW, "Python int too large to convert to C long");
    } else {
      s.typenum = CNP_INT64;
      s.value.i = neg ? static_cast<int64_t>(-static_cast<__int128>(mag)) : static_cast<int64_t>(mag);
    }
  } else if (is_complex(to)) {
    // NumPy decodes S elements before complex(), so its message shows a str.
    if (!drop_underscores(t, u)) throw_value("could not convert string to complex: " + text_repr(text, false));
    double re = 0, im = 0;
    if (!parse_py_complex(u, &re, &im)) throw_value("complex() arg is a malformed string");
    s.typenum = CNP_COMPLEX128;
    s.value.c[0] = re;
    s.value.c[1] = im;
  } else {
    double v = 0;
    if (!drop_underscores(t, u) || !parse_py_float(u, &v))
      throw_value("could not convert string to float: " + text_repr(text, bytes));
    s.typenum = CNP_FLOAT64;
    s.value.f = v;
  }
  store_scalar(s, to, dst);
}

AnyCastLoop numeric_loop(const Dtype* from, const Dtype* to) {
  const Dtype* nf = builtin_dtype(from->typenum);
  const Dtype* nt = builtin_dtype(to->typenum);
  bool sf = from->swapped, st = to->swapped;
  if (from->typenum == to->typenum) {
    int64_t isz = from->itemsize;
    if (sf == st)
      return [isz](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
        if (ss == isz && ds == isz) return void(std::memcpy(d, s, static_cast<size_t>(n * isz)));
        for (int64_t i = 0; i < n; ++i) std::memcpy(d + i * ds, s + i * ss, static_cast<size_t>(isz));
      };
    if (isz == 8 && from->kind != 'c') return swap_copy8;
    if (isz == 4 && from->kind != 'c') return swap_copy4;
    return [isz, from](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
      for (int64_t i = 0; i < n; ++i) std::memcpy(d + i * ds, s + i * ss, static_cast<size_t>(isz));
      byteswap_inplace(d, ds, n, from);
    };
  }
  CastLoop loop = cast_loop(from->typenum, to->typenum);
  return [loop, nf, nt, sf, st, from, to](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
    alignas(16) char a[kChunk * 16];
    for (int64_t i = 0; i < n; i += kChunk) {
      int64_t m = std::min(kChunk, n - i);
      const char* src = s + i * ss;
      int64_t sst = ss;
      if (sf) {
        for (int64_t k = 0; k < m; ++k) std::memcpy(a + k * nf->itemsize, src + k * ss, static_cast<size_t>(nf->itemsize));
        byteswap_inplace(a, nf->itemsize, m, nf->kind == 'c' ? from : from);
        src = a;
        sst = nf->itemsize;
      }
      char* dst = d + i * ds;
      if (!st) {
        loop(src, sst, dst, ds, m);
      } else {
        alignas(16) char b[kChunk * 16];
        loop(src, sst, b, nt->itemsize, m);
        byteswap_inplace(b, nt->itemsize, m, to);
        for (int64_t k = 0; k < m; ++k) std::memcpy(dst + k * ds, b + k * nt->itemsize, static_cast<size_t>(nt->itemsize));
      }
    }
  };
}

// Element-wise loop from a per-element function.
template <class F>
AnyCastLoop each(F f) {
  return [f](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
    for (int64_t i = 0; i < n; ++i) f(s + i * ss, d + i * ds);
  };
}

// ---- the cast methods of the loop registry: one per pair of DType classes -------------------

AnyCastLoop copy_loop(int64_t isz) {
  return [isz](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) { copy_items(s, ss, d, ds, n, isz); };
}

// The byte ranges of a record's scalars (nested records walked), sorted and merged.
void field_ranges(const Dtype* d, int64_t base, std::vector<std::pair<int64_t, int64_t>>& out) {
  if (!is_record(d)) {
    out.emplace_back(base, base + d->itemsize);
    return;
  }
  for (const DtypeField& f : d->fields) field_ranges(f.dtype, base + f.offset, out);
}

// A copy between equal record descriptors: whole items when the fields cover every byte, else
// only the fields' bytes (a multi-field view's holes are other fields of the array).
AnyCastLoop record_copy_loop(const Dtype* d) {
  std::vector<std::pair<int64_t, int64_t>> r;
  field_ranges(d, 0, r);
  std::sort(r.begin(), r.end());
  std::vector<std::pair<int64_t, int64_t>> merged;
  for (const auto& x : r) {
    if (!merged.empty() && x.first <= merged.back().second) merged.back().second = std::max(merged.back().second, x.second);
    else merged.push_back(x);
  }
  if (merged.size() == 1 && merged[0].first == 0 && merged[0].second == d->itemsize) return copy_loop(d->itemsize);
  return [merged](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
    for (const auto& m : merged) copy_items(s + m.first, ss, d + m.first, ds, n, m.second - m.first);
  };
}

// Records (field by field, by position), subarrays and plain void on either side.
AnyCastLoop void_cast(const Dtype* from, const Dtype* to) {
  DtypeRef keep_from = DtypeRef::borrow(from), keep_to = DtypeRef::borrow(to);
  if (is_record(from) && is_record(to)) {
    if (from->fields.size() != to->fields.size()) throw_value("structures must have the same size");
    std::vector<std::pair<int64_t, int64_t>> offs;
    std::vector<AnyCastLoop> loops;
    for (size_t i = 0; i < from->fields.size(); ++i) {
      offs.emplace_back(from->fields[i].offset, to->fields[i].offset);
      loops.push_back(any_cast_loop(from->fields[i].dtype, to->fields[i].dtype));
    }
    // Only the fields are written: the destination's holes keep their bytes (NumPy's field
    // transfer), so assigning through a multi-field view leaves the other fields alone.
    return [offs, loops, keep_from, keep_to](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
      for (size_t k = 0; k < loops.size(); ++k) loops[k](s + offs[k].first, ss, d + offs[k].second, ds, n);
    };
  }
  if (is_record(to)) {
    std::vector<std::pair<int64_t, AnyCastLoop>> parts;
    for (const DtypeField& f : to->fields) parts.emplace_back(f.offset, any_cast_loop(from, f.dtype));
    return [parts, keep_to](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
      for (const auto& p : parts) p.second(s, ss, d + p.first, ds, n);
    };
  }
  if (is_record(from)) {
    if (from->fields.size() != 1) throw_value("Can't cast from structure to non-structure, except if the structure only has a single field.");
    AnyCastLoop inner = any_cast_loop(from->fields[0].dtype, to);
    int64_t off = from->fields[0].offset;
    return [inner, off, keep_from](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) { inner(s + off, ss, d, ds, n); };
  }
  if (is_subarray(to)) {
    const Dtype* b = to->base;
    int64_t count = to->itemsize / std::max<int64_t>(b->itemsize, 1);
    bool same_shape = is_subarray(from) && from->sub_shape == to->sub_shape;
    AnyCastLoop inner = any_cast_loop(same_shape ? from->base : from, b);
    int64_t fstep = same_shape ? from->base->itemsize : 0, tstep = b->itemsize;
    if (is_subarray(from) && !same_shape) throw_value("cnumpy: casts between subarrays of different shapes are not supported");
    return [inner, count, fstep, tstep, keep_to, keep_from](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
      for (int64_t i = 0; i < n; ++i) inner(s + i * ss, fstep, d + i * ds, tstep, count);
    };
  }
  if (is_subarray(from)) {
    AnyCastLoop inner = any_cast_loop(from->base, to);  // NumPy takes the first element
    return [inner, keep_from](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) { inner(s, ss, d, ds, n); };
  }
  if (to->kind == 'V') {
    int64_t fsz = from->itemsize, tsz = to->itemsize;
    return [fsz, tsz](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
      for (int64_t i = 0; i < n; ++i) {
        std::memset(d + i * ds, 0, static_cast<size_t>(tsz));
        std::memcpy(d + i * ds, s + i * ss, static_cast<size_t>(std::min(fsz, tsz)));
      }
    };
  }
  throw_type("cnumpy: casting from " + from->repr + " to " + to->repr + " is not supported");
}

// Python's \xNN / \uNNNN / \UNNNNNNNN spelling of a code point in codec errors.
std::string codec_escape(uint32_t c) {
  char b[16];
  if (c < 0x100) std::snprintf(b, sizeof b, "\\x%02x", c);
  else if (c < 0x10000) std::snprintf(b, sizeof b, "\\u%04x", c);
  else std::snprintf(b, sizeof b, "\\U%08x", c);
  return b;
}

// Element to element between S and U of any widths and byte orders, character by character:
// truncated to the target's width, NUL-padded. U -> S encodes and S -> U decodes ASCII, with
// Python's codec errors (NumPy 1.24 calls str.encode / bytes.decode).
AnyCastLoop text_to_text(const Dtype* from, const Dtype* to) {
  DtypeRef keep_from = DtypeRef::borrow(from), keep_to = DtypeRef::borrow(to);
  const bool fu = from->kind == 'U', tu = to->kind == 'U';
  const int64_t fn = fu ? from->itemsize / 4 : from->itemsize, tn = tu ? to->itemsize / 4 : to->itemsize;
  const bool fsw = from->swapped, tsw = to->swapped;
  return [=](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
    (void)keep_from, (void)keep_to;
    for (int64_t e = 0; e < n; ++e) {
      const char* src = s + e * ss;
      char* dst = d + e * ds;
      auto ch = [&](int64_t k) -> uint32_t { return fu ? load_cp_at(src, k, fsw) : static_cast<unsigned char>(src[k]); };
      int64_t len = fn;  // the element's length: trailing NULs dropped
      while (len > 0 && ch(len - 1) == 0) --len;
      if (fu && !tu) {
        for (int64_t k = 0; k < len; ++k) {
          if (ch(k) < 0x80) continue;
          int64_t end = k + 1;
          while (end < len && ch(end) >= 0x80) ++end;
          throw_value(end - k == 1 ? "'ascii' codec can't encode character '" + codec_escape(ch(k)) + "' in position " +
                                         std::to_string(k) + ": ordinal not in range(128)"
                                   : "'ascii' codec can't encode characters in position " + std::to_string(k) + "-" +
                                         std::to_string(end - 1) + ": ordinal not in range(128)");
        }
      } else if (!fu && tu) {
        for (int64_t k = 0; k < len; ++k)
          if (ch(k) >= 0x80) {
            char b[8];
            std::snprintf(b, sizeof b, "0x%02x", ch(k));
            throw_value(std::string("'ascii' codec can't decode byte ") + b + " in position " + std::to_string(k) +
                        ": ordinal not in range(128)");
          }
      }
      const int64_t m = std::min(len, tn);
      if (tu) {
        for (int64_t k = 0; k < m; ++k) {
          uint32_t c = ch(k);
          if (tsw) c = __builtin_bswap32(c);
          std::memcpy(dst + 4 * k, &c, 4);
        }
        std::memset(dst + 4 * m, 0, static_cast<size_t>(4 * (tn - m)));
      } else {
        for (int64_t k = 0; k < m; ++k) dst[k] = static_cast<char>(ch(k));
        std::memset(dst + m, 0, static_cast<size_t>(tn - m));
      }
    }
  };
}

// ASCII text into one S/U element (truncated to its width, NUL-padded).
void store_ascii(const Dtype* to, const char* text, int64_t n, char* dst) {
  if (to->kind == 'S') {
    const int64_t k = std::min(n, to->itemsize);
    std::memcpy(dst, text, static_cast<size_t>(k));
    std::memset(dst + k, 0, static_cast<size_t>(to->itemsize - k));
    return;
  }
  const int64_t cap = to->itemsize / 4, k = std::min(n, cap);
  for (int64_t i = 0; i < k; ++i) {
    uint32_t c = static_cast<unsigned char>(text[i]);
    if (to->swapped) c = __builtin_bswap32(c);
    std::memcpy(dst + 4 * i, &c, 4);
  }
  std::memset(dst + 4 * k, 0, static_cast<size_t>(4 * (cap - k)));
}

// NumPy's str() of a number as ASCII into out (at most 64 chars); -1 for complex (not handled
// here: number_text).
int number_chars(const Dtype* nf, const char* v, char* out) {
  switch (nf->kind) {
    case 'b': return *v ? (std::memcpy(out, "True", 4), 4) : (std::memcpy(out, "False", 5), 5);
    case 'f': {
      if (nf->itemsize == 8) {
        double x;
        std::memcpy(&x, v, 8);
        return float_repr_chars(x, false, false, out);
      }
      if (nf->itemsize == 4) {
        float x;
        std::memcpy(&x, v, 4);
        return float_repr_chars(x, true, false, out);
      }
      uint16_t h;
      std::memcpy(&h, v, 2);
      return float_repr_chars(half_to_float(h), false, true, out);
    }
    case 'i':
    case 'u': {
      std::to_chars_result r;
      visit_type(nf->typenum, [&](auto tag) {
        using T = typename decltype(tag)::type;
        if constexpr (std::is_integral_v<T>) {
          T x;
          std::memcpy(&x, v, sizeof x);
          r = std::to_chars(out, out + 64, x);
        }
      });
      return static_cast<int>(r.ptr - out);
    }
    default: return -1;
  }
}

AnyCastLoop number_to_text(const Dtype* from, const Dtype* to) {
  DtypeRef keep_to = DtypeRef::borrow(to);
  const Dtype* nf = builtin_dtype(from->typenum);
  if (!is_complex(nf)) {
    // Bools, integers and floats: formatted in a stack buffer and stored as ASCII, no strings.
    return [from, to, nf, keep_to](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
      alignas(16) char buf[16];
      char text[80];
      const int64_t w = from->itemsize;
      for (int64_t i = 0; i < n; ++i) {
        const char* v = s + i * ss;
        if (from->swapped) {
          std::memcpy(buf, v, static_cast<size_t>(w));
          byteswap_inplace(buf, w, 1, from);
          v = buf;
        }
        store_ascii(to, text, number_chars(nf, v, text), d + i * ds);
      }
    };
  }
  return each([from, to, nf, keep_to](const char* s, char* d) {
    alignas(16) char buf[16];
    std::memcpy(buf, s, static_cast<size_t>(from->itemsize));
    if (from->swapped) byteswap_inplace(buf, from->itemsize, 1, from);
    store_text(to, number_text(nf, buf), d);
  });
}

AnyCastLoop datetime_to_text(const Dtype* from, const Dtype* to) {
  DtypeRef keep_from = DtypeRef::borrow(from), keep_to = DtypeRef::borrow(to);
  return each([from, to, keep_from, keep_to](const char* s, char* d) {
    int64_t v = load_i64(s, from->swapped);
    store_text(to, fk_text(from, v), d);
  });
}

AnyCastLoop text_to_number(const Dtype* from, const Dtype* to) {
  DtypeRef keep_from = DtypeRef::borrow(from);
  const Dtype* nt = builtin_dtype(to->typenum);
  return each([from, to, nt, keep_from](const char* s, char* d) {
    alignas(16) char buf[16];
    parse_number(element_text(from, s), from->kind == 'S', nt, buf);
    if (to->swapped) byteswap_inplace(buf, to->itemsize, 1, to);
    std::memcpy(d, buf, static_cast<size_t>(to->itemsize));
  });
}

AnyCastLoop number_to_datetime(const Dtype* from, const Dtype* to) {
  // Through int64 (NaN -> NaT like NumPy's unsafe cast).
  DtypeRef keep_to = DtypeRef::borrow(to);
  AnyCastLoop to_i64 = numeric_loop(from, builtin_dtype(CNP_INT64));
  return [to_i64, to, keep_to](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
    to_i64(s, ss, d, ds, n);
    if (to->swapped) byteswap_inplace(d, ds, n, to);
  };
}

AnyCastLoop datetime_to_number(const Dtype* from, const Dtype* to) {
  return numeric_loop(from->swapped ? swapped_builtin(CNP_INT64) : builtin_dtype(CNP_INT64), to);
}

// The resolved loop of a cast method: its AnyCastLoop as per-call data behind a strided loop.
void run_cast(char* const* args, const int64_t* s, int64_t n, const void* data) {
  (*static_cast<const AnyCastLoop*>(data))(args[0], s[0], args[1], s[1], n);
}

}  // namespace

void add_cast_method(LoopRegistry& r, const char* name, const CastMaker* maker, DClass f, DClass t) {
  Method m;
  m.name = name;
  m.nin = 1;
  m.nout = 1;
  m.sig[0] = f;
  m.sig[1] = t;
  m.resolve = &resolve_cast_maker;
  m.data = maker;
  r.add(kOpCast, m);
}

void resolve_cast_maker(const Method& m, const Dtype* const* given, ResolvedLoop& r) {
  auto loop = std::make_shared<AnyCastLoop>((*static_cast<const CastMaker*>(m.data))(given[0], given[1]));
  r.fn = &run_cast;
  r.data = loop.get();
  r.per_call = std::move(loop);
  r.descrs[0] = DtypeRef::borrow(given[0]);
  r.descrs[1] = DtypeRef::borrow(given[1]);
}

void register_casts(LoopRegistry& r) {
  using C = DClass;
  static constexpr CastMaker kNumeric = &numeric_loop, kVoid = &void_cast, kTextText = &text_to_text,
                             kNumberText = &number_to_text, kDatetimeText = &datetime_to_text,
                             kTextNumber = &text_to_number, kNumberDatetime = &number_to_datetime,
                             kDatetimeNumber = &datetime_to_number;
  const C text[] = {C::bytes, C::unicode}, times[] = {C::datetime, C::timedelta}, timedeltas[] = {C::timedelta}, number[] = {C::number},
          any[] = {C::any}, void_[] = {C::void_};
  auto add = [&](const char* name, const CastMaker* maker, auto& froms, auto& tos) {
    for (C f : froms)
      for (C t : tos) add_cast_method(r, name, maker, f, t);
  };
  add("numeric_cast", &kNumeric, number, number);
  add("void_cast", &kVoid, void_, any);
  add("void_cast", &kVoid, any, void_);
  add("text_to_text", &kTextText, text, text);
  add("number_to_text", &kNumberText, number, text);
  add("timedelta_to_text", &kDatetimeText, timedeltas, text);  // datetimes: src/datetime/casts.cpp
  add("text_to_number", &kTextNumber, text, number);
  add("number_to_datetime", &kNumberDatetime, number, times);
  add("datetime_to_number", &kDatetimeNumber, times, number);
}

AnyCastLoop any_cast_loop(const Dtype* from, const Dtype* to) {
  // Equal descriptors copy bytes whatever their kind; otherwise the registry's cast method for
  // the two classes resolves the loop.
  // Object items move only between object arrays (as bytes; capi settles the references).
  if ((from->kind == 'O') != (to->kind == 'O'))
    throw_type("cnumpy: casting between " + from->repr + " and " + to->repr + " is not supported in the C core");
  if (!is_numeric(from) && (dtype_equal(from, to) || from->key == to->key))
    return is_record(from) ? record_copy_loop(from) : copy_loop(from->itemsize);
  const Dtype* given[2] = {from, to};
  const Method* m = loop_registry().find(kOpCast, given, 2);
  if (!m) throw_type("cnumpy: casting from " + from->repr + " to " + to->repr + " is not supported");
  ResolvedLoop r;
  m->resolve(*m, given, r);
  if (r.fn == &run_cast) return *static_cast<const AnyCastLoop*>(r.data);
  return [r](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
    char* args[2] = {const_cast<char*>(s), d};
    const int64_t strides[2] = {ss, ds};
    r.fn(args, strides, n, r.data);
  };
}

}  // namespace cnp
