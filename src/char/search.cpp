// count, find, rfind, index, rindex, startswith, endswith: Python's str/bytes methods with their
// slice rules (ADJUST_INDICES), element by element over the broadcast of a, sub, start, end.
#include <string_view>

#include "char/char.hpp"
#include "char/chars.hpp"

namespace cnp::chr {

namespace {

const char* sub_message(const Array& a, Find f) {
  if (a.dtype()->kind == 'U') return "must be str, not %s";
  (void)f;
  return "argument should be integer or bytes-like object, not '%s'";
}

constexpr const char* kSliceMessage = "slice indices must be integers or None or have an __index__ method";

// Python's find/rfind/count on s[start:end] (start, end already adjusted).
int64_t search_one(std::u32string_view s, std::u32string_view sub, int64_t start, int64_t end, Find f) {
  const int64_t len = static_cast<int64_t>(s.size());
  adjust_indices(start, end, len);
  const int64_t n = static_cast<int64_t>(sub.size());
  if (end - start < n) return f == Find::count ? 0 : -1;
  if (n == 0) {
    if (f == Find::count) return end - start + 1;
    return f == Find::find || f == Find::index ? start : end;
  }
  std::u32string_view w = s.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
  if (f == Find::count) {
    int64_t c = 0;
    size_t pos = 0;
    while ((pos = w.find(sub, pos)) != std::u32string_view::npos) {
      ++c;
      pos += sub.size();
    }
    return c;
  }
  const size_t pos = f == Find::find || f == Find::index ? w.find(sub) : w.rfind(sub);
  return pos == std::u32string_view::npos ? -1 : start + static_cast<int64_t>(pos);
}

}  // namespace

Array find(const Array& a, const Array& sub, const Array& start_in, const Array* end_in, Find f) {
  string_array(a);
  check_str_arg(a, sub, sub_message(a, f));
  const Array start = int_array(start_in, kSliceMessage);
  const Array end = end_in ? int_array(*end_in, kSliceMessage) : start;
  const Shape s = end_in ? broadcast_of({&a, &sub, &start, &end}) : broadcast_of({&a, &sub, &start});
  Array out = new_output(builtin_dtype(CNP_INT64), s);
  const Layout la = layout_of(a.dtype());
  const ArgReader rs(a, sub);
  const bool has_end = end_in != nullptr;
  const bool must_find = f == Find::index || f == Find::rindex;
  // One needle for every element (a scalar sub, the common call): loaded once, not per element.
  const bool one_sub = sub.size() == 1;
  Text needle;
  if (one_sub) rs(sub.data(), needle);
  for_each_element({&a, &sub, &start, &end, &out}, s, [&](char* const* p, Scratch& sc) {
    Text &t = sc.t[0], &u = sc.t[1];
    load(p[0], la, t);
    if (!one_sub) rs(p[1], u);
    const Text& x = one_sub ? needle : u;
    const int64_t e = has_end ? get_int(p[3]) : INT64_MAX;
    const int64_t r = search_one(t, x, get_int(p[2]), e, f);
    if (must_find && r < 0) throw Error(CNP_ERR_VALUE, la.unicode ? "substring not found" : "subsection not found");
    std::memcpy(p[4], &r, 8);
  });
  return out;
}

Array starts_with(const Array& a, const Array& prefix, const Array& start_in, const Array* end_in, bool at_end) {
  string_array(a);
  const bool u = a.dtype()->kind == 'U';
  const char* name = at_end ? "endswith" : "startswith";
  const std::string msg = std::string(name) + (u ? " first arg must be str or a tuple of str, not %s"
                                                 : " first arg must be bytes or a tuple of bytes, not %s");
  check_str_arg(a, prefix, msg.c_str());
  const Array start = int_array(start_in, kSliceMessage);
  const Array end = end_in ? int_array(*end_in, kSliceMessage) : start;
  const Shape s = end_in ? broadcast_of({&a, &prefix, &start, &end}) : broadcast_of({&a, &prefix, &start});
  Array out = new_output(builtin_dtype(CNP_BOOL), s);
  const Layout la = layout_of(a.dtype());
  const ArgReader rp(a, prefix);
  const bool has_end = end_in != nullptr;
  for_each_element({&a, &prefix, &start, &end, &out}, s, [&](char* const* p, Scratch& sc) {
    Text &t = sc.t[0], &x = sc.t[1];
    load(p[0], la, t);
    rp(p[1], x);
    int64_t st = get_int(p[2]), e = has_end ? get_int(p[3]) : INT64_MAX;
    // Python's tailmatch.
    adjust_indices(st, e, static_cast<int64_t>(t.size()));
    const int64_t n = static_cast<int64_t>(x.size());
    e -= n;
    bool r;
    if (e < st) r = false;
    else if (n == 0) r = true;
    else {
      const int64_t off = at_end ? e : st;
      r = std::u32string_view(t).substr(static_cast<size_t>(off), static_cast<size_t>(n)) == std::u32string_view(x);
    }
    *p[4] = static_cast<char>(r);
  });
  return out;
}

}  // namespace cnp::chr
