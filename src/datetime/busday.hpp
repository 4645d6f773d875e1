// Business days (NumPy's datetime_busday.c and datetime_busdaycal.c): a weekmask of the seven
// weekdays (Monday first) and a sorted list of holidays; rolling a date onto a business day,
// offsetting by business days, counting them and testing dates. Dates are datetime64[D] values.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/array.hpp"

namespace cnp::dt {

struct BusdayCal {
  bool weekmask[7] = {true, true, true, true, true, false, false};
  int32_t busdays = 5;             // business days in the weekmask
  std::vector<int64_t> holidays;   // sorted, unique, no NaT, only on weekmask days
};

// NumPy's roll= values.
enum class Roll : int32_t { raise, nat, following, preceding, modifiedfollowing, modifiedpreceding };
// "raise", "nat", "forward"/"following", "backward"/"preceding", "modifiedfollowing",
// "modifiedpreceding"; ValueError "Invalid business day roll parameter \"x\"".
Roll parse_roll(const std::string& s);

// A weekmask string: seven '0'/'1' characters, or weekday abbreviations ("Mon Tue", "SatSun");
// ValueError "Invalid business day weekmask string \"x\"".
void parse_weekmask(const std::string& s, bool out[7]);

// Builds a calendar: checks the weekmask has a business day (ValueError "Cannot construct a
// numpy.busdaycal with a weekmask of all zeros" when for_calendar, else NumPy's "the business day
// weekmask must have at least one valid business day"), sorts the holidays and drops NaT,
// duplicates and dates that the weekmask already excludes.
BusdayCal make_calendar(const bool weekmask[7], const int64_t* holidays, int64_t nholidays, bool for_calendar);

int64_t busday_offset_one(int64_t date, int64_t offset, Roll roll, const BusdayCal& cal);
int64_t busday_count_one(int64_t begin, int64_t end, const BusdayCal& cal);
bool is_busday_one(int64_t date, const BusdayCal& cal);

// The array functions (broadcasting, out= arrays): inputs are cast to M8[D] / int64 under
// NumPy's 'safe' rule ("Iterator operand 0 dtype could not be cast from dtype('<M8[h]') to
// dtype('<M8[D]') according to the rule 'safe'").
Array busday_offset(const Array& dates, const Array& offsets, Roll roll, const BusdayCal& cal, Array* out);
Array busday_count(const Array& begin, const Array& end, const BusdayCal& cal, Array* out);
Array is_busday(const Array& dates, const BusdayCal& cal, Array* out);

}  // namespace cnp::dt
