// The ISO 8601 parser (parse.hpp). The rules are NumPy 1.24's, learnt from its
// datetime_strings.c: dashes in dates are required ("20100312" is the year 20100312), the year
// takes any number of digits (wrapping like NumPy's int64 arithmetic), only seconds may have a
// fraction, and the unit the string gives is the finest field present.
#include "datetime/parse.hpp"

#include <cctype>
#include <cstring>
#include <ctime>

#include "core/error.hpp"
#include "datetime/calendar.hpp"

namespace cnp::dt {

namespace {

const char* casting_text(int32_t casting) {
  switch (casting) {
    case CNP_CASTING_NO: return "'no'";
    case CNP_CASTING_EQUIV: return "'equiv'";
    case CNP_CASTING_SAFE: return "'safe'";
    case CNP_CASTING_SAME_KIND: return "'same_kind'";
    default: return "'unsafe'";
  }
}

inline bool digit(char c) { return c >= '0' && c <= '9'; }
inline bool space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool is_word(const char* s, size_t len, const char* w) {
  const size_t n = std::strlen(w);
  if (len != n) return false;
  for (size_t i = 0; i < n; ++i)
    if (lower(s[i]) != w[i]) return false;
  return true;
}

[[noreturn]] void fail_at(const std::string& text, size_t pos) {
  throw_value("Error parsing datetime string \"" + text + "\" at position " + std::to_string(pos));
}
[[noreturn]] void out_of_range(const char* what, const std::string& text) {
  throw_value(std::string(what) + " out of range in datetime string \"" + text + "\"");
}

void check_cast(const std::string& text, int32_t best, int32_t unit, int32_t casting) {
  if (unit >= 0 && !can_cast_datetime_units(best, unit, casting))
    throw_type("Cannot parse \"" + text + "\" as unit '" + datetime_unit_name(unit) + "' using casting rule " +
               casting_text(casting));
}

}  // namespace

void warn_timezone() {
  warn(CNP_WARN_DEPRECATION, "parsing timezone aware datetimes is deprecated; this will raise an error in the future");
}

void parse_iso8601(const char* str, size_t len, int32_t unit, int32_t casting, Parsed* out) {
  {
    const void* nul = std::memchr(str, 0, len);
    if (nul) len = static_cast<size_t>(static_cast<const char*>(nul) - str);
  }
  *out = Parsed{};
  DateTimeStruct& d = out->dts;
  auto text = [&] { return std::string(str, len); };
  if (len == 0 || is_word(str, len, "nat")) {
    d.year = kNaT;
    out->bestunit = kUnitGeneric;
    out->special = true;
    return;
  }
  if (unit == kUnitGeneric) throw_value("Cannot create a NumPy datetime other than NaT with generic units");
  if (is_word(str, len, "today")) {
    // Today's date in local time, as a date (midnight UTC in finer units).
    std::time_t now = std::time(nullptr);
    std::tm tm_{};
    localtime_r(&now, &tm_);
    d.year = tm_.tm_year + 1900;
    d.month = tm_.tm_mon + 1;
    d.day = tm_.tm_mday;
    out->bestunit = kUnitD;
    out->special = true;
    check_cast(text(), kUnitD, unit, casting);
    return;
  }
  if (is_word(str, len, "now")) {
    std::time_t now = std::time(nullptr);
    value_to_struct(static_cast<int64_t>(now), kUnits, 1, &d);
    out->bestunit = kUnits;
    out->special = true;
    check_cast(text(), kUnits, unit, casting);
    return;
  }
  const char* p = str;
  const char* const end = str + len;
  auto pos = [&] { return static_cast<size_t>(p - str); };
  while (p < end && space(*p)) ++p;
  if (p < end && (*p == '-' || *p == '+')) ++p;
  if (p == end) fail_at(text(), pos());
  // Year: any number of digits, in NumPy's wrapping int64 arithmetic.
  uint64_t year = 0;
  while (p < end && digit(*p)) year = 10u * year + static_cast<uint64_t>(*p++ - '0');
  // NumPy negates when the string itself (not the first non-blank) starts with '-'.
  if (str[0] == '-') year = 0u - year;
  d.year = static_cast<int64_t>(year);
  const bool leap = is_leap(d.year);
  int32_t best = kUnitY;
  auto two = [&](int32_t* v) {
    if (end - p >= 2 && digit(p[0]) && digit(p[1])) {
      *v = 10 * (p[0] - '0') + (p[1] - '0');
      p += 2;
      return true;
    }
    return false;
  };
  do {
    if (p == end) break;
    if (*p != '-') fail_at(text(), pos());
    ++p;
    if (p == end || !two(&d.month)) fail_at(text(), pos());
    if (d.month < 1 || d.month > 12) out_of_range("Month", text());
    best = kUnitM;
    if (p == end) break;
    if (*p != '-') fail_at(text(), pos());
    ++p;
    if (p == end || !two(&d.day)) fail_at(text(), pos());
    if (d.day < 1 || d.day > days_in_month(leap ? 2000 : 2001, d.month)) out_of_range("Day", text());
    best = kUnitD;
    if (p == end) break;
    if (*p != 'T' && *p != ' ') fail_at(text(), pos());
    ++p;
    if (!two(&d.hour)) fail_at(text(), pos());
    if (d.hour >= 24) out_of_range("Hours", text());
    best = kUnith;
    if (p < end && *p == ':') {
      ++p;
      if (p == end || !two(&d.min)) fail_at(text(), pos());
      if (d.min >= 60) out_of_range("Minutes", text());
      best = kUnitm;
      if (p < end && *p == ':') {
        ++p;
        if (p == end || !two(&d.sec)) fail_at(text(), pos());
        if (d.sec >= 60) out_of_range("Seconds", text());
        best = kUnits;
        if (p < end && *p == '.') {
          ++p;
          // Three groups of up to six digits: us, ps, as.
          int32_t* groups[3] = {&d.us, &d.ps, &d.as};
          static const int32_t coarse[3] = {kUnitms, kUnitns, kUnitfs}, fine[3] = {kUnitus, kUnitps, kUnitas};
          for (int g = 0; g < 3; ++g) {
            int32_t v = 0, nd = 0;
            for (int i = 0; i < 6; ++i) {
              v *= 10;
              if (p < end && digit(*p)) {
                v += *p++ - '0';
                ++nd;
              }
            }
            *groups[g] = v;
            best = nd > 3 ? fine[g] : coarse[g];
            if (g == 2 || p == end || !digit(*p)) break;
          }
        }
      }
    }
    // Time zone (only after a time).
    if (p == end) break;
    out->timezone = true;
    if (*p == 'Z') {
      if (end - p == 1) break;
      ++p;
    } else if (*p == '-' || *p == '+') {
      const bool neg = *p == '-';
      ++p;
      int32_t oh = 0, om = 0;
      if (!two(&oh)) fail_at(text(), pos());
      if (oh >= 24) throw_value("Timezone hours offset out of range in datetime string \"" + text() + "\"");
      if (p < end) {
        if (*p == ':') ++p;
        if (!two(&om)) fail_at(text(), pos());
        if (om >= 60) throw_value("Timezone minutes offset out of range in datetime string \"" + text() + "\"");
      }
      if (neg) {
        oh = -oh;
        om = -om;
      }
      add_minutes(d, -60 * oh - om);
    }
    while (p < end && space(*p)) ++p;
    if (p != end) fail_at(text(), pos());
  } while (false);
  out->bestunit = best;
  check_cast(text(), best, unit, casting);
}

int64_t parse_to_value(const char* str, size_t len, int32_t unit, int64_t count, bool* timezone) {
  Parsed r;
  parse_iso8601(str, len, unit, CNP_CASTING_SAME_KIND, &r);
  if (r.timezone) *timezone = true;
  return struct_to_value(r.dts, unit, count);
}

}  // namespace cnp::dt
