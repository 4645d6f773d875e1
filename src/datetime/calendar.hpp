// The proleptic Gregorian calendar on NumPy's day numbers (days since 1970-01-01): date <-> day
// number conversions without loops, for every int64 day.
#pragma once
#include <cstdint>

namespace cnp::dt {

inline bool is_leap(int64_t y) { return (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0); }
int days_in_month(int64_t year, int month);

// Day number of year-month-day (month 1..12, day 1..31); valid for years within +-2^54.
int64_t days_from_ymd(int64_t year, int month, int day);

// The date of a day number. Neri and Schneider's Euclidean affine functions (multiplications and
// shifts, no per-element division by variables) in the range of about years -32800..2906945,
// Hinnant's era arithmetic beyond.
void ymd_from_days(int64_t days, int64_t* year, int32_t* month, int32_t* day);

// Months since 1970-01 of a day number (the M8[D] -> M8[M] cast), floor semantics.
int64_t months_from_days(int64_t days);

// Floor division and the matching non-negative remainder.
inline int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  return q - ((a % b != 0) & ((a < 0) != (b < 0)));
}
inline int64_t floor_mod(int64_t a, int64_t b) { return a - floor_div(a, b) * b; }

}  // namespace cnp::dt
