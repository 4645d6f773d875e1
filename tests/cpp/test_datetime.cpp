// The datetime module (src/datetime): the calendar against a day-by-day reference over the whole
// fast range and its edges, the ISO parser's values and NumPy's error messages, the formatter,
// unit casts and arithmetic through the C ABI (NaT, negative values, years 1600..10000), and the
// business-day functions against a day-by-day count.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

#include "capi_test_util.hpp"
#include "cnumpy/cnumpy.h"
#include "datetime/busday.hpp"
#include "datetime/calendar.hpp"
#include "datetime/format.hpp"
#include "datetime/parse.hpp"
#include "datetime/units.hpp"

using namespace cnp;
using capi_test::Handle;

namespace {

// Reference calendar: walk years and months one at a time from 1970 (no shared formulas).
int64_t ref_days(int64_t y, int m, int d) {
  auto leap = [](int64_t yy) { return (yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0; };
  int64_t days = 0;
  if (y >= 1970)
    for (int64_t k = 1970; k < y; ++k) days += leap(k) ? 366 : 365;
  else
    for (int64_t k = y; k < 1970; ++k) days -= leap(k) ? 366 : 365;
  static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int k = 1; k < m; ++k) days += md[k - 1] + (k == 2 && leap(y) ? 1 : 0);
  return days + d - 1;
}

cnp_dtype* dtype_of(const char* s) {
  cnp_dtype* d = nullptr;
  REQUIRE(cnp_dtype_from_string(s, &d) == CNP_OK);
  return d;
}

int64_t parse(const char* text, const char* unit = nullptr) {
  int64_t v = 0;
  cnp_dtype* d = nullptr;
  REQUIRE(cnp_datetime_parse(text, unit, &v, &d) == CNP_OK);
  cnp_dtype_free(d);
  return v;
}

std::string parse_error(const char* text, const char* unit = nullptr, cnp_status want = CNP_ERR_VALUE) {
  int64_t v = 0;
  cnp_dtype* d = nullptr;
  REQUIRE(cnp_datetime_parse(text, unit, &v, &d) == want);
  REQUIRE(d == nullptr);
  return cnp_last_error();
}

void from_values(Handle& out, const char* dtype, const std::vector<int64_t>& v) {
  cnp_dtype* d = dtype_of(dtype);
  const int64_t n = static_cast<int64_t>(v.size());
  REQUIRE(cnp_empty(1, &n, d, CNP_ORDER_C, out.out()) == CNP_OK);
  cnp_dtype_free(d);
  void* p = nullptr;
  cnp_array_data(out, &p);
  if (n) std::memcpy(p, v.data(), v.size() * 8);
}

std::vector<int64_t> values(const cnp_array* a) {
  int64_t n = 0;
  cnp_array_size(a, &n);
  void* p = nullptr;
  cnp_array_data(a, &p);
  std::vector<int64_t> v(static_cast<size_t>(n));
  if (n) std::memcpy(v.data(), p, v.size() * 8);
  return v;
}

const int64_t kNaT = INT64_MIN;

}  // namespace

TEST_CASE("calendar: day numbers against a reference, both directions") {
  for (int64_t y : {-400, -1, 0, 1, 1600, 1899, 1900, 1969, 1970, 2000, 2023, 2024, 2100, 9999, 10000, 30000}) {
    for (int m = 1; m <= 12; ++m) {
      const int last = dt::days_in_month(y, m);
      for (int d : {1, 15, last}) {
        const int64_t days = dt::days_from_ymd(y, m, d);
        REQUIRE(days == ref_days(y, m, d));
        int64_t yy;
        int32_t mm, dd;
        dt::ymd_from_days(days, &yy, &mm, &dd);
        REQUIRE(yy == y);
        REQUIRE(mm == m);
        REQUIRE(dd == d);
      }
    }
  }
  // Consecutive days across the fast path's edges and a sweep: the date advances by one day.
  for (int64_t start : {-12699422LL - 1000, 1061042401LL - 1000, -800000LL, 0LL}) {
    int64_t py;
    int32_t pm, pd;
    dt::ymd_from_days(start, &py, &pm, &pd);
    for (int64_t x = start + 1; x < start + 2000; ++x) {
      int64_t y;
      int32_t m, d;
      dt::ymd_from_days(x, &y, &m, &d);
      const bool next_day = y == py && m == pm && d == pd + 1;
      const bool next_month = y == py && m == pm + 1 && d == 1 && pd == dt::days_in_month(py, pm);
      const bool next_year = y == py + 1 && m == 1 && d == 1 && pm == 12 && pd == 31;
      REQUIRE((next_day || next_month || next_year));
      REQUIRE(dt::days_from_ymd(y, m, d) == x);
      py = y;
      pm = m;
      pd = d;
    }
  }
  REQUIRE(dt::months_from_days(-1) == -1);
  REQUIRE(dt::months_from_days(0) == 0);
  REQUIRE(dt::months_from_days(dt::days_from_ymd(2024, 6, 30)) == (2024 - 1970) * 12 + 5);
}

