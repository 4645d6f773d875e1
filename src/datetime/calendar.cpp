// Calendar arithmetic (calendar.hpp). The fast date-from-days path is Neri and Schneider's
// "Euclidean affine functions" (Software: Practice and Experience 2023), as C++20's chrono and
// NumPy use; day numbers from dates are Hinnant's days_from_civil.
#include "datetime/calendar.hpp"

namespace cnp::dt {

namespace {
const int kMonthDays[2][12] = {{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
                               {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}};

// Hinnant's civil_from_days (any int64 day, 400-year eras).
void civil_from_days(int64_t z, int64_t* y, int32_t* m, int32_t* d) {
  // Shifting the epoch to 0000-03-01; z + 719468 cannot overflow for |z| < 2^62, and outside
  // that the era split below keeps the arithmetic in range.
  int64_t era = floor_div(z, 146097);
  int64_t doe = z - era * 146097 + 719468;  // may exceed one era: fold once more
  era += floor_div(doe, 146097);
  doe = floor_mod(doe, 146097);
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int32_t>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int32_t>(mp < 10 ? mp + 3 : mp - 9);
  // era * 400 wraps for the extreme days, as NumPy's year arithmetic does.
  *y = static_cast<int64_t>(static_cast<uint64_t>(yoe) + static_cast<uint64_t>(era) * 400u) + (*m <= 2);
}
}  // namespace

int days_in_month(int64_t year, int month) { return kMonthDays[is_leap(year)][month - 1]; }

int64_t days_from_ymd(int64_t year, int month, int day) {
  // Unsigned where it can overflow: the extreme years (a parsed year may be any int64) wrap as
  // NumPy's int64 arithmetic does, without undefined behaviour.
  const int64_t y = static_cast<int64_t>(static_cast<uint64_t>(year) - (month <= 2 ? 1u : 0u));
  const int64_t era = y / 400 - (y % 400 < 0 ? 1 : 0);  // floor(y / 400)
  const uint32_t yoe = static_cast<uint32_t>(static_cast<uint64_t>(y) - static_cast<uint64_t>(era) * 400u);
  const uint32_t doy = (153u * static_cast<uint32_t>(month > 2 ? month - 3 : month + 9) + 2u) / 5u +
                       static_cast<uint32_t>(day) - 1u;
  const uint32_t doe = yoe * 365u + yoe / 4u - yoe / 100u + doy;
  return static_cast<int64_t>(static_cast<uint64_t>(era) * 146097u + static_cast<uint64_t>(doe) - 719468u);
}

void ymd_from_days(int64_t days, int64_t* year, int32_t* month, int32_t* day) {
  if (days >= -12699422LL && days <= 1061042401LL) {
    // N: days since 0000-03-01 shifted by 82 eras so everything is unsigned 32-bit.
    const uint32_t N = static_cast<uint32_t>(static_cast<int32_t>(days)) + 12699422u;
    const uint32_t N1 = 4u * N + 3u;
    const uint32_t C = N1 / 146097u;  // division by constants: multiply-shift
    const uint32_t NC = N1 % 146097u / 4u;
    const uint32_t N2 = 4u * NC + 3u;
    const uint64_t P2 = 2939745ull * N2;
    const uint32_t Z = static_cast<uint32_t>(P2 >> 32);
    const uint32_t NY = static_cast<uint32_t>(P2) / 2939745u / 4u;
    const uint32_t N3 = 2141u * NY + 197913u;
    const uint32_t M = N3 >> 16;
    const uint32_t D = (N3 & 0xffffu) / 2141u;
    const uint32_t J = NY >= 306u;
    const uint32_t Y = 100u * C + Z;
    *year = static_cast<int64_t>(static_cast<int32_t>(Y - 32800u) + static_cast<int32_t>(J));
    *month = static_cast<int32_t>(J ? M - 12u : M);
    *day = static_cast<int32_t>(D + 1u);
    return;
  }
  civil_from_days(days, year, month, day);
}

int64_t months_from_days(int64_t days) {
  int64_t y;
  int32_t m, d;
  ymd_from_days(days, &y, &m, &d);
  return static_cast<int64_t>(static_cast<uint64_t>(y - 1970) * 12u) + (m - 1);
}

}  // namespace cnp::dt
