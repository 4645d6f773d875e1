// Casts between any two descriptors. The builtin pairs keep the table of cast.cpp; byte-swapped
// sides go through a small native buffer (swap on load, swap on store), so every numeric pair is
// one table loop plus at most two swaps; the other kinds convert element by element.
#include "core/cast_any.hpp"

#include <charconv>
#include <cctype>
#include <cerrno>
#include <cinttypes>
#include <climits>
#include <cmath>
#include <cstring>
#include <utility>
#include <vector>

#include "core/cast.hpp"
#include "core/dtype.hpp"
#include "core/error.hpp"
#include "core/loop_registry.hpp"
#include "core/types.hpp"
#include "datetime/format.hpp"

namespace cnp {

namespace {

constexpr int64_t kChunk = 256;
constexpr int64_t kNaT = INT64_MIN;

// Reverses `width` bytes at each of n elements (one scalar per element).
void swap_run(char* p, int64_t stride, int64_t n, int64_t width) {
  switch (width) {
    case 2:
      for (int64_t i = 0; i < n; ++i, p += stride) {
        uint16_t v;
        std::memcpy(&v, p, 2);
        v = __builtin_bswap16(v);
        std::memcpy(p, &v, 2);
      }
      return;
    case 4:
      for (int64_t i = 0; i < n; ++i, p += stride) {
        uint32_t v;
        std::memcpy(&v, p, 4);
        v = __builtin_bswap32(v);
        std::memcpy(p, &v, 4);
      }
      return;
    case 8:
      for (int64_t i = 0; i < n; ++i, p += stride) {
        uint64_t v;
        std::memcpy(&v, p, 8);
        v = __builtin_bswap64(v);
        std::memcpy(p, &v, 8);
      }
      return;
    default:
      for (int64_t i = 0; i < n; ++i, p += stride)
        for (int64_t a = 0, b = width - 1; a < b; ++a, --b) std::swap(p[a], p[b]);
  }
}

// dst = byte-reversed src for contiguous runs of 8-byte scalars: the astype('>f8') hot loop.
void swap_copy8(const char* src, int64_t ss, char* dst, int64_t ds, int64_t n) {
  if (ss == 8 && ds == 8) {
    for (int64_t i = 0; i < n; ++i) {
      uint64_t v;
      std::memcpy(&v, src + 8 * i, 8);
      v = __builtin_bswap64(v);
      std::memcpy(dst + 8 * i, &v, 8);
    }
    return;
  }
  for (int64_t i = 0; i < n; ++i, src += ss, dst += ds) {
    uint64_t v;
    std::memcpy(&v, src, 8);
    v = __builtin_bswap64(v);
    std::memcpy(dst, &v, 8);
  }
}

void swap_copy4(const char* src, int64_t ss, char* dst, int64_t ds, int64_t n) {
  for (int64_t i = 0; i < n; ++i, src += ss, dst += ds) {
    uint32_t v;
    std::memcpy(&v, src, 4);
    v = __builtin_bswap32(v);
    std::memcpy(dst, &v, 4);
  }
}

int64_t scalar_width(const Dtype* d) {
  if (d->kind == 'c') return d->itemsize / 2;
  if (d->kind == 'U') return 4;
  return d->itemsize;
}

// ---- numbers ----------------------------------------------------------------------------------

// Python's repr of a double: shortest round-trip digits, scientific below 1e-4 and from 1e16.
std::string float_repr(double v, bool single, bool half) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  char buf[64];
  std::to_chars_result r;
  if (half || single) r = std::to_chars(buf, buf + sizeof buf, static_cast<float>(v), std::chars_format::scientific);
  else r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string sci(buf, r.ptr);
  if (half) {
    // float16: shortest digits that round-trip through binary16.
    for (int prec = 0; prec < 6; ++prec) {
      char b2[64];
      auto r2 = std::to_chars(b2, b2 + sizeof b2, v, std::chars_format::scientific, prec);
      std::string s(b2, r2.ptr);
      if (double_to_half(std::strtod(s.c_str(), nullptr)) == double_to_half(v)) {
        sci = s;
        break;
      }
    }
  }
  // sci is "d.ddde±XX": split into digits and exponent.
  size_t e = sci.find('e');
  std::string mant = sci.substr(0, e);
  int exp = std::atoi(sci.c_str() + e + 1);
  bool neg = mant[0] == '-';
  if (neg) mant.erase(0, 1);
  std::string digits;
  for (char c : mant)
    if (c != '.') digits += c;
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string out;
  if (exp < -4 || exp >= 16) {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += eb;
  } else if (exp < 0) {
    out = "0." + std::string(static_cast<size_t>(-exp - 1), '0') + digits;
  } else {
    if (static_cast<int>(digits.size()) <= exp + 1) out = digits + std::string(static_cast<size_t>(exp + 1 - digits.size()), '0') + ".0";
    else out = digits.substr(0, static_cast<size_t>(exp + 1)) + "." + digits.substr(static_cast<size_t>(exp + 1));
  }
  return neg ? "-" + out : out;
}

std::string complex_part(double v, bool single) {
  std::string s = float_repr(v, single, false);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);  // Python: (1+2j)
  return s;
}

}  // namespace