TEST_CASE("parse: values, units and NumPy's messages") {
  REQUIRE(parse("2024-01-01") == ref_days(2024, 1, 1));
  REQUIRE(parse("2024-06-30", "s") == ref_days(2024, 6, 30) * 86400);
  REQUIRE(parse("1969-12-31T23:59:59", "s") == -1);
  REQUIRE(parse("1969-12-31T23:59:59.5", "s") == -1);  // the string's ms truncate toward the unit
  REQUIRE(parse("1970-01-01T00:00:00.000000001") == 1);
  REQUIRE(parse("2024") == 54);
  REQUIRE(parse("1600-03") == (1600 - 1970) * 12 + 2);
  REQUIRE(parse("NaT") == kNaT);
  REQUIRE(parse("") == kNaT);
  REQUIRE(parse("2024-01-01T10:00Z", "m") == (ref_days(2024, 1, 1) * 24 + 10) * 60);
  REQUIRE(parse("2024-01-01T10:00+01:30", "m") == (ref_days(2024, 1, 1) * 24 + 10) * 60 - 90);
  REQUIRE(parse("2024-01-01T00:00-01", "h") == ref_days(2024, 1, 1) * 24 + 1);
  REQUIRE(parse("-0001-03-01") == ref_days(-1, 3, 1));
  REQUIRE(parse("2024-01-01", "W") == dt::floor_div(ref_days(2024, 1, 1), 7));
  REQUIRE(parse_error("2024-13-01") == "Month out of range in datetime string \"2024-13-01\"");
  REQUIRE(parse_error("2023-02-29") == "Day out of range in datetime string \"2023-02-29\"");
  REQUIRE(parse_error("2024-01-01T24") == "Hours out of range in datetime string \"2024-01-01T24\"");
  REQUIRE(parse_error("2024-1-1") == "Error parsing datetime string \"2024-1-1\" at position 5");
  REQUIRE(parse_error("2024-01-01 ") == "Error parsing datetime string \"2024-01-01 \" at position 11");
  REQUIRE(parse_error("2024-01-01", "xx", CNP_ERR_TYPE) == "Invalid datetime unit \"xx\" in metadata");
  int64_t v;
  cnp_dtype* d = nullptr;
  REQUIRE(cnp_datetime_parse(nullptr, nullptr, &v, &d) == CNP_ERR_INVALID_HANDLE);
}

