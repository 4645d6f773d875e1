// isalnum ... isupper and str_len: Python's str predicates for U, bytes predicates for S.
#include "char/char.hpp"
#include "char/chars.hpp"

namespace cnp::chr {

namespace {

template <class P>
bool all_of(const Text& s, P p) {
  if (s.empty()) return false;
  for (char32_t c : s)
    if (!p(c)) return false;
  return true;
}

template <bool U>
bool holds(const Text& s, Class k) {
  using C = Chars<U>;
  switch (k) {
    case Class::alnum: return all_of(s, C::alnum);
    case Class::alpha: return all_of(s, C::alpha);
    case Class::decimal: return all_of(s, C::decimal);
    case Class::digit: return all_of(s, C::digit);
    case Class::numeric: return all_of(s, C::numeric);
    case Class::space: return all_of(s, C::space);
    case Class::lower: {  // some cased character, none upper- or titlecase
      bool cased = false;
      for (char32_t c : s) {
        if (C::upper(c) || C::title(c)) return false;
        if (C::lower(c)) cased = true;
      }
      return cased;
    }
    case Class::upper: {
      bool cased = false;
      for (char32_t c : s) {
        if (C::lower(c) || C::title(c)) return false;
        if (C::upper(c)) cased = true;
      }
      return cased;
    }
    case Class::title: {  // upper/titlecase only after uncased, lowercase only after cased
      bool cased = false, previous_cased = false;
      for (char32_t c : s) {
        if (C::upper(c) || C::title(c)) {
          if (previous_cased) return false;
          previous_cased = cased = true;
        } else if (C::lower(c)) {
          if (!previous_cased) return false;
          previous_cased = cased = true;
        } else {
          previous_cased = false;
        }
      }
      return cased;
    }
  }
  return false;
}

}  // namespace

Array classify(const Array& a, Class k) {
  string_array(a);
  if ((k == Class::numeric || k == Class::decimal) && a.dtype()->kind != 'U')
    throw Error(CNP_ERR_TYPE, "isnumeric is only available for Unicode strings and arrays");
  const Shape s = broadcast_of({&a});
  Array out = new_output(builtin_dtype(CNP_BOOL), s);
  const Layout lay = layout_of(a.dtype());
  for_each_element({&a, &out}, s, [&](char* const* p, Scratch& sc) {
    Text &in = sc.t[0];
    load(p[0], lay, in);
    *p[1] = static_cast<char>(lay.unicode ? holds<true>(in, k) : holds<false>(in, k));
  });
  return out;
}

Array str_len(const Array& a) {
  string_array(a);
  const Shape s = broadcast_of({&a});
  Array out = new_output(builtin_dtype(CNP_INT64), s);
  const Layout lay = layout_of(a.dtype());
  // The length is the position after the last non-NUL character: no copy of the element.
  const int64_t csize = lay.unicode ? 4 : 1;
  for_each_element({&a, &out}, s, [&](char* const* p, Scratch&) {
    int64_t n = lay.width;
    if (csize == 1) {
      while (n > 0 && p[0][n - 1] == 0) --n;
    } else {
      uint32_t c;
      while (n > 0) {
        std::memcpy(&c, p[0] + (n - 1) * 4, 4);
        if (c != 0) break;
        --n;
      }
    }
    std::memcpy(p[1], &n, 8);
  });
  return out;
}

}  // namespace cnp::chr
