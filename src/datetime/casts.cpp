// Datetime casts (casts.hpp), registered under kOpCast by register_datetime.
#include "datetime/casts.hpp"

#include <atomic>
#include <cstring>
#include <memory>
#include <string>

#include "core/cast_any.hpp"
#include "core/error.hpp"
#include "core/iter.hpp"
#include "core/loop_registry.hpp"
#include "datetime/calendar.hpp"
#include "datetime/format.hpp"
#include "datetime/parse.hpp"
#include "datetime/split.hpp"
#include "datetime/units.hpp"

namespace cnp {
void register_datetime_casts(LoopRegistry& r);
}

namespace cnp::dt {

namespace {

inline int64_t load64(const char* p, bool swapped) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return static_cast<int64_t>(swapped ? __builtin_bswap64(v) : v);
}
inline void store64(char* p, int64_t v, bool swapped) {
  uint64_t u = static_cast<uint64_t>(v);
  if (swapped) u = __builtin_bswap64(u);
  std::memcpy(p, &u, 8);
}

// One text element as ASCII-ish bytes for the parser: S as is, U narrowed (code points above
// 0x7f become 0x7f so they fail as an unparsable character). Returns the length (up to NUL).
inline size_t narrow(const Dtype* d, const char* src, char* buf, size_t cap) {
  if (d->kind == 'S') {
    const size_t n = static_cast<size_t>(d->itemsize) < cap ? static_cast<size_t>(d->itemsize) : cap;
    size_t k = 0;
    while (k < n && src[k]) {
      buf[k] = src[k];
      ++k;
    }
    return k;
  }
  const size_t nch = static_cast<size_t>(d->itemsize / 4);
  size_t k = 0;
  for (; k < nch && k < cap; ++k) {
    uint32_t c;
    std::memcpy(&c, src + 4 * k, 4);
    if (d->swapped) c = __builtin_bswap32(c);
    if (c == 0) break;
    buf[k] = c < 0x80 ? static_cast<char>(c) : static_cast<char>(0x7f);
  }
  return k;
}

// Strings longer than this are parse errors anyway (the longest valid text is ~70 characters
// plus blanks); keep the whole text for the error message up to a generous bound.
constexpr size_t kTextCap = 4096;

AnyCastLoop text_to_datetime(const Dtype* from, const Dtype* to) {
  DtypeRef keep_from = DtypeRef::borrow(from), keep_to = DtypeRef::borrow(to);
  if (to->kind == 'm') {
    // NumPy reads a string as an integer count of the timedelta's unit with C's strtol: leading
    // blanks and a sign, saturating at the int64 range, nothing after the digits (so "5 " is
    // refused but " 5" is not); "" and any-case "nat" are NaT.
    return [from, to, keep_from, keep_to](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
      for (int64_t i = 0; i < n; ++i) {
        std::string t = element_text(from, s + i * ss);
        int64_t v;
        if (t.empty() || (t.size() == 3 && (t[0] | 0x20) == 'n' && (t[1] | 0x20) == 'a' && (t[2] | 0x20) == 't')) {
          v = kNaT;
        } else {
          size_t a = 0;
          while (a < t.size() && (t[a] == ' ' || (t[a] >= '\t' && t[a] <= '\r'))) ++a;
          const bool neg = a < t.size() && t[a] == '-';
          if (a < t.size() && (t[a] == '-' || t[a] == '+')) ++a;
          bool ok = a < t.size();
          __int128 acc = 0;
          for (size_t j = a; ok && j < t.size(); ++j) {
            ok = t[j] >= '0' && t[j] <= '9';
            if (acc <= static_cast<__int128>(INT64_MAX) + 1) acc = acc * 10 + (t[j] - '0');  // then saturated
          }
          if (!ok) throw_value("Could not convert object to NumPy timedelta");
          if (neg) acc = -acc;
          v = acc > INT64_MAX ? INT64_MAX : acc < INT64_MIN ? INT64_MIN : static_cast<int64_t>(acc);
        }
        store64(d + i * ds, v, to->swapped);
      }
    };
  }
  return [from, to, keep_from, keep_to](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
    std::atomic<bool> tz{false};
    split_run(n, [&](int64_t b, int64_t e) {
      char buf[kTextCap];
      bool part_tz = false;
      for (int64_t i = b; i < e; ++i) {
        const size_t len = narrow(from, s + i * ss, buf, kTextCap);
        store64(d + i * ds, parse_to_value(buf, len, to->unit, to->unit_count, &part_tz), to->swapped);
      }
      if (part_tz) tz = true;
    });
    if (tz) warn_timezone();
  };
}

void format_range(const Dtype* from, const Dtype* to, const char* s, int64_t ss, char* d, int64_t ds, int64_t b,
                  int64_t e);

AnyCastLoop datetime_to_text(const Dtype* from, const Dtype* to) {
  DtypeRef keep_from = DtypeRef::borrow(from), keep_to = DtypeRef::borrow(to);
  return [from, to, keep_from, keep_to](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
    split_run(n, [&](int64_t b, int64_t e) { format_range(from, to, s, ss, d, ds, b, e); });
  };
}

// Datetimes [b, e) as ISO text into S/U elements.
void format_range(const Dtype* from, const Dtype* to, const char* s, int64_t ss, char* d, int64_t ds, int64_t b,
                  int64_t e) {
  {
    char buf[kMaxIsoLen];
    const size_t w = to->kind == 'U' ? static_cast<size_t>(to->itemsize / 4) : static_cast<size_t>(to->itemsize);
    for (int64_t i = b; i < e; ++i) {
      const size_t len = format_value(load64(s + i * ss, from->swapped), from->unit, from->unit_count, buf);
      if (len > w)
        throw Error(CNP_ERR_RUNTIME, "The string provided for NumPy ISO datetime formatting was too short, with length " +
                                         std::to_string(w));
      char* o = d + i * ds;
      if (to->kind == 'S') {
        std::memcpy(o, buf, len);
        std::memset(o + len, 0, static_cast<size_t>(to->itemsize) - len);
      } else {
        for (size_t k = 0; k < len; ++k) {
          uint32_t c = static_cast<unsigned char>(buf[k]);
          if (to->swapped) c = __builtin_bswap32(c);
          std::memcpy(o + 4 * k, &c, 4);
        }
        std::memset(o + 4 * len, 0, static_cast<size_t>(to->itemsize) - 4 * len);
      }
    }
  }
}

// NumPy's strided cast by a rational factor: floor(v * num / den) in int64 arithmetic (wrapping).
inline int64_t apply_factor(int64_t v, Factor f) {
  const int64_t p = static_cast<int64_t>(static_cast<uint64_t>(v) * static_cast<uint64_t>(f.num));
  if (f.den == 1) return p;
  if (v < 0) return static_cast<int64_t>(static_cast<uint64_t>(p) - static_cast<uint64_t>(f.den - 1)) / f.den;
  return p / f.den;
}

// Per-element units NumPy treats through the calendar: datetimes with Y or M on either side.
bool through_calendar(const Dtype* from, const Dtype* to) {
  return from->kind == 'M' && from->unit != kUnitGeneric && to->unit != kUnitGeneric &&
         (from->unit <= kUnitM || to->unit <= kUnitM) && !(from->unit == to->unit);
}

// Units finer than a day per day, for the fast linear -> M/Y path (0: not a whole-day multiple).
int64_t per_day(int32_t unit) {
  switch (unit) {
    case kUnitD: return 1;
    case kUnith: return 24;
    case kUnitm: return 1440;
    case kUnits: return 86400;
    case kUnitms: return 86400000LL;
    case kUnitus: return 86400000000LL;
    case kUnitns: return 86400000000000LL;
    default: return 0;
  }
}

template <int64_t PD>
void linear_to_months(const int64_t* src, int64_t* dst, int64_t n, int64_t from_count, bool years, int64_t to_count) {
  for (int64_t i = 0; i < n; ++i) {
    int64_t v = src[i];
    if (v == kNaT) {
      dst[i] = kNaT;
      continue;
    }
    v = static_cast<int64_t>(static_cast<uint64_t>(v) * static_cast<uint64_t>(from_count));
    const int64_t days = PD == 1 ? v : floor_div(v, PD);  // PD constant: multiply-shift
    int64_t y;
    int32_t m, d;
    ymd_from_days(days, &y, &m, &d);
    int64_t r = years ? y - 1970 : static_cast<int64_t>(static_cast<uint64_t>(y - 1970) * 12u) + (m - 1);
    if (to_count > 1) r = r >= 0 ? r / to_count : (r - to_count + 1) / to_count;
    dst[i] = r;
  }
}

}  // namespace