TEST_CASE("format: NumPy's ISO text for every unit") {
  REQUIRE(dt::datetime_text(ref_days(2024, 2, 29), kUnitD, 1) == "2024-02-29");
  REQUIRE(dt::datetime_text(-1, kUnits, 1) == "1969-12-31T23:59:59");
  REQUIRE(dt::datetime_text(-1, kUnitms, 1) == "1969-12-31T23:59:59.999");
  REQUIRE(dt::datetime_text(1, kUnitas, 1) == "1970-01-01T00:00:00.000000000000000001");
  REQUIRE(dt::datetime_text(-1, kUnitfs, 1) == "1969-12-31T23:59:59.999999999999999");
  REQUIRE(dt::datetime_text(5 - 1970, kUnitY, 1) == "0005");
  REQUIRE(dt::datetime_text(-1971, kUnitY, 1) == "-001");
  REQUIRE(dt::datetime_text(-1, kUnitM, 1) == "1969-12");
  REQUIRE(dt::datetime_text(3, kUnitW, 1) == "1970-01-22");
  REQUIRE(dt::datetime_text(kNaT, kUnitD, 1) == "NaT");
  REQUIRE(dt::datetime_text(2, kUnits, 25) == "1970-01-01T00:00:50");
  dt::DateTimeStruct s;
  dt::value_to_struct(parse("2024-06-30T12:30:45", "s"), kUnits, 1, &s);
  char buf[dt::kMaxIsoLen];
  REQUIRE(std::string(buf, dt::format_iso(s, -1, dt::Zone::utc, 0, CNP_CASTING_UNSAFE, buf)) == "2024-06-30T12:30:45Z");
  REQUIRE(std::string(buf, dt::format_iso(s, kUnitm, dt::Zone::offset, 90, CNP_CASTING_UNSAFE, buf)) ==
          "2024-06-30T14:00+0130");
  REQUIRE_THROWS_WITH(dt::format_iso(s, kUnitD, dt::Zone::naive, 0, CNP_CASTING_SAFE, buf),
                      "Cannot create a string with unit precision 'D' from the NumPy datetime, which has data at "
                      "unit precision 's', requires 'unsafe' or 'same_kind' casting");
}

TEST_CASE("casts and arithmetic through the C ABI") {
  Handle a, b, r;
  const std::vector<int64_t> secs = {0, -1, 86399, 86400, -86401, kNaT, parse("1600-02-29T12:00", "s")};
  from_values(a, "M8[s]", secs);
  cnp_dtype* months = dtype_of("M8[M]");
  REQUIRE(cnp_astype(a, months, CNP_ORDER_K, CNP_CASTING_SAME_KIND, 1, r.out()) == CNP_OK);
  cnp_dtype_free(months);
  const std::vector<int64_t> m = values(r);
  REQUIRE(m == std::vector<int64_t>{0, -1, 0, 0, -1, kNaT, (1600 - 1970) * 12 + 1});
  // M8[s] - M8[s] -> m8[s]; NaT propagates.
  REQUIRE(cnp_subtract(a, a, nullptr, r.out()) == CNP_OK);
  REQUIRE(values(r) == std::vector<int64_t>{0, 0, 0, 0, 0, kNaT, 0});
  // M8 + M8 is NumPy's binary resolution error.
  REQUIRE(cnp_add(a, a, nullptr, r.out()) == CNP_ERR_TYPE);
  REQUIRE(std::string(cnp_last_error()) == "ufunc 'add' cannot use operands with types dtype('<M8[s]') and dtype('<M8[s]')");
  // Strings -> M8 with the unit from the strings (astype to the unitless M8).
  from_values(b, "m8[h]", {1, -25, kNaT});
  REQUIRE(cnp_add(a, b, nullptr, r.out()) == CNP_ERR_VALUE);  // shapes 7 and 3 do not broadcast
  Handle one;
  from_values(one, "m8[h]", {-25});
  REQUIRE(cnp_add(a, one, nullptr, r.out()) == CNP_OK);
  REQUIRE(values(r)[0] == -25 * 3600);
  REQUIRE(values(r)[5] == kNaT);
}

TEST_CASE("isnat is a ufunc entry point and datetime reductions take initial") {
  Handle a, r, ini, ini0, num;
  from_values(a, "m8[s]", {5, kNaT, -3, 7});
  REQUIRE(cnp_isnat(a, nullptr, r.out()) == CNP_OK);
  int32_t nd = 0;
  REQUIRE(cnp_array_ndim(r, &nd) == CNP_OK);
  REQUIRE(nd == 1);
  const int64_t shape[1] = {2};
  REQUIRE(cnp_zeros(1, shape, nullptr, CNP_ORDER_C, num.out()) == CNP_OK);
  REQUIRE(cnp_isnat(num, nullptr, r.out()) == CNP_ERR_TYPE);
  REQUIRE(std::string(cnp_last_error()) == "ufunc 'isnat' is only defined for np.datetime64 and np.timedelta64.");
  // A 0-d m8[m] initial joins an m8[s] sum in seconds; NaT propagates.
  from_values(ini, "m8[m]", {2});
  REQUIRE(cnp_reshape(ini, 0, nullptr, CNP_ORDER_C, ini0.out()) == CNP_OK);
  REQUIRE(cnp_sum(a, nullptr, -1, nullptr, nullptr, 0, ini0, nullptr, r.out()) == CNP_OK);
  REQUIRE(values(r) == std::vector<int64_t>{kNaT});
  Handle b;
  from_values(b, "m8[s]", {5, -3, 7});
  REQUIRE(cnp_sum(b, nullptr, -1, nullptr, nullptr, 0, ini0, nullptr, r.out()) == CNP_OK);
  REQUIRE(values(r) == std::vector<int64_t>{129});
}

