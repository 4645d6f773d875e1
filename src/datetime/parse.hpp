// ISO 8601 datetime strings as NumPy 1.24 reads them (datetime_strings.c's parser): "2024",
// "2024-03", "2024-03-10", a 'T' or ' ' then "12", "12:30", "12:30:05", fractions of a second
// down to attoseconds, a 'Z' or "+hh[:mm]"/"-hh[:mm]" offset (deprecated: applied to give UTC),
// "NaT" and "" (NaT), "today" and "now"; a leading '+'/'-' on the year; leading blanks.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "datetime/units.hpp"

namespace cnp::dt {

struct Parsed {
  DateTimeStruct dts;
  int32_t bestunit = kUnitGeneric;  // the unit the string gives (generic for NaT)
  bool special = false;             // NaT, today or now
  bool timezone = false;            // had a 'Z' or an offset (NumPy's DeprecationWarning)
};

// Parses str[0..len) (stops at the first NUL). unit: the target unit (-1 when none: the string
// decides); casting: how the string's own unit may be cast to `unit` (TypeError "Cannot parse
// \"...\" as unit 'D' using casting rule 'same_kind'"). ValueError with NumPy's messages: "Error
// parsing datetime string \"x\" at position 3", "Month out of range in datetime string \"...\"".
void parse_iso8601(const char* str, size_t len, int32_t unit, int32_t casting, Parsed* out);

// The DeprecationWarning NumPy 1.24 gives for a time zone in the string.
void warn_timezone();

// One string to a datetime64 value in (unit, count) (NumPy's string -> M8 cast: same_kind).
int64_t parse_to_value(const char* str, size_t len, int32_t unit, int64_t count, bool* timezone);

}  // namespace cnp::dt
