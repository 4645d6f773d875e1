// replace, add, multiply, join: Python's str/bytes operations element by element, with NumPy's
// result widths (add: the sum of the widths; multiply: width times the largest count; replace
// and join: the longest result, as numpy.asarray of NumPy's object results).
#include <algorithm>

#include "char/char.hpp"
#include "char/chars.hpp"

namespace cnp::chr {

namespace {

Array count_array(const Array& c) {
  const Dtype* d = c.dtype();
  if (d->kind != 'i' && d->kind != 'u') {
    std::string m = "'%s' object cannot be interpreted as an integer";
    m.replace(m.find("%s"), 2, scalar_type_name(d));
    throw Error(CNP_ERR_TYPE, m);
  }
  return int_array(c, "");
}

// Python's str.replace(old, new, count): count < 0 replaces every occurrence; an empty old
// inserts new before every character and at the end.
void replace_one(const Text& s, const Text& old, const Text& repl, int64_t count, Text& r) {
  if (count < 0) count = INT64_MAX;
  if (old.empty()) {
    int64_t done = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
      if (done < count) {
        r += repl;
        ++done;
      }
      if (i < s.size()) r.push_back(s[i]);
    }
    return;
  }
  size_t pos = 0;
  int64_t done = 0;
  while (done < count) {
    const size_t hit = s.find(old, pos);
    if (hit == Text::npos) break;
    r.append(s, pos, hit - pos);
    r += repl;
    pos = hit + old.size();
    ++done;
  }
  r.append(s, pos, Text::npos);
}

}  // namespace

Array replace(const Array& a, const Array& old, const Array& repl, const Array* count_in) {
  string_array(a);
  check_str_arg(a, old, "replace() argument 1 must be str, not %s");
  check_str_arg(a, repl, "replace() argument 2 must be str, not %s");
  const Array count = count_in ? count_array(*count_in) : a;
  const Shape s = count_in ? broadcast_of({&a, &old, &repl, &count}) : broadcast_of({&a, &old, &repl});
  const Layout la = layout_of(a.dtype());
  const ArgReader ro(a, old), rr(a, repl);
  return collect({&a, &old, &repl, &count}, s, la.unicode, [&](char* const* p, Text& r, Scratch& sc) {
    Text &t = sc.t[0], &o = sc.t[1], &n = sc.t[2];
    load(p[0], la, t);
    ro(p[1], o);
    rr(p[2], n);
    replace_one(t, o, n, count_in ? get_int(p[3]) : -1, r);
  });
}

Array add(const Array& a, const Array& b) {
  string_array(a);
  const bool u = a.dtype()->kind == 'U' || b.dtype()->kind == 'U';
  if (a.dtype()->kind == 'U' && b.dtype()->kind != 'U')
    throw Error(CNP_ERR_TYPE, "can only concatenate str (not \"" + scalar_type_name(b.dtype()) + "\") to str");
  const int64_t wa = layout_of(a.dtype()).width;
  const int64_t wb = is_string(b.dtype()) ? layout_of(b.dtype()).width : b.itemsize();
  const Shape s = broadcast_of({&a, &b});
  DtypeRef dt = string_dtype(u, std::max<int64_t>(wa + wb, 1));
  Array out = new_output(dt.get(), s);
  const Layout la = layout_of(a.dtype()), lo = layout_of(dt.get());
  const ArgReader rb(a, b);
  for_each_element({&a, &b, &out}, s, [&](char* const* p, Scratch& sc) {
    Text &t = sc.t[0], &x = sc.t[1];
    load(p[0], la, t);
    rb(p[1], x);
    t += x;
    store(p[2], lo, t);
  });
  return out;
}

Array multiply(const Array& a, const Array& n_in) {
  string_array(a);
  const Dtype* d = n_in.dtype();
  if (d->kind != 'i' && d->kind != 'u') throw Error(CNP_ERR_VALUE, "Can only multiply by integers");
  const Array n = int_array(n_in, "");
  if (n.size() == 0) throw Error(CNP_ERR_VALUE, "zero-size array to reduction operation maximum which has no identity");
  int64_t most = 0;
  for_each_element({&n}, broadcast_of({&n}), [&](char* const* p, Scratch&) { most = std::max(most, get_int(p[0])); }, false);
  const Layout la = layout_of(a.dtype());
  int64_t width = 0;
  if (__builtin_mul_overflow(la.width, most, &width)) throw Error(CNP_ERR_MEMORY, "Maximum allowed size exceeded");
  const Shape s = broadcast_of({&a, &n});
  DtypeRef dt = string_dtype(la.unicode, std::max<int64_t>(width, 1));
  Array out = new_output(dt.get(), s);
  const Layout lo = layout_of(dt.get());
  for_each_element({&a, &n, &out}, s, [&](char* const* p, Scratch& sc) {
    Text &t = sc.t[0], &r = sc.t[1];
    load(p[0], la, t);
    r.clear();
    for (int64_t k = get_int(p[1]); k > 0; --k) r += t;
    store(p[2], lo, r);
  });
  return out;
}

Array join(const Array& sep, const Array& seq) {
  string_array(sep);
  const bool u = sep.dtype()->kind == 'U';
  const char seq_kind = seq.dtype()->kind;
  if (!is_string(seq.dtype())) throw Error(CNP_ERR_TYPE, "can only join an iterable");
  const Shape s = broadcast_of({&sep, &seq});
  const Layout ls = layout_of(sep.dtype()), lq = layout_of(seq.dtype());
  return collect({&sep, &seq}, s, u, [&](char* const* p, Text& r, Scratch& sc) {
    Text &t = sc.t[0], &q = sc.t[1];
    load(p[0], ls, t);
    load(p[1], lq, q);
    if (q.empty()) return;
    // Iterating a bytes_ gives ints; a str method wants str items, a bytes method bytes-likes.
    if (u && seq_kind != 'U') throw Error(CNP_ERR_TYPE, "sequence item 0: expected str instance, int found");
    if (!u)
      throw Error(CNP_ERR_TYPE, std::string("sequence item 0: expected a bytes-like object, ") +
                                    (seq_kind == 'U' ? "str" : "int") + " found");
    for (size_t i = 0; i < q.size(); ++i) {
      if (i) r += t;
      r.push_back(q[i]);
    }
  });
}

}  // namespace cnp::chr
