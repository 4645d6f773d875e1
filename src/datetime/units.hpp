// Datetime units and metadata (NumPy's datetime.c): the broken-down datetime struct and its
// conversions to and from int64 values in any unit and multiplier, the casting rules between
// units, the metadata greatest common divisor behind promotion, and the conversion factor.
#pragma once
#include <cstdint>
#include <string>

#include "core/dtype.hpp"

namespace cnp::dt {

inline constexpr int64_t kNaT = INT64_MIN;

// NumPy's npy_datetimestruct; year == kNaT marks NaT.
struct DateTimeStruct {
  int64_t year = 1970;
  int32_t month = 1, day = 1, hour = 0, min = 0, sec = 0, us = 0, ps = 0, as = 0;
};

// NumPy's NpyDatetime_ConvertDatetimeStructToDatetime64: truncates to the unit, floors by the
// multiplier. ValueError for generic units (other than NaT).
int64_t struct_to_value(const DateTimeStruct& s, int32_t unit, int64_t count);
// NumPy's NpyDatetime_ConvertDatetime64ToDatetimeStruct (no overflow check, like NumPy 1.24).
void value_to_struct(int64_t v, int32_t unit, int64_t count, DateTimeStruct* out);
// Adds minutes, carrying into hours, days, months and years (time zone offsets).
void add_minutes(DateTimeStruct& s, int64_t minutes);

// NumPy's can_cast_datetime64_units / can_cast_timedelta64_units for a casting rule.
bool can_cast_datetime_units(int32_t from, int32_t to, int32_t casting);
bool can_cast_timedelta_units(int32_t from, int32_t to, int32_t casting);

// "[25s]" / "[D]" / "" for generic, as NumPy's metastr_to_unicode (without_brackets: "25s").
std::string metastr(int32_t unit, int64_t count, bool brackets = true);

// NumPy's datetime_type_promotion: M8 when either is M8, units by the metadata gcd (strict about
// years and months for timedeltas). TypeError "Cannot get a common metadata divisor ..." and
// OverflowError as NumPy.
DtypeRef promote_times(const Dtype* a, const Dtype* b);

// NumPy's get_datetime_units_factor (0 on overflow past 2^56).
uint64_t units_factor(int32_t big, int32_t little);

// NumPy's get_datetime_conversion_factor: to = floor(from * num / den); OverflowError when the
// factor overflows.
struct Factor {
  int64_t num, den;
};
Factor conversion_factor(int32_t from_unit, int64_t from_count, int32_t to_unit, int64_t to_count);

// The (unit, count) of d.
inline int32_t unit_of(const Dtype* d) { return d->unit; }

}  // namespace cnp::dt
