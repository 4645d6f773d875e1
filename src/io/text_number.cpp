// Number parsing for the text readers (text_number.hpp).
#include "io/text_number.hpp"

#include <fast_float/fast_float.h>

#include <cmath>
#include <string>

#include "io/text_utf8.hpp"

namespace cnp::textio {

static bool ieq(const char* p, const char* e, const char* word) {
  for (; *word; ++word, ++p) {
    if (p >= e) return false;
    char c = *p;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != *word) return false;
  }
  return true;
}

bool parse_double_prefix(std::string_view s, double* out, size_t* used) noexcept {
  const char* p = s.data();
  const char* e = p + s.size();
  bool neg = false;
  if (p < e && (*p == '+' || *p == '-')) {
    neg = *p == '-';
    ++p;
  }
  if (p >= e) return false;
  double v;
  const char* stop;
  // Numbers first (the usual case); special values by hand: fast_float also reads "nan(...)",
  // which Python refuses.
  if ((*p >= '0' && *p <= '9') || *p == '.') {
    auto r = fast_float::from_chars(p, e, v);
    if (r.ptr == p) return false;
    // Out of range: Python gives +-inf on overflow and (+-)0 on underflow, as fast_float does.
    if (r.ec != std::errc() && r.ec != std::errc::result_out_of_range) return false;
    stop = r.ptr;
  } else if (ieq(p, e, "infinity")) {
    v = INFINITY;
    stop = p + 8;
  } else if (ieq(p, e, "inf")) {
    v = INFINITY;
    stop = p + 3;
  } else if (ieq(p, e, "nan")) {
    v = NAN;
    stop = p + 3;
  } else {
    return false;
  }
  *out = neg ? -v : v;
  *used = static_cast<size_t>(stop - s.data());
  return true;
}

// A byte that can neither be Python whitespace nor start a multi-byte space: the usual first and
// last byte of a number, which makes the strip a no-op without decoding.
static inline bool plain_edge(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u > 0x20 && u < 0x80;
}

bool parse_double(std::string_view s, double* out) noexcept {
  if (s.empty() || !plain_edge(s.front()) || !plain_edge(s.back())) s = strip_spaces(s);
  if (s.empty()) return false;
  size_t used;
  if (!parse_double_prefix(s, out, &used)) return false;
  return used == s.size();
}

static inline bool digit(char c) { return c >= '0' && c <= '9'; }

static const char* skip_leading(const char* p, const char* e) {
  while (p < e) {
    int n = space_len(p, e);
    if (!n) break;
    p += n;
  }
  return p;
}

static bool rest_is_space(const char* p, const char* e) { return skip_leading(p, e) == e; }

bool parse_int64(std::string_view s, int64_t lo, int64_t hi, int64_t* out) noexcept {
  const char* p = skip_leading(s.data(), s.data() + s.size());
  const char* e = s.data() + s.size();
  bool neg = false;
  if (p < e && *p == '-') {
    neg = true;
    ++p;
  } else if (p < e && *p == '+') {
    ++p;
  }
  if (p >= e || !digit(*p)) return false;
  int64_t n = 0;
  if (neg) {
    int64_t pre = lo / 10;
    int dig = static_cast<int>(-(lo % 10));
    while (p < e && digit(*p)) {
      int d = *p - '0';
      if (n > pre || (n == pre && d <= dig)) n = n * 10 - d;
      else return false;
      ++p;
    }
  } else {
    int64_t pre = hi / 10;
    int dig = static_cast<int>(hi % 10);
    while (p < e && digit(*p)) {
      int d = *p - '0';
      if (n < pre || (n == pre && d <= dig)) n = n * 10 + d;
      else return false;
      ++p;
    }
  }
  if (!rest_is_space(p, e)) return false;
  *out = n;
  return true;
}

bool parse_uint64(std::string_view s, uint64_t hi, uint64_t* out) noexcept {
  const char* p = skip_leading(s.data(), s.data() + s.size());
  const char* e = s.data() + s.size();
  if (p < e && *p == '-') return false;
  if (p < e && *p == '+') ++p;
  if (p >= e || !digit(*p)) return false;
  uint64_t n = 0;
  uint64_t pre = hi / 10;
  int dig = static_cast<int>(hi % 10);
  while (p < e && digit(*p)) {
    int d = *p - '0';
    if (n < pre || (n == pre && d <= dig)) n = n * 10 + static_cast<uint64_t>(d);
    else return false;
    ++p;
  }
  if (!rest_is_space(p, e)) return false;
  *out = n;
  return true;
}

// The code point at p equals u (u may be non-ASCII).
static int unit_len(const char* p, const char* e, char32_t u) {
  if (p >= e) return 0;
  uint32_t cp;
  int n = utf8_decode(p, e, &cp);
  return n && cp == static_cast<uint32_t>(u) ? n : 0;
}

bool parse_complex(std::string_view s, char32_t unit, double* re, double* im) noexcept {
  const char* p = skip_leading(s.data(), s.data() + s.size());
  const char* e = s.data() + s.size();
  bool paren = false;
  if (p < e && *p == '(') {
    paren = true;
    p = skip_leading(p + 1, e);
  }
  if (p >= e) return false;
  size_t used;
  if (!parse_double_prefix({p, static_cast<size_t>(e - p)}, re, &used)) return false;
  p += used;
  if (p == e) {
    *im = 0;
    return !paren;
  }
  if (int n = unit_len(p, e, unit)) {
    *im = *re;
    *re = 0;
    p += n;
  } else if (*p == '+' || *p == '-') {
    if (*p == '+') ++p;
    if (p >= e) return false;
    if (!parse_double_prefix({p, static_cast<size_t>(e - p)}, im, &used)) return false;
    p += used;
    int n = unit_len(p, e, unit);
    if (!n) return false;
    p += n;
  } else {
    *im = 0;
  }
  if (paren) {
    p = skip_leading(p, e);
    if (p < e && *p == ')') ++p;
    else return false;
  }
  return rest_is_space(p, e);
}

}  // namespace cnp::textio
