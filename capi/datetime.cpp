// C entry points of the datetime module (include/cnumpy/datetime.h): validate handles and
// strings, call src/datetime.
#include "cnumpy/datetime.h"

#include <cstring>
#include <string>

#include "capi/guard.hpp"
#include "core/cast.hpp"
#include "datetime/busday.hpp"
#include "datetime/functions.hpp"
#include "datetime/parse.hpp"

using namespace cnp;
using namespace cnp::capi;

namespace {

int32_t unit_arg(const char* unit) {
  const int32_t u = datetime_unit_from(unit);
  if (u < 0 || u == kUnitB || u == kUnitGeneric) throw_type(std::string("Invalid datetime unit \"") + unit + "\" in metadata");
  return u;
}

void check_casting(int32_t casting) {
  if (casting < CNP_CASTING_NO || casting > CNP_CASTING_UNSAFE)
    throw_value("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'");
}

dt::BusdayCal calendar(int32_t weekmask, const cnp_array* holidays) {
  if (weekmask & ~0x7f) throw_value("A business day weekmask array must have all 1's and 0's");
  bool wm[7];
  for (int i = 0; i < 7; ++i) wm[i] = (weekmask >> i) & 1;
  if (!holidays) return dt::make_calendar(wm, nullptr, 0, false);
  const Array& h = any_array_of(holidays);
  if (h.ndim() != 1) throw_value("holidays must be a provided as a one-dimensional array");
  static const DtypeRef day = make_datetime('M', kUnitD, 1);
  if (!can_cast(h.dtype(), day.get(), CNP_CASTING_SAFE))
    throw_value("Cannot safely convert provided holidays input into an array of dates");
  const Array c = cast_copy(h, day.get(), CNP_ORDER_C);
  return dt::make_calendar(wm, reinterpret_cast<const int64_t*>(c.data()), c.size(), false);
}

Array* out_of(cnp_array* h) { return h ? &any_array_of(h) : nullptr; }

}  // namespace

extern "C" {

CNP_API cnp_status cnp_datetime_parse(const char* text, const char* unit, int64_t* value, cnp_dtype** dtype) {
  return run([&] {
    if (dtype) *dtype = nullptr;  // a handle out-parameter is NULL after a failure (docs/api-conventions.md)
    if (!text || !value || !dtype) throw Error(CNP_ERR_INVALID_HANDLE, "NULL argument");
    const int32_t u = unit ? unit_arg(unit) : -1;
    dt::Parsed p;
    dt::parse_iso8601(text, std::strlen(text), u, CNP_CASTING_SAME_KIND, &p);
    const int32_t target = u >= 0 ? u : p.bestunit;
    const int64_t v = dt::struct_to_value(p.dts, target, 1);
    DtypeRef d = make_datetime('M', target, 1);
    if (p.timezone) dt::warn_timezone();
    *value = v;
    *dtype = const_cast<cnp_dtype*>(d.release());
  });
}

CNP_API cnp_status cnp_datetime_as_string(const cnp_array* a, const char* unit, const char* timezone, int32_t casting,
                                          cnp_array** out) {
  return produce(out, [&] {
    check_casting(casting);
    const int32_t u = !unit ? dt::kAsStringUnitNone : std::strcmp(unit, "auto") == 0 ? -1 : unit_arg(unit);
    dt::Zone z = dt::Zone::naive;
    if (timezone && std::strcmp(timezone, "naive") != 0) {
      if (std::strcmp(timezone, "UTC") == 0) z = dt::Zone::utc;
      else if (std::strcmp(timezone, "local") == 0) z = dt::Zone::local;
      else throw_value(std::string("Unsupported timezone input string \"") + timezone + "\"");
    }
    return dt::datetime_as_string(any_array_of(a), u, z, 0, casting);
  });
}

CNP_API cnp_status cnp_datetime_as_string_offset(const cnp_array* a, const char* unit, int32_t offset_minutes,
                                                 int32_t casting, cnp_array** out) {
  return produce(out, [&] {
    check_casting(casting);
    const int32_t u = !unit ? dt::kAsStringUnitNone : std::strcmp(unit, "auto") == 0 ? -1 : unit_arg(unit);
    if (offset_minutes <= -1440 || offset_minutes >= 1440) throw_value("time zone offset out of range");
    return dt::datetime_as_string(any_array_of(a), u, dt::Zone::offset, offset_minutes, casting);
  });
}

CNP_API cnp_status cnp_busday_weekmask(const char* text, int32_t* weekmask) {
  return run([&] {
    if (!text || !weekmask) throw Error(CNP_ERR_INVALID_HANDLE, "NULL argument");
    bool wm[7];
    dt::parse_weekmask(text, wm);
    int32_t bits = 0;
    for (int i = 0; i < 7; ++i) bits |= wm[i] ? 1 << i : 0;
    *weekmask = bits;
  });
}

CNP_API cnp_status cnp_busdaycalendar_holidays(int32_t weekmask, const cnp_array* holidays, cnp_array** out) {
  return produce(out, [&] {
    if ((weekmask & 0x7f) == 0) throw_value("Cannot construct a numpy.busdaycal with a weekmask of all zeros");
    const dt::BusdayCal c = calendar(weekmask, holidays);
    const int64_t n = static_cast<int64_t>(c.holidays.size());
    static const DtypeRef day = make_datetime('M', kUnitD, 1);
    Array r = Array::allocate(day.get(), 1, &n, CNP_ORDER_C);
    if (n) std::memcpy(r.data(), c.holidays.data(), static_cast<size_t>(n) * 8);
    return r;
  });
}

CNP_API cnp_status cnp_busday_offset(const cnp_array* dates, const cnp_array* offsets, const char* roll,
                                     int32_t weekmask, const cnp_array* holidays, cnp_array* out_array,
                                     cnp_array** out) {
  return produce(out, out_array, [&] {
    const dt::Roll r = dt::parse_roll(roll ? roll : "raise");
    const dt::BusdayCal c = calendar(weekmask, holidays);
    return dt::busday_offset(any_array_of(dates), any_array_of(offsets), r, c, out_of(out_array));
  });
}

CNP_API cnp_status cnp_busday_count(const cnp_array* begindates, const cnp_array* enddates, int32_t weekmask,
                                    const cnp_array* holidays, cnp_array* out_array, cnp_array** out) {
  return produce(out, out_array, [&] {
    const dt::BusdayCal c = calendar(weekmask, holidays);
    return dt::busday_count(any_array_of(begindates), any_array_of(enddates), c, out_of(out_array));
  });
}

CNP_API cnp_status cnp_is_busday(const cnp_array* dates, int32_t weekmask, const cnp_array* holidays,
                                 cnp_array* out_array, cnp_array** out) {
  return produce(out, out_array, [&] {
    const dt::BusdayCal c = calendar(weekmask, holidays);
    return dt::is_busday(any_array_of(dates), c, out_of(out_array));
  });
}

}  // extern "C"