std::string number_text(const Dtype* d, const char* src) {
  return visit_type(d->typenum, [&](auto tag) -> std::string {
    using T = typename decltype(tag)::type;
    T v;
    std::memcpy(&v, src, sizeof(T));
    if constexpr (std::is_same_v<T, bool_t>) return v.v ? "True" : "False";
    else if constexpr (std::is_same_v<T, half_t>) return float_repr(half_to_float(v.bits), false, true);
    else if constexpr (std::is_same_v<T, float>) return float_repr(v, true, false);
    else if constexpr (std::is_same_v<T, double>) return float_repr(v, false, false);
    else if constexpr (is_complex_v<T>) {
      bool single = std::is_same_v<T, c64_t>;
      double re = v.real(), im = v.imag();
      std::string is = complex_part(im, single);
      if (re == 0 && !std::signbit(re)) return is + "j";
      std::string rs = complex_part(re, single);
      std::string sign = std::signbit(im) || std::isnan(im) ? "" : "+";
      if (std::isnan(im)) sign = "+";
      return "(" + rs + sign + is + "j)";
    } else {
      return std::to_string(v);
    }
  });
}

std::string datetime_text(int64_t value, int32_t unit, int32_t count) {
  // The datetime module's ISO text (src/datetime/format.cpp).
  return dt::datetime_text(value, unit, count);
}

std::string timedelta_text(int64_t value, int32_t unit, int32_t count) {
  if (value == kNaT) return "NaT";
  static const char* names[] = {"years", "months", "weeks", "", "days", "hours", "minutes", "seconds",
                                "milliseconds", "microseconds", "nanoseconds", "picoseconds", "femtoseconds", "attoseconds"};
  __int128 v = static_cast<__int128>(value) * count;
  std::string n = std::to_string(static_cast<long long>(v));
  if (unit == kUnitGeneric) return n;
  return n + " " + names[unit];
}

// ---- text elements ----------------------------------------------------------------------------

std::string element_text(const Dtype* d, const char* src) {
  if (d->kind == 'S') {
    size_t n = static_cast<size_t>(d->itemsize);
    while (n > 0 && src[n - 1] == '\0') --n;
    return std::string(src, n);
  }
  int64_t nch = d->itemsize / 4;
  while (nch > 0) {
    uint32_t c;
    std::memcpy(&c, src + 4 * (nch - 1), 4);
    if (d->swapped) c = __builtin_bswap32(c);
    if (c) break;
    --nch;
  }
  std::string out;
  for (int64_t i = 0; i < nch; ++i) {
    uint32_t c;
    std::memcpy(&c, src + 4 * i, 4);
    if (d->swapped) c = __builtin_bswap32(c);
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x800) { out += static_cast<char>(0xC0 | (c >> 6)); out += static_cast<char>(0x80 | (c & 0x3F)); }
    else if (c < 0x10000) { out += static_cast<char>(0xE0 | (c >> 12)); out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)); out += static_cast<char>(0x80 | (c & 0x3F)); }
    else { out += static_cast<char>(0xF0 | (c >> 18)); out += static_cast<char>(0x80 | ((c >> 12) & 0x3F)); out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)); out += static_cast<char>(0x80 | (c & 0x3F)); }
  }
  return out;
}