void convert_values(const int64_t* src, int64_t* dst, int64_t n, const Dtype* from, const Dtype* to) {
  if (from->unit == kUnitGeneric || to->unit == kUnitGeneric || from->kind != to->kind) {
    std::memmove(dst, src, static_cast<size_t>(n) * 8);
    return;
  }
  if (!through_calendar(from, to)) {
    const Factor f = conversion_factor(from->unit, from->unit_count, to->unit, to->unit_count);
    for (int64_t i = 0; i < n; ++i) dst[i] = src[i] == kNaT ? kNaT : apply_factor(src[i], f);
    return;
  }
  if (to->unit <= kUnitM && from->unit > kUnitM) {
    const bool years = to->unit == kUnitY;
    switch (from->unit) {
      case kUnitD: return linear_to_months<1>(src, dst, n, from->unit_count, years, to->unit_count);
      case kUnith: return linear_to_months<24>(src, dst, n, from->unit_count, years, to->unit_count);
      case kUnitm: return linear_to_months<1440>(src, dst, n, from->unit_count, years, to->unit_count);
      case kUnits: return linear_to_months<86400>(src, dst, n, from->unit_count, years, to->unit_count);
      case kUnitms: return linear_to_months<86400000LL>(src, dst, n, from->unit_count, years, to->unit_count);
      case kUnitus: return linear_to_months<86400000000LL>(src, dst, n, from->unit_count, years, to->unit_count);
      case kUnitns: return linear_to_months<86400000000000LL>(src, dst, n, from->unit_count, years, to->unit_count);
      default: break;
    }
  }
  (void)per_day;
  for (int64_t i = 0; i < n; ++i) {
    DateTimeStruct s;
    value_to_struct(src[i], from->unit, from->unit_count, &s);
    dst[i] = struct_to_value(s, to->unit, to->unit_count);
  }
}

