// Business days (busday.hpp), NumPy 1.24's algorithms: whole weeks at once, the holidays crossed
// found by binary search, single days stepped only for the rest of a week. busday_count counts
// [begin, end) and, for begin > end, minus the count of [end, begin) (NumPy 1.24, before gh-23197).
#include "datetime/busday.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/broadcast.hpp"
#include "core/cast.hpp"
#include "core/cast_any.hpp"
#include "core/creation.hpp"
#include "core/error.hpp"
#include "core/iter.hpp"
#include "datetime/calendar.hpp"
#include "datetime/split.hpp"
#include "datetime/units.hpp"

namespace cnp::dt {

namespace {

inline int dow(int64_t date) {  // 1970-01-05 was a Monday (0)
  int d = static_cast<int>((date - 4) % 7);
  return d < 0 ? d + 7 : d;
}

using It = std::vector<int64_t>::const_iterator;
inline bool holiday_in(int64_t date, It b, It e) { return std::binary_search(b, e, date); }
inline It on_or_after(int64_t date, It b, It e) { return std::lower_bound(b, e, date); }
inline It after(int64_t date, It b, It e) { return std::upper_bound(b, e, date); }

inline int32_t month_of(int64_t days) {
  int64_t y;
  int32_t m, d;
  ymd_from_days(days, &y, &m, &d);
  return m;
}

// Rolls date onto a business day; returns false for NaT output.
int64_t roll_date(int64_t date, int* day, Roll roll, const BusdayCal& cal) {
  const It hb = cal.holidays.begin(), he = cal.holidays.end();
  if (date == kNaT) {
    if (roll == Roll::raise) throw_value("NaT input in busday_offset");
    return kNaT;
  }
  int d = dow(date);
  auto busy = [&](int64_t x, int w) { return cal.weekmask[w] && !holiday_in(x, hb, he); };
  if (!busy(date, d)) {
    const int64_t start = date;
    const int start_d = d;
    auto forward = [&] {
      do {
        ++date;
        if (++d == 7) d = 0;
      } while (!busy(date, d));
    };
    auto backward = [&] {
      do {
        --date;
        if (--d == -1) d = 6;
      } while (!busy(date, d));
    };
    switch (roll) {
      case Roll::following:
      case Roll::modifiedfollowing:
        forward();
        if (roll == Roll::modifiedfollowing && month_of(start) != month_of(date)) {
          date = start;
          d = start_d;
          backward();
        }
        break;
      case Roll::preceding:
      case Roll::modifiedpreceding:
        backward();
        if (roll == Roll::modifiedpreceding && month_of(start) != month_of(date)) {
          date = start;
          d = start_d;
          forward();
        }
        break;
      case Roll::nat: return kNaT;
      case Roll::raise: throw_value("Non-business day date in busday_offset");
    }
  }
  *day = d;
  return date;
}

// Busdays among the first k (0..6) days of a week starting on weekday d.
struct PartialWeeks {
  int32_t n[7][7];
  explicit PartialWeeks(const bool* wm) {
    for (int d = 0; d < 7; ++d) {
      n[d][0] = 0;
      for (int k = 1; k < 7; ++k) n[d][k] = n[d][k - 1] + (wm[(d + k - 1) % 7] ? 1 : 0);
    }
  }
};

int64_t count_with(int64_t begin, int64_t end, const BusdayCal& cal, const PartialWeeks& pw) {
  if (begin == kNaT || end == kNaT) throw_value("Cannot compute a business day count with a NaT (not-a-time) date");
  if (begin == end) return 0;
  bool swapped = false;
  if (begin > end) {
    std::swap(begin, end);
    swapped = true;
  }
  int64_t count = 0;
  // Holidays in [begin, end): two binary searches, skipped when the range misses them all.
  if (!cal.holidays.empty() && end > cal.holidays.front() && begin <= cal.holidays.back()) {
    const It hb = on_or_after(begin, cal.holidays.begin(), cal.holidays.end());
    const It he = on_or_after(end, hb, cal.holidays.end());
    count = -(he - hb);
  }
  const int64_t whole = (end - begin) / 7;
  count += whole * cal.busdays;
  begin += whole * 7;
  if (begin < end) count += pw.n[dow(begin)][end - begin];
  return swapped ? -count : count;
}

const Dtype* day_dtype() {
  static const DtypeRef d = make_datetime('M', kUnitD, 1);
  return d.get();
}

// The operand as dtype `to`, cast under 'safe' with NumPy's iterator message.
Array operand(const Array& a, const Dtype* to, int index) {
  if (dtype_equal(a.dtype(), to)) return a;
  if (!can_cast(a.dtype(), to, CNP_CASTING_SAFE)) {
    // Offsets go through NumPy's PyArray_FromAny, dates through its iterator: two wordings.
    if (!is_datetime(to))
      throw_type("Cannot cast array data from " + dtype_repr(a.dtype()) + " to " + dtype_repr(to) +
                 " according to the rule 'safe'");
    throw_type("Iterator operand " + std::to_string(index) + " dtype could not be cast from " + dtype_repr(a.dtype()) +
               " to " + dtype_repr(to) + " according to the rule 'safe'");
  }
  return cast_copy(a, to, CNP_ORDER_K);
}

// Runs f over the broadcast of the inputs into a new array of `out_dtype` (or into out).
template <class F>
Array run(const Array* const* ins, int nin, const Dtype* out_dtype, Array* out, F f) {
  const Array* all[4];
  for (int i = 0; i < nin; ++i) all[i] = ins[i];
  int nall = nin;
  if (out) all[nall++] = out;
  int64_t shape[kMaxDims];
  const int32_t nd = broadcast_shape(nall, all, shape, BroadcastError::Ufunc);
  Array result = Array::allocate(out_dtype, nd, shape, CNP_ORDER_C);
  const Array* ops[4];
  for (int i = 0; i < nin; ++i) ops[i] = ins[i];
  ops[nin] = &result;
  int32_t perm[kMaxDims];
  for (int32_t d = 0; d < nd; ++d) perm[d] = d;
  NdIter it;
  it.init(nin + 1, ops, nd, shape, perm);
  split_run(it.size(), [&](int64_t b, int64_t e) {
    it.for_range(b, e, [&](char* const* p, const int64_t* s, int64_t n) { f(p, s, n); });
  });
  if (out) {
    if (!out->writeable()) throw_value("output array is read-only");
    bool same = out->ndim() == nd;
    for (int32_t d = 0; same && d < nd; ++d) same = out->shape(d) == shape[d];
    if (!same || !dtype_equal(out->dtype(), out_dtype))
      assign(*out, result, CNP_CASTING_SAME_KIND, nullptr);
    else
      assign(*out, result, CNP_CASTING_UNSAFE, nullptr);
    return *out;
  }
  return result;
}

inline int64_t ld(const char* p) {
  int64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline void st(char* p, int64_t v) { std::memcpy(p, &v, 8); }

}  // namespace

Roll parse_roll(const std::string& s) {
  if (s == "raise") return Roll::raise;
  if (s == "nat") return Roll::nat;
  if (s == "forward" || s == "following") return Roll::following;
  if (s == "backward" || s == "preceding") return Roll::preceding;
  if (s == "modifiedfollowing") return Roll::modifiedfollowing;
  if (s == "modifiedpreceding") return Roll::modifiedpreceding;
  throw_value("Invalid business day roll parameter \"" + s + "\"");
}

void parse_weekmask(const std::string& s, bool out[7]) {
  const size_t len = s.size();
  if (len == 7 && std::all_of(s.begin(), s.end(), [](char c) { return c == '0' || c == '1'; })) {
    for (int i = 0; i < 7; ++i) out[i] = s[static_cast<size_t>(i)] == '1';
    return;
  }
  static const char* names[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  std::fill(out, out + 7, false);
  auto invalid = [&]() { throw_value("Invalid business day weekmask string \"" + s + "\""); };
  for (size_t i = 0; i < len; i += 3) {
    while (i < len && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i == len) return;
    if (i + 2 >= len) invalid();
    int found = -1;
    for (int d = 0; d < 7; ++d)
      if (s.compare(i, 3, names[d]) == 0) found = d;
    if (found < 0) invalid();
    out[found] = true;
  }
}

BusdayCal make_calendar(const bool weekmask[7], const int64_t* holidays, int64_t nholidays, bool for_calendar) {
  BusdayCal c;
  c.busdays = 0;
  for (int i = 0; i < 7; ++i) {
    c.weekmask[i] = weekmask[i];
    c.busdays += weekmask[i] ? 1 : 0;
  }
  if (c.busdays == 0)
    throw_value(for_calendar ? "Cannot construct a numpy.busdaycal with a weekmask of all zeros"
                             : "the business day weekmask must have at least one valid business day");
  std::vector<int64_t> h(holidays, holidays + nholidays);
  std::sort(h.begin(), h.end());
  int64_t last = kNaT;
  for (int64_t d : h) {
    if (d == kNaT || d == last) continue;
    if (c.weekmask[dow(d)]) {
      c.holidays.push_back(d);
      last = d;
    }
  }
  return c;
}

int64_t busday_offset_one(int64_t date, int64_t offset, Roll roll, const BusdayCal& cal) {
  int d = 0;
  date = roll_date(date, &d, roll, cal);
  if (date == kNaT) return kNaT;
  It hb = cal.holidays.begin(), he = cal.holidays.end();
  const int32_t bw = cal.busdays;
  if (offset > 0) {
    hb = on_or_after(date, hb, he);
    date += (offset / bw) * 7;
    offset %= bw;
    const It t = after(date, hb, he);
    offset += t - hb;
    hb = t;
    while (offset > 0) {
      ++date;
      if (++d == 7) d = 0;
      if (cal.weekmask[d] && !holiday_in(date, hb, he)) --offset;
    }
  } else if (offset < 0) {
    he = after(date, hb, he);
    date += (offset / bw) * 7;
    offset %= bw;
    const It t = on_or_after(date, hb, he);
    offset -= he - t;
    he = t;
    while (offset < 0) {
      --date;
      if (--d == -1) d = 6;
      if (cal.weekmask[d] && !holiday_in(date, hb, he)) ++offset;
    }
  }
  return date;
}

int64_t busday_count_one(int64_t begin, int64_t end, const BusdayCal& cal) {
  const PartialWeeks pw(cal.weekmask);
  return count_with(begin, end, cal, pw);
}

bool is_busday_one(int64_t date, const BusdayCal& cal) {
  if (date == kNaT) return false;
  return cal.weekmask[dow(date)] && !holiday_in(date, cal.holidays.begin(), cal.holidays.end());
}

Array busday_offset(const Array& dates, const Array& offsets, Roll roll, const BusdayCal& cal, Array* out) {
  const Array a = operand(dates, day_dtype(), 0), b = operand(offsets, builtin_dtype(CNP_INT64), 1);
  const Array* ins[2] = {&a, &b};
  return run(ins, 2, day_dtype(), out, [&](char* const* p, const int64_t* s, int64_t n) {
    for (int64_t i = 0; i < n; ++i) st(p[2] + i * s[2], busday_offset_one(ld(p[0] + i * s[0]), ld(p[1] + i * s[1]), roll, cal));
  });
}

Array busday_count(const Array& begin, const Array& end, const BusdayCal& cal, Array* out) {
  const Array a = operand(begin, day_dtype(), 0), b = operand(end, day_dtype(), 1);
  const Array* ins[2] = {&a, &b};
  const PartialWeeks pw(cal.weekmask);
  return run(ins, 2, builtin_dtype(CNP_INT64), out, [&](char* const* p, const int64_t* s, int64_t n) {
    for (int64_t i = 0; i < n; ++i) st(p[2] + i * s[2], count_with(ld(p[0] + i * s[0]), ld(p[1] + i * s[1]), cal, pw));
  });
}

Array is_busday(const Array& dates, const BusdayCal& cal, Array* out) {
  const Array a = operand(dates, day_dtype(), 0);
  const Array* ins[1] = {&a};
  return run(ins, 1, builtin_dtype(CNP_BOOL), out, [&](char* const* p, const int64_t* s, int64_t n) {
    for (int64_t i = 0; i < n; ++i) p[1][i * s[1]] = static_cast<char>(is_busday_one(ld(p[0] + i * s[0]), cal));
  });
}

}  // namespace cnp::dt
