// partition/rpartition (NumPy: the 3-tuples as an array with a trailing axis of 3) and
// split/rsplit/splitlines (NumPy: an object array of lists; here the pieces of every element in
// one 1-D array plus a count per element, docs/char.md "split").
#include <algorithm>

#include "char/char.hpp"
#include "char/chars.hpp"
#include "core/cast.hpp"

namespace cnp::chr {

namespace {

// Every element's pieces appended in C order of the elements.
struct Pieces {
  Text all;
  std::vector<size_t> ends;
  void add(const char32_t* p, size_t n) {
    all.append(p, n);
    ends.push_back(all.size());
  }
  void add(const Text& s, size_t b, size_t e) { add(s.data() + b, e - b); }
  // A 1-D-or-shaped array of the pieces, as wide as the longest (at least 1).
  Array array(bool unicode, int32_t nd, const int64_t* shape) const {
    size_t width = 1, prev = 0;
    for (size_t e : ends) {
      width = std::max(width, e - prev);
      prev = e;
    }
    DtypeRef dt = string_dtype(unicode, static_cast<int64_t>(width));
    Array out = Array::allocate(dt.get(), nd, shape, CNP_ORDER_C);
    const Layout lo = layout_of(dt.get());
    prev = 0;
    for (size_t i = 0; i < ends.size(); ++i) {
      store(out.data() + static_cast<int64_t>(i) * out.itemsize(), lo, all.data() + prev, ends[i] - prev);
      prev = ends[i];
    }
    return out;
  }
};

Array int_arg(const Array& a, bool allow_bool = false) {
  const Dtype* d = a.dtype();
  if (allow_bool && d->kind == 'b') return cast_copy(a, builtin_dtype(CNP_INT64), CNP_ORDER_K);
  if (d->kind != 'i' && d->kind != 'u') {
    std::string m = "'%s' object cannot be interpreted as an integer";
    m.replace(m.find("%s"), 2, scalar_type_name(d));
    throw Error(CNP_ERR_TYPE, m);
  }
  return int_array(a, "");
}

template <bool U>
void split_whitespace(const Text& s, int64_t maxcount, bool right, Pieces& out, int64_t& count) {
  using C = Chars<U>;
  const int64_t len = static_cast<int64_t>(s.size());
  const size_t first = out.ends.size();
  if (!right) {
    int64_t i = 0, j;
    while (maxcount-- > 0) {
      while (i < len && C::space(s[i])) ++i;
      if (i == len) break;
      j = i++;
      while (i < len && !C::space(s[i])) ++i;
      out.add(s, j, i);
    }
    if (i < len) {
      while (i < len && C::space(s[i])) ++i;
      if (i != len) out.add(s, i, len);
    }
  } else {
    // Collected from the right, then put back in order.
    std::vector<std::pair<size_t, size_t>> spans;
    int64_t i = len - 1, j;
    while (maxcount-- > 0) {
      while (i >= 0 && C::space(s[i])) --i;
      if (i < 0) break;
      j = i--;
      while (i >= 0 && !C::space(s[i])) --i;
      spans.emplace_back(i + 1, j + 1);
    }
    if (i >= 0) {
      while (i >= 0 && C::space(s[i])) --i;
      if (i >= 0) spans.emplace_back(0, i + 1);
    }
    for (auto it = spans.rbegin(); it != spans.rend(); ++it) out.add(s, it->first, it->second);
  }
  count = static_cast<int64_t>(out.ends.size() - first);
}

void split_sep(const Text& s, const Text& sep, int64_t maxcount, bool right, Pieces& out, int64_t& count) {
  if (sep.empty()) throw Error(CNP_ERR_VALUE, "empty separator");
  const size_t first = out.ends.size();
  if (!right) {
    size_t i = 0;
    while (maxcount-- > 0) {
      const size_t pos = s.find(sep, i);
      if (pos == Text::npos) break;
      out.add(s, i, pos);
      i = pos + sep.size();
    }
    out.add(s, i, s.size());
  } else {
    std::vector<std::pair<size_t, size_t>> spans;
    size_t j = s.size();
    while (maxcount-- > 0 && j >= sep.size()) {
      const size_t pos = s.rfind(sep, j - sep.size());
      if (pos == Text::npos) break;
      spans.emplace_back(pos + sep.size(), j);
      j = pos;
    }
    spans.emplace_back(0, j);
    for (auto it = spans.rbegin(); it != spans.rend(); ++it) out.add(s, it->first, it->second);
  }
  count = static_cast<int64_t>(out.ends.size() - first);
}

template <bool U>
void split_lines(const Text& s, bool keepends, Pieces& out, int64_t& count) {
  const size_t first = out.ends.size();
  const size_t len = s.size();
  size_t i = 0, j = 0;
  while (i < len) {
    while (i < len && !Chars<U>::line_break(s[i])) ++i;
    size_t eol = i;
    if (i < len) {
      i += s[i] == U'\r' && i + 1 < len && s[i + 1] == U'\n' ? 2 : 1;
      if (keepends) eol = i;
    }
    out.add(s, j, eol);
    j = i;
  }
  count = static_cast<int64_t>(out.ends.size() - first);
}

void finish(Pieces& pieces, const Shape& s, bool unicode, Array& out_pieces, Array& counts) {
  const int64_t n = static_cast<int64_t>(pieces.ends.size());
  out_pieces = pieces.array(unicode, 1, &n);
  (void)s;
  (void)counts;
}

}  // namespace

Array partition(const Array& a, const Array& sep, bool right) {
  string_array(a);
  check_str_arg(a, sep, "must be str, not %s");
  const Shape s = broadcast_of({&a, &sep});
  const Layout la = layout_of(a.dtype());
  const ArgReader rs(a, sep);
  Pieces pieces;
  for_each_element(
      {&a, &sep}, s,
      [&](char* const* p, Scratch& sc) {
        Text &t = sc.t[0], &x = sc.t[1];
        load(p[0], la, t);
        rs(p[1], x);
        if (x.empty()) throw Error(CNP_ERR_VALUE, "empty separator");
        const size_t pos = right ? t.rfind(x) : t.find(x);
        if (pos == Text::npos) {
          if (right) {
            pieces.add(t, 0, 0);
            pieces.add(t, 0, 0);
            pieces.add(t, 0, t.size());
          } else {
            pieces.add(t, 0, t.size());
            pieces.add(t, 0, 0);
            pieces.add(t, 0, 0);
          }
        } else {
          pieces.add(t, 0, pos);
          pieces.add(x.data(), x.size());
          pieces.add(t, pos + x.size(), t.size());
        }
      },
      false);
  if (s.size() == 0) return new_output(builtin_dtype(CNP_FLOAT64), s);
  if (s.nd < 0 || s.nd + 1 > kMaxDims) throw Error(CNP_ERR_VALUE, "maximum supported dimension for an ndarray is 32");
  int64_t shape[kMaxDims + 1];
  for (int32_t i = 0; i < s.nd; ++i) shape[i] = s.dims[i];
  shape[s.nd] = 3;
  return pieces.array(la.unicode, s.nd + 1, shape);
}

void split(const Array& a, const Array* sep, const Array* maxsplit_in, bool right, Array& out_pieces, Array& counts) {
  string_array(a);
  if (sep) check_str_arg(a, *sep, "must be str or None, not %s");
  const Array maxsplit = maxsplit_in ? int_arg(*maxsplit_in) : a;
  const Array* sp = sep ? sep : &a;
  const Shape s = broadcast_of({&a, sp, &maxsplit});
  const Layout la = layout_of(a.dtype());
  const ArgReader rs = sep ? ArgReader(a, *sep) : ArgReader();
  counts = new_output(builtin_dtype(CNP_INT64), s);
  Pieces pieces;
  for_each_element(
      {&a, sp, &maxsplit, &counts}, s,
      [&](char* const* p, Scratch& sc) {
        Text &t = sc.t[0], &x = sc.t[1];
        load(p[0], la, t);
        int64_t m = maxsplit_in ? get_int(p[2]) : -1;
        if (m < 0) m = INT64_MAX;
        int64_t c = 0;
        if (sep) {
          rs(p[1], x);
          split_sep(t, x, m, right, pieces, c);
        } else if (la.unicode) {
          split_whitespace<true>(t, m, right, pieces, c);
        } else {
          split_whitespace<false>(t, m, right, pieces, c);
        }
        std::memcpy(p[3], &c, 8);
      },
      false);
  finish(pieces, s, la.unicode, out_pieces, counts);
}

void splitlines(const Array& a, const Array* keepends_in, Array& out_pieces, Array& counts) {
  string_array(a);
  const Array keepends = keepends_in ? int_arg(*keepends_in, true) : a;
  const Shape s = broadcast_of({&a, &keepends});
  const Layout la = layout_of(a.dtype());
  counts = new_output(builtin_dtype(CNP_INT64), s);
  Pieces pieces;
  for_each_element(
      {&a, &keepends, &counts}, s,
      [&](char* const* p, Scratch& sc) {
        Text &t = sc.t[0];
        load(p[0], la, t);
        const bool keep = keepends_in && get_int(p[1]) != 0;
        int64_t c = 0;
        la.unicode ? split_lines<true>(t, keep, pieces, c) : split_lines<false>(t, keep, pieces, c);
        std::memcpy(p[2], &c, 8);
      },
      false);
  finish(pieces, s, la.unicode, out_pieces, counts);
}

}  // namespace cnp::chr
