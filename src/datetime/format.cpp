// ISO 8601 text of datetimes (format.hpp), NumPy's rules: the year with at least four digits
// (sign included), fields down to the unit, 'Z' for UTC, "+hhmm" for a local offset.
#include "datetime/format.hpp"

#include <cstring>
#include <ctime>

#include "core/error.hpp"
#include "datetime/calendar.hpp"

namespace cnp::dt {

namespace {
inline char* put2(char* p, int32_t v) {
  p[0] = static_cast<char>('0' + v / 10);
  p[1] = static_cast<char>('0' + v % 10);
  return p + 2;
}
inline char* put3(char* p, int32_t v) {
  p[0] = static_cast<char>('0' + v / 100);
  p[1] = static_cast<char>('0' + v / 10 % 10);
  p[2] = static_cast<char>('0' + v % 10);
  return p + 3;
}
// The year as printf's "%04lld" would write it.
char* put_year(char* p, int64_t y) {
  if (y >= 0 && y <= 9999) {
    const int32_t v = static_cast<int32_t>(y);
    p = put2(p, v / 100);
    return put2(p, v % 100);
  }
  char tmp[24];
  int n = 0;
  uint64_t u = y < 0 ? 0u - static_cast<uint64_t>(y) : static_cast<uint64_t>(y);
  do {
    tmp[n++] = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u);
  if (y < 0) *p++ = '-';
  for (int k = n + (y < 0); k < 4; ++k) *p++ = '0';  // the sign counts toward the width
  while (n) *p++ = tmp[--n];
  return p;
}
}  // namespace

int32_t lossless_unit(const DateTimeStruct& s) {
  if (s.as % 1000 != 0) return kUnitas;
  if (s.as != 0) return kUnitfs;
  if (s.ps % 1000 != 0) return kUnitps;
  if (s.ps != 0) return kUnitns;
  if (s.us % 1000 != 0) return kUnitus;
  if (s.us != 0) return kUnitms;
  if (s.sec != 0) return kUnits;
  if (s.min != 0) return kUnitm;
  if (s.hour != 0) return kUnith;
  if (s.day != 1) return kUnitD;
  if (s.month != 1) return kUnitM;
  return kUnitY;
}

size_t format_iso(const DateTimeStruct& in, int32_t base, Zone zone, int32_t offset_minutes, int32_t casting, char* buf) {
  if (in.year == kNaT || base == kUnitGeneric) {
    std::memcpy(buf, "NaT", 3);
    return 3;
  }
  bool local = zone == Zone::local || zone == Zone::offset;
  // NumPy prints dates outside 1970..9999 in UTC when the local offset would come from the OS.
  if ((in.year < 1970 || in.year >= 10000) && zone == Zone::local) local = false;
  if (base < 0) {
    base = lossless_unit(in);
    if ((base < kUnitm && local) || base == kUnith) base = kUnitm;
    else if (base < kUnitD) base = kUnitD;
  } else if (base == kUnitW) {
    base = kUnitD;
  }
  DateTimeStruct s = in;
  int32_t tz = 0;
  if (local && zone == Zone::local) {
    // The OS's offset for this moment (NumPy: localtime of the seconds since the epoch).
    const int64_t secs = days_from_ymd(s.year, s.month, s.day) * 86400 + s.hour * 3600 + s.min * 60;
    std::time_t t = static_cast<std::time_t>(secs);
    std::tm lt{};
    if (!localtime_r(&t, &lt)) throw Error(CNP_ERR_OS, "Failed to use 'localtime_s' to convert to a local time");
    tz = static_cast<int32_t>(lt.tm_gmtoff / 60);
    add_minutes(s, tz);
  } else if (local) {
    tz = offset_minutes;
    add_minutes(s, tz);
  }
  if (casting != CNP_CASTING_UNSAFE) {
    if (base <= kUnitD && local)
      throw_type("Cannot create a local timezone-based date string from a NumPy datetime without forcing 'unsafe' casting");
    const int32_t prec = lossless_unit(s);
    if (casting != CNP_CASTING_SAME_KIND && prec > base)
      throw_type(std::string("Cannot create a string with unit precision '") + datetime_unit_name(base) +
                 "' from the NumPy datetime, which has data at unit precision '" + datetime_unit_name(prec) +
                 "', requires 'unsafe' or 'same_kind' casting");
  }
  char* p = put_year(buf, s.year);
  if (base == kUnitY) return static_cast<size_t>(p - buf);
  *p++ = '-';
  p = put2(p, s.month);
  if (base == kUnitM) return static_cast<size_t>(p - buf);
  *p++ = '-';
  p = put2(p, s.day);
  if (base == kUnitD) return static_cast<size_t>(p - buf);
  *p++ = 'T';
  p = put2(p, s.hour);
  if (base >= kUnitm) {
    *p++ = ':';
    p = put2(p, s.min);
  }
  if (base >= kUnits) {
    *p++ = ':';
    p = put2(p, s.sec);
  }
  if (base >= kUnitms) {
    *p++ = '.';
    p = put3(p, s.us / 1000);
  }
  if (base >= kUnitus) p = put3(p, s.us % 1000);
  if (base >= kUnitns) p = put3(p, s.ps / 1000);
  if (base >= kUnitps) p = put3(p, s.ps % 1000);
  if (base >= kUnitfs) p = put3(p, s.as / 1000);
  if (base >= kUnitas) p = put3(p, s.as % 1000);
  if (local) {
    int32_t o = tz;
    *p++ = o < 0 ? '-' : '+';
    if (o < 0) o = -o;
    p = put2(p, (o / 60) % 100);
    p = put2(p, o % 60);
  } else if (zone == Zone::utc) {
    *p++ = 'Z';
  }
  return static_cast<size_t>(p - buf);
}

size_t format_value(int64_t v, int32_t unit, int64_t count, char* buf) {
  if (v == kNaT || unit == kUnitGeneric) {
    std::memcpy(buf, "NaT", 3);
    return 3;
  }
  DateTimeStruct s;
  value_to_struct(v, unit, count, &s);
  return format_iso(s, unit, Zone::naive, 0, CNP_CASTING_UNSAFE, buf);
}

std::string datetime_text(int64_t v, int32_t unit, int64_t count) {
  char buf[kMaxIsoLen];
  return std::string(buf, format_value(v, unit, count, buf));
}

int64_t iso_strlen(bool local, int32_t base) {
  if (base < 0) return 62;  // NumPy's NPY_DATETIME_MAX_ISO8601_STRLEN
  if (base == kUnitGeneric) return 4;
  static const int64_t add[] = {21, 3, 3, 0, 3, 3, 3, 3, 4, 3, 3, 3, 3, 3};
  int64_t n = 0;
  for (int32_t u = 0; u <= base; ++u) n += u == kUnitW ? 0 : add[u];
  if (base == kUnitW) n += 3;
  if (base >= kUnith) n += local ? 5 : 1;
  return n + 1;
}

}  // namespace cnp::dt
