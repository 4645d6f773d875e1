// upper, lower, swapcase, capitalize, title: Python's str rules for U (full case mappings, so
// 'ß'.upper() is 'SS', cut to the array's width as NumPy's assignment cuts it), bytes rules for S.
#include "char/char.hpp"
#include "char/chars.hpp"

namespace cnp::chr {

namespace {

template <bool U>
void apply(const Text& s, Case c, Text& out) {
  using C = Chars<U>;
  switch (c) {
    case Case::upper:
      for (char32_t ch : s) C::to_upper(ch, out);
      break;
    case Case::lower:
      for (size_t i = 0; i < s.size(); ++i) C::lower_at(s, i, out);
      break;
    case Case::swapcase:
      for (size_t i = 0; i < s.size(); ++i) {
        if (C::upper(s[i])) C::lower_at(s, i, out);
        else if (C::lower(s[i])) C::to_upper(s[i], out);
        else out.push_back(s[i]);
      }
      break;
    case Case::capitalize:
      // Python 3.8+: the first character's titlecase, the rest lowercased.
      for (size_t i = 0; i < s.size(); ++i) {
        if (i == 0) C::to_title(s[0], out);
        else C::lower_at(s, i, out);
      }
      break;
    case Case::title: {
      bool previous_cased = false;
      for (size_t i = 0; i < s.size(); ++i) {
        if (previous_cased) C::lower_at(s, i, out);
        else C::to_title(s[i], out);
        previous_cased = C::cased(s[i]);
      }
      break;
    }
  }
}

// ASCII upper/lower of a whole element without leaving the loop (the common case of the
// benchmark-sized calls); false when a character needs the general path.
inline bool ascii_case(const Text& s, Case c, Text& out) {
  out.resize(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char32_t ch = s[i];
    if (ch >= 128) return false;
    out[i] = c == Case::upper ? (ascii_lower(ch) ? ch - 32 : ch) : (ascii_upper(ch) ? ch + 32 : ch);
  }
  return true;
}

}  // namespace

Array change_case(const Array& a, Case c) {
  string_array(a);
  const Shape s = broadcast_of({&a});
  Array out = new_output(a.dtype(), s);
  const Layout lay = layout_of(a.dtype());
  const bool simple = c == Case::upper || c == Case::lower;
  for_each_element({&a, &out}, s, [&](char* const* p, Scratch& sc) {
    Text &in = sc.t[0], &r = sc.t[1];
    load(p[0], lay, in);
    if (!(simple && ascii_case(in, c, r))) {
      r.clear();
      lay.unicode ? apply<true>(in, c, r) : apply<false>(in, c, r);
    }
    store(p[1], lay, r);
  });
  return out;
}

}  // namespace cnp::chr