void store_text(const Dtype* d, const std::string& s, char* dst) {
  std::memset(dst, 0, static_cast<size_t>(d->itemsize));
  if (d->kind == 'S') {
    for (size_t i = 0; i < s.size(); ++i)
      if (static_cast<unsigned char>(s[i]) >= 0x80)
        throw_value("'ascii' codec can't encode character in position " + std::to_string(i) + ": ordinal not in range(128)");
    std::memcpy(dst, s.data(), std::min<size_t>(s.size(), static_cast<size_t>(d->itemsize)));
    return;
  }
  int64_t cap = d->itemsize / 4, k = 0;
  for (size_t i = 0; i < s.size() && k < cap; ++k) {
    unsigned char c0 = static_cast<unsigned char>(s[i]);
    uint32_t c;
    int len = c0 < 0x80 ? 1 : c0 < 0xE0 ? 2 : c0 < 0xF0 ? 3 : 4;
    c = len == 1 ? c0 : len == 2 ? (c0 & 0x1F) : len == 3 ? (c0 & 0x0F) : (c0 & 0x07);
    for (int j = 1; j < len && i + static_cast<size_t>(j) < s.size(); ++j) c = (c << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(j)]) & 0x3F);
    i += static_cast<size_t>(len);
    if (d->swapped) c = __builtin_bswap32(c);
    std::memcpy(dst + 4 * k, &c, 4);
  }
}

void swap_copy_contiguous(const char* src, char* dst, int64_t n, int64_t width) {
  switch (width) {
    case 8: return swap_copy8(src, 8, dst, 8, n);
    case 4: return swap_copy4(src, 4, dst, 4, n);
    default:
      std::memcpy(dst, src, static_cast<size_t>(n * width));
      swap_run(dst, width, n, width);
  }
}

void byteswap_inplace(char* p, int64_t stride, int64_t n, const Dtype* d) {
  if (is_record(d)) {
    for (const DtypeField& f : d->fields) byteswap_inplace(p + f.offset, stride, n, f.dtype);
    return;
  }
  if (is_subarray(d)) {
    int64_t count = d->itemsize / std::max<int64_t>(d->base->itemsize, 1);
    for (int64_t i = 0; i < n; ++i) byteswap_inplace(p + i * stride, d->base->itemsize, count, d->base);
    return;
  }
  if (d->kind == 'S' || d->kind == 'V' || d->itemsize <= 1) return;
  if (d->kind == 'U') {
    int64_t nch = d->itemsize / 4;
    for (int64_t i = 0; i < n; ++i) swap_run(p + i * stride, 4, nch, 4);
    return;
  }
  int64_t w = scalar_width(d);
  if (d->kind == 'c') {
    swap_run(p, stride, n, w);
    swap_run(p + w, stride, n, w);
    return;
  }
  swap_run(p, stride, n, w);
}

