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

// upper/lower straight from the element's memory to the output's when every character of the
// element is ASCII (NULs included: they map to themselves, so trailing and embedded ones come out
// as the general path writes them); false sends the element to the general path.
template <class C>
inline bool ascii_direct(const char* src, char* dst, int64_t width, bool up) {
  C buf[64];
  for (int64_t k0 = 0; k0 < width; k0 += 64) {
    const int64_t m = width - k0 < 64 ? width - k0 : 64;
    std::memcpy(buf, src + k0 * static_cast<int64_t>(sizeof(C)), static_cast<size_t>(m) * sizeof(C));
    C any = 0;
    for (int64_t k = 0; k < m; ++k) any |= buf[k];
    if (any >= 128) return false;
    for (int64_t k = 0; k < m; ++k) {
      const C ch = buf[k];
      buf[k] = up ? (static_cast<C>(ch - 'a') < 26 ? ch - 32 : ch) : (static_cast<C>(ch - 'A') < 26 ? ch + 32 : ch);
    }
    std::memcpy(dst + k0 * static_cast<int64_t>(sizeof(C)), buf, static_cast<size_t>(m) * sizeof(C));
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
  const bool direct = simple && !lay.swapped;
  const bool up = c == Case::upper;
  for_each_element({&a, &out}, s, [&](char* const* p, Scratch& sc) {
    if (direct && (lay.unicode ? ascii_direct<uint32_t>(p[0], p[1], lay.width, up)
                               : ascii_direct<uint8_t>(p[0], p[1], lay.width, up)))
      return;
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
