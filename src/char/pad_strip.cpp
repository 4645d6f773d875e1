// strip/lstrip/rstrip, center/ljust/rjust, zfill, expandtabs with Python's str/bytes rules and
// NumPy's result widths (padding: the largest requested width; expandtabs: the longest result).
#include <algorithm>

#include "char/char.hpp"
#include "char/chars.hpp"
#include "core/dtype.hpp"

namespace cnp::chr {

namespace {

constexpr const char* kIntMessage = "'%s' object cannot be interpreted as an integer";

// An integer argument whose non-integer values Python's method rejects with kIntMessage.
Array width_array(const Array& w) {
  // NumPy takes max(width) before any element is padded: an empty width fails there first.
  if (w.size() == 0) throw Error(CNP_ERR_VALUE, "zero-size array to reduction operation maximum which has no identity");
  const Dtype* d = w.dtype();
  if (d->kind != 'i' && d->kind != 'u') {
    std::string m = kIntMessage;
    m.replace(m.find("%s"), 2, scalar_type_name(d));
    throw Error(CNP_ERR_TYPE, m);
  }
  return int_array(w, "");
}

// NumPy's output width for the padding functions: int(max(width)), an empty array refused by
// max, a negative one by the allocation (NumPy's MemoryError text), 0 as NumPy's U0 -> U1.
int64_t max_width(const Array& w, const Array& a, const Shape& s) {
  if (w.size() == 0) throw Error(CNP_ERR_VALUE, "zero-size array to reduction operation maximum which has no identity");
  int64_t m = INT64_MIN;
  const Shape ws = broadcast_of({&w});
  for_each_element({&w}, ws, [&](char* const* p, Scratch&) { m = std::max(m, get_int(p[0])); }, false);
  if (m < 0) {
    const bool u = a.dtype()->kind == 'U';
    const std::string dt = std::string(u ? "<U" : "|S") + std::to_string(m);
    throw Error(CNP_ERR_MEMORY, "Unable to allocate " + std::to_string(m * (u ? 4 : 1) * s.size()) +
                                    " bytes for an array with shape " + shape_str(s.nd, s.dims) +
                                    " and data type " + dt);
  }
  return m == 0 ? 1 : m;
}

template <bool U>
bool strip_char(char32_t c, const Text* set) {
  if (!set) return Chars<U>::space(c);
  return set->find(c) != Text::npos;
}

}  // namespace

Array strip(const Array& a, const Array* chars, Side side) {
  string_array(a);
  const char* name = side == Side::both ? "strip" : side == Side::left ? "lstrip" : "rstrip";
  if (chars) {
    std::string m = std::string(name) + " arg must be None or str";
    if (a.dtype()->kind == 'S') m = "a bytes-like object is required, not '%s'";
    check_str_arg(a, *chars, m.c_str());
  }
  const Shape s = chars ? broadcast_of({&a, chars}) : broadcast_of({&a});
  Array out = new_output(a.dtype(), s);
  const Layout la = layout_of(a.dtype());
  const ArgReader rc = chars ? ArgReader(a, *chars) : ArgReader();
  const Array* second = chars ? chars : &a;
  for_each_element({&a, second, &out}, s, [&](char* const* p, Scratch& sc) {
    Text &t = sc.t[0], &set = sc.t[1];
    load(p[0], la, t);
    if (chars) rc(p[1], set);
    const Text* cs = chars ? &set : nullptr;
    size_t b = 0, e = t.size();
    auto hit = [&](char32_t c) { return la.unicode ? strip_char<true>(c, cs) : strip_char<false>(c, cs); };
    if (side != Side::right)
      while (b < e && hit(t[b])) ++b;
    if (side != Side::left)
      while (e > b && hit(t[e - 1])) --e;
    store(p[2], la, t.data() + b, e - b);
  });
  return out;
}

Array justify(const Array& a, const Array& width_in, const Array& fill, Side side) {
  string_array(a);
  const bool u = a.dtype()->kind == 'U';
  const char* name = side == Side::both ? "center" : side == Side::left ? "ljust" : "rjust";
  const Array width = width_array(width_in);
  if (u) check_str_arg(a, fill, "The fill character must be a unicode character, not %s");
  else check_str_arg(a, fill, (std::string(name) + "() argument 2 must be a byte string of length 1, not %s").c_str());
  const Shape s = broadcast_of({&a, &width, &fill});
  DtypeRef dt = string_dtype(u, max_width(width, a, s), '=');
  Array out = new_output(dt.get(), s);
  const Layout la = layout_of(a.dtype()), lo = layout_of(dt.get());
  const ArgReader rf(a, fill);
  const std::string fill_msg = u ? "The fill character must be exactly one character long"
                                 : std::string(name) + "() argument 2 must be a byte string of length 1, not numpy.bytes_";
  for_each_element({&a, &width, &fill, &out}, s, [&](char* const* p, Scratch& sc) {
    Text &t = sc.t[0], &f = sc.t[1], &r = sc.t[2];
    load(p[0], la, t);
    rf(p[2], f);
    if (f.size() != 1) throw Error(CNP_ERR_TYPE, fill_msg);
    const int64_t w = get_int(p[1]), len = static_cast<int64_t>(t.size());
    if (len >= w) return store(p[3], lo, t);
    const int64_t marg = w - len;
    int64_t left = side == Side::both ? marg / 2 + (marg & w & 1) : side == Side::left ? 0 : marg;
    r.assign(static_cast<size_t>(left), f[0]);
    r += t;
    r.append(static_cast<size_t>(marg - left), f[0]);
    store(p[3], lo, r);
  });
  return out;
}

Array zfill(const Array& a, const Array& width_in) {
  string_array(a);
  const Array width = width_array(width_in);
  const Shape s = broadcast_of({&a, &width});
  DtypeRef dt = string_dtype(a.dtype()->kind == 'U', max_width(width, a, s), '=');
  Array out = new_output(dt.get(), s);
  const Layout la = layout_of(a.dtype()), lo = layout_of(dt.get());
  for_each_element({&a, &width, &out}, s, [&](char* const* p, Scratch& sc) {
    Text &t = sc.t[0], &r = sc.t[1];
    load(p[0], la, t);
    const int64_t w = get_int(p[1]), len = static_cast<int64_t>(t.size());
    if (len >= w) return store(p[2], lo, t);
    const size_t fill = static_cast<size_t>(w - len);
    r.assign(fill, U'0');
    r += t;
    if (r[fill] == U'+' || r[fill] == U'-') {  // the sign moves in front of the zeros
      r[0] = r[fill];
      r[fill] = U'0';
    }
    store(p[2], lo, r);
  });
  return out;
}

Array expandtabs(const Array& a, const Array& tabsize_in) {
  string_array(a);
  const Array tabsize = tabsize_in.size() ? width_array(tabsize_in) : int_array(tabsize_in, "");
  const Shape s = broadcast_of({&a, &tabsize});
  const Layout la = layout_of(a.dtype());
  return collect({&a, &tabsize}, s, la.unicode, [&](char* const* p, Text& r, Scratch& sc) {
    Text &t = sc.t[0];
    load(p[0], la, t);
    const int64_t ts = get_int(p[1]);
    int64_t column = 0;
    for (char32_t c : t) {
      if (c == U'\t') {
        if (ts > 0) {
          const int64_t incr = ts - column % ts;
          r.append(static_cast<size_t>(incr), U' ');
          column += incr;
        }
      } else {
        r.push_back(c);
        ++column;
        if (c == U'\n' || c == U'\r') column = 0;
      }
    }
  });
}

}  // namespace cnp::chr