namespace {

int64_t load_i64(const char* p, bool swapped) {
  int64_t v;
  std::memcpy(&v, p, 8);
  return swapped ? static_cast<int64_t>(__builtin_bswap64(static_cast<uint64_t>(v))) : v;
}

std::string fk_text(const Dtype* d, int64_t v) {
  return d->kind == 'M' ? datetime_text(v, d->unit, d->unit_count) : timedelta_text(v, d->unit, d->unit_count);
}

std::string trim(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

// Text -> one native element of a builtin type, as NumPy parses (int(), float(), complex()).
void parse_number(const std::string& text, const Dtype* to, char* dst) {
  std::string t = trim(text);
  cnp_scalar s{};
  if (to->kind == 'b') {
    s.typenum = CNP_BOOL;
    s.value.i = !text.empty();
  } else if (is_integer(to)) {
    errno = 0;
    char* end = nullptr;
    std::string u;
    for (char c : t)
      if (c != '_') u += c;
    bool neg = !u.empty() && u[0] == '-';
    if (to->kind == 'u' && !neg) {
      unsigned long long v = std::strtoull(u.c_str(), &end, 10);
      if (u.empty() || *end || errno) throw_value("invalid literal for int() with base 10: " + py_repr(text));
      s.typenum = CNP_UINT64;
      s.value.u = v;
    } else {
      long long v = std::strtoll(u.c_str(), &end, 10);
      if (u.empty() || *end || errno) throw_value("invalid literal for int() with base 10: " + py_repr(text));
      s.typenum = CNP_INT64;
      s.value.i = v;
    }
  } else {
    char* end = nullptr;
    std::string lower;
    for (char c : t) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    double v = std::strtod(t.c_str(), &end);
    if (t.empty() || *end || lower.find("0x") != std::string::npos)
      throw_value(std::string(is_complex(to) ? "complex() arg is a malformed string" : "could not convert string to float: " + py_repr(text)));
    s.typenum = CNP_FLOAT64;
    s.value.f = v;
  }
  store_scalar(s, to, dst);
}

AnyCastLoop numeric_loop(const Dtype* from, const Dtype* to) {
  const Dtype* nf = builtin_dtype(from->typenum);
  const Dtype* nt = builtin_dtype(to->typenum);
  bool sf = from->swapped, st = to->swapped;
  if (from->typenum == to->typenum) {
    int64_t isz = from->itemsize;
    if (sf == st)
      return [isz](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
        if (ss == isz && ds == isz) return void(std::memcpy(d, s, static_cast<size_t>(n * isz)));
        for (int64_t i = 0; i < n; ++i) std::memcpy(d + i * ds, s + i * ss, static_cast<size_t>(isz));
      };
    if (isz == 8 && from->kind != 'c') return swap_copy8;
    if (isz == 4 && from->kind != 'c') return swap_copy4;
    return [isz, from](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
      for (int64_t i = 0; i < n; ++i) std::memcpy(d + i * ds, s + i * ss, static_cast<size_t>(isz));
      byteswap_inplace(d, ds, n, from);
    };
  }
  CastLoop loop = cast_loop(from->typenum, to->typenum);
  return [loop, nf, nt, sf, st, from, to](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
    alignas(16) char a[kChunk * 16];
    for (int64_t i = 0; i < n; i += kChunk) {
      int64_t m = std::min(kChunk, n - i);
      const char* src = s + i * ss;
      int64_t sst = ss;
      if (sf) {
        for (int64_t k = 0; k < m; ++k) std::memcpy(a + k * nf->itemsize, src + k * ss, static_cast<size_t>(nf->itemsize));
        byteswap_inplace(a, nf->itemsize, m, nf->kind == 'c' ? from : from);
        src = a;
        sst = nf->itemsize;
      }
      char* dst = d + i * ds;
      if (!st) {
        loop(src, sst, dst, ds, m);
      } else {
        alignas(16) char b[kChunk * 16];
        loop(src, sst, b, nt->itemsize, m);
        byteswap_inplace(b, nt->itemsize, m, to);
        for (int64_t k = 0; k < m; ++k) std::memcpy(dst + k * ds, b + k * nt->itemsize, static_cast<size_t>(nt->itemsize));
      }
    }
  };
}

// Element-wise loop from a per-element function.
template <class F>
AnyCastLoop each(F f) {
  return [f](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
    for (int64_t i = 0; i < n; ++i) f(s + i * ss, d + i * ds);
  };
}

// ---- the cast methods of the loop registry: one per pair of DType classes -------------------
using CastMaker = AnyCastLoop (*)(const Dtype* from, const Dtype* to);

AnyCastLoop copy_loop(int64_t isz) {
  return [isz](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) { copy_items(s, ss, d, ds, n, isz); };
}

// Records (field by field, by position), subarrays and plain void on either side.
AnyCastLoop void_cast(const Dtype* from, const Dtype* to) {
  DtypeRef keep_from = DtypeRef::borrow(from), keep_to = DtypeRef::borrow(to);
  if (is_record(from) && is_record(to)) {
    if (from->fields.size() != to->fields.size()) throw_value("structures must have the same size");
    std::vector<std::pair<int64_t, int64_t>> offs;
    std::vector<AnyCastLoop> loops;
    for (size_t i = 0; i < from->fields.size(); ++i) {
      offs.emplace_back(from->fields[i].offset, to->fields[i].offset);
      loops.push_back(any_cast_loop(from->fields[i].dtype, to->fields[i].dtype));
    }
    int64_t tsz = to->itemsize;
    return [offs, loops, tsz, keep_from, keep_to](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
      for (int64_t i = 0; i < n; ++i) std::memset(d + i * ds, 0, static_cast<size_t>(tsz));
      for (size_t k = 0; k < loops.size(); ++k) loops[k](s + offs[k].first, ss, d + offs[k].second, ds, n);
    };
  }
  if (is_record(to)) {
    std::vector<std::pair<int64_t, AnyCastLoop>> parts;
    for (const DtypeField& f : to->fields) parts.emplace_back(f.offset, any_cast_loop(from, f.dtype));
    int64_t tsz = to->itemsize;
    return [parts, tsz, keep_to](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
      for (int64_t i = 0; i < n; ++i) std::memset(d + i * ds, 0, static_cast<size_t>(tsz));
      for (const auto& p : parts) p.second(s, ss, d + p.first, ds, n);
    };
  }
  if (is_record(from)) {
    if (from->fields.size() != 1) throw_value("Can't cast from structure to non-structure, except if the structure only has a single field.");
    AnyCastLoop inner = any_cast_loop(from->fields[0].dtype, to);
    int64_t off = from->fields[0].offset;
    return [inner, off, keep_from](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) { inner(s + off, ss, d, ds, n); };
  }
  if (is_subarray(to)) {
    const Dtype* b = to->base;
    int64_t count = to->itemsize / std::max<int64_t>(b->itemsize, 1);
    bool same_shape = is_subarray(from) && from->sub_shape == to->sub_shape;
    AnyCastLoop inner = any_cast_loop(same_shape ? from->base : from, b);
    int64_t fstep = same_shape ? from->base->itemsize : 0, tstep = b->itemsize;
    if (is_subarray(from) && !same_shape) throw_value("cnumpy: casts between subarrays of different shapes are not supported");
    return [inner, count, fstep, tstep, keep_to, keep_from](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
      for (int64_t i = 0; i < n; ++i) inner(s + i * ss, fstep, d + i * ds, tstep, count);
    };
  }
  if (is_subarray(from)) {
    AnyCastLoop inner = any_cast_loop(from->base, to);  // NumPy takes the first element
    return [inner, keep_from](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) { inner(s, ss, d, ds, n); };
  }
  if (to->kind == 'V') {
    int64_t fsz = from->itemsize, tsz = to->itemsize;
    return [fsz, tsz](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
      for (int64_t i = 0; i < n; ++i) {
        std::memset(d + i * ds, 0, static_cast<size_t>(tsz));
        std::memcpy(d + i * ds, s + i * ss, static_cast<size_t>(std::min(fsz, tsz)));
      }
    };
  }
  throw_type("cnumpy: casting from " + from->repr + " to " + to->repr + " is not supported");
}

AnyCastLoop text_to_text(const Dtype* from, const Dtype* to) {
  DtypeRef keep_from = DtypeRef::borrow(from), keep_to = DtypeRef::borrow(to);
  return each([from, to, keep_from, keep_to](const char* s, char* d) { store_text(to, element_text(from, s), d); });
}

AnyCastLoop number_to_text(const Dtype* from, const Dtype* to) {
  DtypeRef keep_to = DtypeRef::borrow(to);
  const Dtype* nf = builtin_dtype(from->typenum);
  return each([from, to, nf, keep_to](const char* s, char* d) {
    alignas(16) char buf[16];
    std::memcpy(buf, s, static_cast<size_t>(from->itemsize));
    if (from->swapped) byteswap_inplace(buf, from->itemsize, 1, from);
    store_text(to, number_text(nf, buf), d);
  });
}

AnyCastLoop datetime_to_text(const Dtype* from, const Dtype* to) {
  DtypeRef keep_from = DtypeRef::borrow(from), keep_to = DtypeRef::borrow(to);
  return each([from, to, keep_from, keep_to](const char* s, char* d) {
    int64_t v = load_i64(s, from->swapped);
    store_text(to, fk_text(from, v), d);
  });
}

AnyCastLoop text_to_number(const Dtype* from, const Dtype* to) {
  DtypeRef keep_from = DtypeRef::borrow(from);
  const Dtype* nt = builtin_dtype(to->typenum);
  return each([from, to, nt, keep_from](const char* s, char* d) {
    alignas(16) char buf[16];
    parse_number(element_text(from, s), nt, buf);
    if (to->swapped) byteswap_inplace(buf, to->itemsize, 1, to);
    std::memcpy(d, buf, static_cast<size_t>(to->itemsize));
  });
}

AnyCastLoop number_to_datetime(const Dtype* from, const Dtype* to) {
  // Through int64 (NaN -> NaT like NumPy's unsafe cast).
  DtypeRef keep_to = DtypeRef::borrow(to);
  AnyCastLoop to_i64 = numeric_loop(from, builtin_dtype(CNP_INT64));
  return [to_i64, to, keep_to](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
    to_i64(s, ss, d, ds, n);
    if (to->swapped) byteswap_inplace(d, ds, n, to);
  };
}

AnyCastLoop datetime_to_number(const Dtype* from, const Dtype* to) {
  return numeric_loop(from->swapped ? swapped_builtin(CNP_INT64) : builtin_dtype(CNP_INT64), to);
}

// The resolved loop of a cast method: its AnyCastLoop as per-call data behind a strided loop.
void run_cast(char* const* args, const int64_t* s, int64_t n, const void* data) {
  (*static_cast<const AnyCastLoop*>(data))(args[0], s[0], args[1], s[1], n);
}

void resolve_cast(const Method& m, const Dtype* const* given, ResolvedLoop& r) {
  auto loop = std::make_shared<AnyCastLoop>((*static_cast<const CastMaker*>(m.data))(given[0], given[1]));
  r.fn = &run_cast;
  r.data = loop.get();
  r.per_call = std::move(loop);
  r.descrs[0] = DtypeRef::borrow(given[0]);
  r.descrs[1] = DtypeRef::borrow(given[1]);
}

}  // namespace

void register_casts(LoopRegistry& r) {
  using C = DClass;
  static constexpr CastMaker kNumeric = &numeric_loop, kVoid = &void_cast, kTextText = &text_to_text,
                             kNumberText = &number_to_text, kDatetimeText = &datetime_to_text,
                             kTextNumber = &text_to_number, kNumberDatetime = &number_to_datetime,
                             kDatetimeNumber = &datetime_to_number;
  const C text[] = {C::bytes, C::unicode}, times[] = {C::datetime, C::timedelta}, timedeltas[] = {C::timedelta}, number[] = {C::number},
          any[] = {C::any}, void_[] = {C::void_};
  auto add = [&](const char* name, const CastMaker* maker, auto& froms, auto& tos) {
    for (C f : froms)
      for (C t : tos) {
        Method m;
        m.name = name;
        m.nin = 1;
        m.nout = 1;
        m.sig[0] = f;
        m.sig[1] = t;
        m.resolve = &resolve_cast;
        m.data = maker;
        r.add(kOpCast, m);
      }
  };
  add("numeric_cast", &kNumeric, number, number);
  add("void_cast", &kVoid, void_, any);
  add("void_cast", &kVoid, any, void_);
  add("text_to_text", &kTextText, text, text);
  add("number_to_text", &kNumberText, number, text);
  add("timedelta_to_text", &kDatetimeText, timedeltas, text);  // datetimes: src/datetime/casts.cpp
  add("text_to_number", &kTextNumber, text, number);
  add("number_to_datetime", &kNumberDatetime, number, times);
  add("datetime_to_number", &kDatetimeNumber, times, number);
}

AnyCastLoop any_cast_loop(const Dtype* from, const Dtype* to) {
  // Equal descriptors copy bytes whatever their kind; otherwise the registry's cast method for
  // the two classes resolves the loop.
  if (!is_numeric(from) && (dtype_equal(from, to) || from->key == to->key)) return copy_loop(from->itemsize);
  const Dtype* given[2] = {from, to};
  const Method* m = loop_registry().find(kOpCast, given, 2);
  if (!m) throw_type("cnumpy: casting from " + from->repr + " to " + to->repr + " is not supported");
  ResolvedLoop r;
  m->resolve(*m, given, r);
  if (r.fn == &run_cast) return *static_cast<const AnyCastLoop*>(r.data);
  return [r](const char* s, int64_t ss, char* d, int64_t ds, int64_t n) {
    char* args[2] = {const_cast<char*>(s), d};
    const int64_t strides[2] = {ss, ds};
    r.fn(args, strides, n, r.data);
  };
}

}  // namespace cnp