TEST_CASE("business days against a day-by-day count") {
  const bool wm[7] = {true, true, true, true, true, false, false};
  const int64_t hol[] = {ref_days(2024, 1, 8), kNaT, ref_days(2024, 1, 6), ref_days(2024, 1, 8), ref_days(2024, 12, 25)};
  const dt::BusdayCal cal = dt::make_calendar(wm, hol, 5, false);
  REQUIRE(cal.holidays.size() == 2);  // NaT, the duplicate and the Saturday dropped
  auto busy = [&](int64_t x) { return dt::is_busday_one(x, cal); };
  for (int64_t b = ref_days(2023, 12, 20); b < ref_days(2024, 1, 20); b += 3)
    for (int64_t e = b - 30; e < b + 40; e += 7) {
      int64_t want = 0;
      if (b <= e)
        for (int64_t x = b; x < e; ++x) want += busy(x);
      else
        for (int64_t x = e; x < b; ++x) want -= busy(x);
      REQUIRE(dt::busday_count_one(b, e, cal) == want);
    }
  for (int64_t d = ref_days(2024, 1, 1); d < ref_days(2024, 1, 15); ++d)
    for (int64_t off = -12; off <= 12; ++off) {
      const int64_t got = dt::busday_offset_one(d, off, dt::Roll::following, cal);
      int64_t x = d;
      while (!busy(x)) ++x;
      for (int64_t k = off; k > 0; --k) do ++x; while (!busy(x));
      for (int64_t k = off; k < 0; ++k) do --x; while (!busy(x));
      REQUIRE(got == x);
    }
  REQUIRE(dt::busday_offset_one(ref_days(2024, 3, 30), 0, dt::Roll::modifiedfollowing, cal) == ref_days(2024, 3, 29));
  REQUIRE(dt::busday_offset_one(ref_days(2024, 6, 1), 0, dt::Roll::modifiedpreceding, cal) == ref_days(2024, 6, 3));
  REQUIRE(dt::busday_offset_one(ref_days(2024, 6, 1), 0, dt::Roll::nat, cal) == kNaT);
  REQUIRE_THROWS_WITH(dt::busday_offset_one(ref_days(2024, 6, 1), 0, dt::Roll::raise, cal),
                      "Non-business day date in busday_offset");
  REQUIRE_THROWS_WITH(dt::parse_roll("sideways"), "Invalid business day roll parameter \"sideways\"");
  bool mask[7];
  dt::parse_weekmask("Mon Tue SatSun", mask);
  REQUIRE((mask[0] && mask[1] && !mask[2] && mask[5] && mask[6]));
  REQUIRE_THROWS_WITH(dt::parse_weekmask("Mon Tux", mask), "Invalid business day weekmask string \"Mon Tux\"");

  // The C ABI: counts of a year, errors as status + message.
  Handle begin, end, r;
  from_values(begin, "M8[D]", {ref_days(2024, 1, 1)});
  from_values(end, "M8[D]", {ref_days(2025, 1, 1)});
  REQUIRE(cnp_busday_count(begin, end, 0x1F, nullptr, nullptr, r.out()) == CNP_OK);
  REQUIRE(values(r)[0] == 262);
  REQUIRE(cnp_busday_count(begin, end, 0, nullptr, nullptr, r.out()) == CNP_ERR_VALUE);
  from_values(end, "M8[D]", {kNaT});
  REQUIRE(cnp_busday_count(begin, end, 0x1F, nullptr, nullptr, r.out()) == CNP_ERR_VALUE);
  REQUIRE(std::string(cnp_last_error()) == "Cannot compute a business day count with a NaT (not-a-time) date");
  int32_t bits = 0;
  REQUIRE(cnp_busday_weekmask("0000011", &bits) == CNP_OK);
  REQUIRE(bits == 0x60);
}
