// Datetimes as ISO 8601 text (NumPy's make_iso_8601_datetime and numpy.datetime_as_string).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "datetime/units.hpp"

namespace cnp::dt {

// NumPy's time zone choices for datetime_as_string.
enum class Zone : int32_t { naive = 0, utc = 1, local = 2, offset = 3 };

// Writes the text of s at `base` (W prints as D; -1: the finest unit that loses nothing, at least
// days) into buf (at least kMaxIsoLen bytes), returns its length. zone/offset_minutes: the suffix
// ('Z', "+0130") and the shift to local time. casting: NumPy's checks ("Cannot create a string with
// unit precision 'D' from the NumPy datetime, which has data at unit precision 's', requires
// 'unsafe' or 'same_kind' casting"; local dates need 'unsafe').
inline constexpr size_t kMaxIsoLen = 64;
size_t format_iso(const DateTimeStruct& s, int32_t base, Zone zone, int32_t offset_minutes, int32_t casting, char* buf);

// The text of one datetime64 value in (unit, count), as NumPy's str() and the M8 -> string cast.
size_t format_value(int64_t v, int32_t unit, int64_t count, char* buf);
std::string datetime_text(int64_t v, int32_t unit, int64_t count);

// NumPy's get_datetime_iso_8601_strlen (with its terminating NUL): the U width of
// datetime_as_string and of astype(str).
int64_t iso_strlen(bool local, int32_t base);

// NumPy's lossless_unit_from_datetimestruct.
int32_t lossless_unit(const DateTimeStruct& s);

}  // namespace cnp::dt