namespace {

void convert_range(const Dtype* from, const Dtype* to, const char* s, int64_t ss, char* d, int64_t ds, int64_t lo,
                   int64_t hi);

AnyCastLoop time_to_time(const Dtype* from, const Dtype* to) {
  DtypeRef keep_from = DtypeRef::borrow(from), keep_to = DtypeRef::borrow(to);
  // Validate the factor now (NumPy raises its OverflowError when the cast is set up, also for
  // the casts it then runs through the calendar).
  if (from->kind == to->kind && from->unit != kUnitGeneric && to->unit != kUnitGeneric)
    (void)conversion_factor(from->unit, from->unit_count, to->unit, to->unit_count);
  return [from, to, keep_from, keep_to](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
    split_run(n, [&](int64_t lo, int64_t hi) { convert_range(from, to, s, ss, d, ds, lo, hi); });
  };
}

// Values [lo, hi) between datetime/timedelta descriptors, in chunks of native int64.
void convert_range(const Dtype* from, const Dtype* to, const char* s, int64_t ss, char* d, int64_t ds, int64_t lo,
                   int64_t hi) {
  {
    constexpr int64_t kChunk = 512;
    int64_t a[kChunk], b[kChunk];
    for (int64_t i0 = lo; i0 < hi; i0 += kChunk) {
      const int64_t m = hi - i0 < kChunk ? hi - i0 : kChunk;
      const bool direct_in = ss == 8 && !from->swapped, direct_out = ds == 8 && !to->swapped;
      const int64_t* in = a;
      if (direct_in) {
        in = reinterpret_cast<const int64_t*>(s + i0 * ss);  // may be unaligned: copy then
        if (reinterpret_cast<uintptr_t>(in) % alignof(int64_t) != 0) {
          std::memcpy(a, in, static_cast<size_t>(m) * 8);
          in = a;
        }
      } else {
        for (int64_t k = 0; k < m; ++k) a[k] = load64(s + (i0 + k) * ss, from->swapped);
      }
      int64_t* out = b;
      if (direct_out && reinterpret_cast<uintptr_t>(d + i0 * ds) % alignof(int64_t) == 0)
        out = reinterpret_cast<int64_t*>(d + i0 * ds);
      convert_values(in, out, m, from, to);
      if (out == b)
        for (int64_t k = 0; k < m; ++k) store64(d + (i0 + k) * ds, b[k], to->swapped);
    }
  }
}

}  // namespace

DtypeRef infer_text_datetime(const Array& text) {
  const Dtype* d = text.dtype();
  DtypeRef best = make_datetime('M', kUnitGeneric, 1);
  const int32_t nd = text.ndim();
  const Array* ops[1] = {&text};
  int32_t perm[kMaxDims];
  for (int32_t i = 0; i < nd; ++i) perm[i] = i;
  if (text.size() == 0) return best;
  NdIter it;
  it.init(1, ops, nd, text.shape(), perm);
  char buf[kTextCap];
  bool tz = false;
  it.for_range(0, it.size(), [&](char* const* ptrs, const int64_t* strides, int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
      const size_t len = narrow(d, ptrs[0] + i * strides[0], buf, kTextCap);
      Parsed p;
      parse_iso8601(buf, len, -1, CNP_CASTING_UNSAFE, &p);
      tz |= p.timezone;
      if (p.bestunit == kUnitGeneric) continue;
      DtypeRef u = make_datetime('M', p.bestunit, 1);
      best = promote_times(best.get(), u.get());
    }
  });
  if (tz) warn_timezone();
  return best;
}

}  // namespace cnp::dt

namespace cnp {

void register_datetime_casts(LoopRegistry& r) {
  using C = DClass;
  static constexpr CastMaker kTextTime = &dt::text_to_datetime, kTimeText = &dt::datetime_to_text,
                                 kTimeTime = &dt::time_to_time;
  auto add = [&](const char* name, const CastMaker* maker, C f, C t) { add_cast_method(r, name, maker, f, t); };
  for (C t : {C::bytes, C::unicode}) {
    add("text_to_datetime", &kTextTime, t, C::datetime);
    add("text_to_timedelta", &kTextTime, t, C::timedelta);
    add("datetime_to_text", &kTimeText, C::datetime, t);
  }
  for (C f : {C::datetime, C::timedelta})
    for (C t : {C::datetime, C::timedelta}) add("time_to_time", &kTimeTime, f, t);
}

}  // namespace cnp
