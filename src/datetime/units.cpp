// Datetime metadata and the datetime struct (units.hpp), following NumPy's datetime.c.
#include "datetime/units.hpp"

#include <utility>

#include "core/error.hpp"
#include "datetime/calendar.hpp"

namespace cnp::dt {

namespace {
// NumPy's extract_unit: floor-divides *v by unit, leaving the non-negative remainder in *v.
inline int64_t extract(int64_t* v, int64_t unit) {
  int64_t q = *v / unit, r = *v % unit;
  if (r < 0) {
    r += unit;
    --q;
  }
  *v = r;
  return q;
}

void set_days(int64_t days, DateTimeStruct* out) {
  int64_t y;
  int32_t m, d;
  ymd_from_days(days, &y, &m, &d);
  out->year = y;
  out->month = m;
  out->day = d;
}

const uint64_t kStep[] = {1, 1, 7, 1, 24, 60, 60, 1000, 1000, 1000, 1000, 1000, 1000, 1, 0};
}  // namespace

int64_t struct_to_value(const DateTimeStruct& s, int32_t unit, int64_t count) {
  if (s.year == kNaT) return kNaT;
  if (unit == kUnitGeneric) throw_value("Cannot create a NumPy datetime other than NaT with generic units");
  // NumPy's arithmetic is plain int64 (wrapping on overflow): unsigned arithmetic here.
  using U = uint64_t;
  U ret;
  if (unit == kUnitY) {
    ret = U(s.year) - 1970u;
  } else if (unit == kUnitM) {
    ret = 12u * (U(s.year) - 1970u) + U(s.month - 1);
  } else {
    const int64_t days = days_from_ymd(s.year, s.month, s.day);
    const U h = U(days) * 24u + U(s.hour);
    const U mi = h * 60u + U(s.min);
    const U se = mi * 60u + U(s.sec);
    switch (unit) {
      case kUnitW: ret = U(days / 7 - (days % 7 < 0 ? 1 : 0)); break;  // floor, no overflow
      case kUnitD: ret = U(days); break;
      case kUnith: ret = h; break;
      case kUnitm: ret = mi; break;
      case kUnits: ret = se; break;
      case kUnitms: ret = se * 1000u + U(s.us / 1000); break;
      case kUnitus: ret = se * 1000000u + U(s.us); break;
      case kUnitns: ret = (se * 1000000u + U(s.us)) * 1000u + U(s.ps / 1000); break;
      case kUnitps: ret = (se * 1000000u + U(s.us)) * 1000000u + U(s.ps); break;
      case kUnitfs: ret = ((se * 1000000u + U(s.us)) * 1000000u + U(s.ps)) * 1000u + U(s.as / 1000); break;
      case kUnitas: ret = ((se * 1000000u + U(s.us)) * 1000000u + U(s.ps)) * 1000000u + U(s.as); break;
      default: throw_value("NumPy datetime metadata with corrupt unit value");
    }
  }
  int64_t v = static_cast<int64_t>(ret);
  if (count > 1) v = v >= 0 ? v / count : static_cast<int64_t>((U(v) - U(count) + 1u)) / count;
  return v;
}

void value_to_struct(int64_t v, int32_t unit, int64_t count, DateTimeStruct* out) {
  *out = DateTimeStruct{};
  if (v == kNaT) {
    out->year = kNaT;
    return;
  }
  if (unit == kUnitGeneric) throw_value("Cannot convert a NumPy datetime value other than NaT with generic units");
  int64_t dt = static_cast<int64_t>(static_cast<uint64_t>(v) * static_cast<uint64_t>(count));
  switch (unit) {
    case kUnitY: out->year = static_cast<int64_t>(1970u + static_cast<uint64_t>(dt)); break;
    case kUnitM:
      out->year = 1970 + extract(&dt, 12);
      out->month = static_cast<int32_t>(dt) + 1;
      break;
    case kUnitW: set_days(static_cast<int64_t>(static_cast<uint64_t>(dt) * 7u), out); break;
    case kUnitD: set_days(dt, out); break;
    case kUnith:
      set_days(extract(&dt, 24), out);
      out->hour = static_cast<int32_t>(dt);
      break;
    case kUnitm:
      set_days(extract(&dt, 1440), out);
      out->hour = static_cast<int32_t>(extract(&dt, 60));
      out->min = static_cast<int32_t>(dt);
      break;
    case kUnits:
      set_days(extract(&dt, 86400), out);
      out->hour = static_cast<int32_t>(extract(&dt, 3600));
      out->min = static_cast<int32_t>(extract(&dt, 60));
      out->sec = static_cast<int32_t>(dt);
      break;
    case kUnitms:
      set_days(extract(&dt, 86400000LL), out);
      out->hour = static_cast<int32_t>(extract(&dt, 3600000LL));
      out->min = static_cast<int32_t>(extract(&dt, 60000LL));
      out->sec = static_cast<int32_t>(extract(&dt, 1000LL));
      out->us = static_cast<int32_t>(dt * 1000);
      break;
    case kUnitus:
      set_days(extract(&dt, 86400000000LL), out);
      out->hour = static_cast<int32_t>(extract(&dt, 3600000000LL));
      out->min = static_cast<int32_t>(extract(&dt, 60000000LL));
      out->sec = static_cast<int32_t>(extract(&dt, 1000000LL));
      out->us = static_cast<int32_t>(dt);
      break;
    case kUnitns:
      set_days(extract(&dt, 86400000000000LL), out);
      out->hour = static_cast<int32_t>(extract(&dt, 3600000000000LL));
      out->min = static_cast<int32_t>(extract(&dt, 60000000000LL));
      out->sec = static_cast<int32_t>(extract(&dt, 1000000000LL));
      out->us = static_cast<int32_t>(extract(&dt, 1000LL));
      out->ps = static_cast<int32_t>(dt * 1000);
      break;
    case kUnitps:
      set_days(extract(&dt, 86400000000000000LL), out);
      out->hour = static_cast<int32_t>(extract(&dt, 3600000000000000LL));
      out->min = static_cast<int32_t>(extract(&dt, 60000000000000LL));
      out->sec = static_cast<int32_t>(extract(&dt, 1000000000000LL));
      out->us = static_cast<int32_t>(extract(&dt, 1000000LL));
      out->ps = static_cast<int32_t>(dt);
      break;
    case kUnitfs:  // the whole range is +-2.6 hours around the epoch
      out->hour = static_cast<int32_t>(extract(&dt, 3600000000000000000LL));
      if (out->hour < 0) {
        out->year = 1969;
        out->month = 12;
        out->day = 31;
        out->hour += 24;
      }
      out->min = static_cast<int32_t>(extract(&dt, 60000000000000000LL));
      out->sec = static_cast<int32_t>(extract(&dt, 1000000000000000LL));
      out->us = static_cast<int32_t>(extract(&dt, 1000000000LL));
      out->ps = static_cast<int32_t>(extract(&dt, 1000LL));
      out->as = static_cast<int32_t>(dt * 1000);
      break;
    case kUnitas:  // +-9.2 seconds
      out->sec = static_cast<int32_t>(extract(&dt, 1000000000000000000LL));
      if (out->sec < 0) {
        out->year = 1969;
        out->month = 12;
        out->day = 31;
        out->hour = 23;
        out->min = 59;
        out->sec += 60;
      }
      out->us = static_cast<int32_t>(extract(&dt, 1000000000000LL));
      out->ps = static_cast<int32_t>(extract(&dt, 1000000LL));
      out->as = static_cast<int32_t>(dt);
      break;
    default: throw Error(CNP_ERR_RUNTIME, "NumPy datetime metadata is corrupted with invalid base unit");
  }
}

void add_minutes(DateTimeStruct& s, int64_t minutes) {
  int64_t m = s.min + minutes;
  int64_t h = s.hour + extract(&m, 60);
  s.min = static_cast<int32_t>(m);
  const int64_t dd = extract(&h, 24);
  s.hour = static_cast<int32_t>(h);
  if (dd != 0) set_days(days_from_ymd(s.year, s.month, s.day) + dd, &s);
}

bool can_cast_datetime_units(int32_t from, int32_t to, int32_t casting) {
  switch (casting) {
    case CNP_CASTING_UNSAFE: return true;
    case CNP_CASTING_SAME_KIND:
      if (from == kUnitGeneric || to == kUnitGeneric) return from == kUnitGeneric;
      return true;
    case CNP_CASTING_SAFE:
      if (from == kUnitGeneric || to == kUnitGeneric) return from == kUnitGeneric;
      return from <= to;
    default: return from == to;
  }
}

bool can_cast_timedelta_units(int32_t from, int32_t to, int32_t casting) {
  switch (casting) {
    case CNP_CASTING_UNSAFE: return true;
    case CNP_CASTING_SAME_KIND:
      if (from == kUnitGeneric || to == kUnitGeneric) return from == kUnitGeneric;
      return (from <= kUnitM) == (to <= kUnitM);
    case CNP_CASTING_SAFE:
      if (from == kUnitGeneric || to == kUnitGeneric) return from == kUnitGeneric;
      return from <= to && (from <= kUnitM) == (to <= kUnitM);
    default: return from == to;
  }
}

std::string metastr(int32_t unit, int64_t count, bool brackets) {
  if (unit == kUnitGeneric) return brackets ? "" : "generic";
  std::string s = count == 1 ? datetime_unit_name(unit) : std::to_string(count) + datetime_unit_name(unit);
  return brackets ? "[" + s + "]" : s;
}

uint64_t units_factor(int32_t big, int32_t little) {
  uint64_t f = 1;
  for (int32_t u = big; u < little; ++u) {
    f *= kStep[u];
    if (f & 0xff00000000000000ULL) return 0;
  }
  return f;
}

DtypeRef promote_times(const Dtype* a, const Dtype* b) {
  const char kind = a->kind == 'M' || b->kind == 'M' ? 'M' : 'm';
  // Two timedeltas keep years/months apart from the other units; a datetime with anything
  // (NumPy converts a timedelta met with a datetime first) is relaxed.
  const bool both_td = a->kind == 'm' && b->kind == 'm';
  const bool strict1 = both_td, strict2 = both_td;
  if (a->unit == kUnitGeneric) return make_datetime(kind, b->unit, b->unit_count);
  if (b->unit == kUnitGeneric) return make_datetime(kind, a->unit, a->unit_count);
  uint64_t n1 = static_cast<uint64_t>(a->unit_count), n2 = static_cast<uint64_t>(b->unit_count);
  int32_t base;
  auto incompatible = [&]() {
    throw_type("Cannot get a common metadata divisor for Numpy datetime metadata " + metastr(a->unit, a->unit_count) +
               " and " + metastr(b->unit, b->unit_count) + " because they have incompatible nonlinear base time units.");
  };
  auto overflow = [&]() {
    throw Error(CNP_ERR_OVERFLOW, "Integer overflow getting a common metadata divisor for NumPy datetime metadata " +
                                      metastr(a->unit, a->unit_count) + " and " + metastr(b->unit, b->unit_count) + ".");
  };
  if (a->unit == b->unit) {
    base = a->unit;
  } else {
    // Years and months go with each other only; a datetime's may meet linear units (NumPy
    // then multiplies by the plain unit steps, which count a month as one day's worth).
    if (a->unit == kUnitY) {
      if (b->unit == kUnitM) n1 *= 12;
      else if (strict1) incompatible();
    } else if (b->unit == kUnitY) {
      if (a->unit == kUnitM) n2 *= 12;
      else if (strict2) incompatible();
    } else if (a->unit == kUnitM) {
      if (strict1) incompatible();
    } else if (b->unit == kUnitM) {
      if (strict2) incompatible();
    }
    if (a->unit > b->unit) {
      base = a->unit;
      n2 *= units_factor(b->unit, a->unit);
      if (n2 == 0) overflow();
    } else {
      base = b->unit;
      n1 *= units_factor(a->unit, b->unit);
      if (n1 == 0) overflow();
    }
  }
  uint64_t x = n1, y = n2;
  if (x > y) std::swap(x, y);
  while (x != y && y != 0) {
    uint64_t t = x % y;
    x = y;
    y = t;
  }
  if (x == 0 || x > static_cast<uint64_t>(INT32_MAX)) overflow();
  return make_datetime(kind, base, static_cast<int64_t>(x));
}

Factor conversion_factor(int32_t a, int64_t from_count, int32_t b, int64_t to_count) {
  if (a == kUnitGeneric) return Factor{1, 1};
  const bool swapped = a > b;
  int32_t lo = a, hi = b;
  if (swapped) std::swap(lo, hi);
  uint64_t num = 1, den = 1;
  if (lo != hi) {
    if (lo == kUnitY) {
      if (hi == kUnitM) {
        num *= 12;
      } else if (hi == kUnitW) {
        num *= 97 + 400 * 365;
        den *= 400 * 7;
      } else {
        num *= 97 + 400 * 365;
        den *= 400;
        num *= units_factor(kUnitD, hi);
      }
    } else if (lo == kUnitM) {
      if (hi == kUnitW) {
        num *= 97 + 400 * 365;
        den *= 400 * 12 * 7;
      } else {
        num *= 97 + 400 * 365;
        den *= 400 * 12;
        num *= units_factor(kUnitD, hi);
      }
    } else {
      num *= units_factor(lo, hi);
    }
  }
  if (num == 0)
    throw Error(CNP_ERR_OVERFLOW, std::string("Integer overflow while computing the conversion factor between NumPy datetime units ") +
                                      datetime_unit_name(lo) + " and " + datetime_unit_name(hi));
  if (swapped) std::swap(num, den);
  num *= static_cast<uint64_t>(from_count);
  den *= static_cast<uint64_t>(to_count);
  uint64_t x = num, y = den;
  while (y) x = std::exchange(y, x % y);
  return Factor{static_cast<int64_t>(num / x), static_cast<int64_t>(den / x)};
}

}  // namespace cnp::dt
