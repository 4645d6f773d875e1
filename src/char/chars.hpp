// Character classes and case mappings with the rules of the methods NumPy 1.24 calls: Python's
// str methods for U (Unicode tables from ICU, unicode.cpp), bytes methods for S (ASCII only).
// ASCII characters take an inline path in both, so the common case never leaves this header.
#pragma once
#include "char/text.hpp"

namespace cnp::chr {

namespace uni {  // unicode.cpp: the non-ASCII characters, ICU behind them
bool alpha(char32_t c);    // categories Lu Ll Lt Lm Lo
bool decimal(char32_t c);  // Numeric_Type=Decimal
bool digit(char32_t c);    // Numeric_Type=Decimal or Digit
bool numeric(char32_t c);  // any Numeric_Type
bool space(char32_t c);    // Zs, or bidirectional class WS, B or S (Python's _PyUnicode_IsWhitespace)
bool lower(char32_t c);    // the Lowercase property
bool upper(char32_t c);    // the Uppercase property
bool title(char32_t c);    // category Lt
bool cased(char32_t c);
bool case_ignorable(char32_t c);
// Full case mappings (SpecialCasing's unconditional entries, no locale), appended to out.
void to_upper(char32_t c, Text& out);
void to_lower(char32_t c, Text& out);
void to_title(char32_t c, Text& out);
}  // namespace uni

inline bool ascii_lower(char32_t c) { return c - U'a' < 26u; }
inline bool ascii_upper(char32_t c) { return c - U'A' < 26u; }
inline bool ascii_digit(char32_t c) { return c - U'0' < 10u; }
inline bool ascii_space(char32_t c) { return c == U' ' || (c >= 9 && c <= 13); }

template <bool U>
struct Chars;

// bytes methods: ASCII letters, digits and whitespace (b' \t\n\r\x0b\x0c'), ASCII case.
template <>
struct Chars<false> {
  static bool alpha(char32_t c) { return ascii_lower(c) || ascii_upper(c); }
  static bool decimal(char32_t c) { return ascii_digit(c); }
  static bool digit(char32_t c) { return ascii_digit(c); }
  static bool numeric(char32_t c) { return ascii_digit(c); }
  static bool alnum(char32_t c) { return alpha(c) || ascii_digit(c); }
  static bool space(char32_t c) { return ascii_space(c); }
  static bool lower(char32_t c) { return ascii_lower(c); }
  static bool upper(char32_t c) { return ascii_upper(c); }
  static bool title(char32_t) { return false; }
  static bool cased(char32_t c) { return alpha(c); }
  static void to_upper(char32_t c, Text& out) { out.push_back(ascii_lower(c) ? c - 32 : c); }
  static void to_lower(char32_t c, Text& out) { out.push_back(ascii_upper(c) ? c + 32 : c); }
  static void to_title(char32_t c, Text& out) { to_upper(c, out); }
  // The lowercase of s[i] in its context (the context matters only for U's sigma).
  static void lower_at(const Text& s, size_t i, Text& out) { to_lower(s[i], out); }
  static bool line_break(char32_t c) { return c == U'\n' || c == U'\r'; }
};

// str methods: Python's definitions over the Unicode tables.
template <>
struct Chars<true> {
  static bool alpha(char32_t c) { return c < 128 ? Chars<false>::alpha(c) : uni::alpha(c); }
  static bool decimal(char32_t c) { return c < 128 ? ascii_digit(c) : uni::decimal(c); }
  static bool digit(char32_t c) { return c < 128 ? ascii_digit(c) : uni::digit(c); }
  static bool numeric(char32_t c) { return c < 128 ? ascii_digit(c) : uni::numeric(c); }
  // Python's isalnum: isalpha or isdecimal or isdigit or isnumeric.
  static bool alnum(char32_t c) { return c < 128 ? Chars<false>::alnum(c) : uni::alpha(c) || uni::numeric(c); }
  // 0x1c..0x1f are whitespace to Python (bidirectional B/S) but not to bytes.isspace.
  static bool space(char32_t c) { return c < 128 ? ascii_space(c) || (c >= 0x1c && c <= 0x1f) : uni::space(c); }
  static bool lower(char32_t c) { return c < 128 ? ascii_lower(c) : uni::lower(c); }
  static bool upper(char32_t c) { return c < 128 ? ascii_upper(c) : uni::upper(c); }
  static bool title(char32_t c) { return c >= 128 && uni::title(c); }
  static bool cased(char32_t c) { return c < 128 ? Chars<false>::alpha(c) : uni::cased(c); }
  static void to_upper(char32_t c, Text& out) { c < 128 ? Chars<false>::to_upper(c, out) : uni::to_upper(c, out); }
  static void to_lower(char32_t c, Text& out) { c < 128 ? Chars<false>::to_lower(c, out) : uni::to_lower(c, out); }
  static void to_title(char32_t c, Text& out) { c < 128 ? Chars<false>::to_upper(c, out) : uni::to_title(c, out); }
  // Python's lower_ucs4: a capital sigma is final (U+03C2) when a cased letter precedes it and
  // none follows, case-ignorable characters skipped on both sides (handle_capital_sigma).
  static void lower_at(const Text& s, size_t i, Text& out) {
    const char32_t c = s[i];
    if (c != 0x3A3) return to_lower(c, out);
    size_t j = i;
    while (j > 0 && uni::case_ignorable(s[j - 1])) --j;
    bool final = j > 0 && cased(s[j - 1]);
    if (final) {
      j = i + 1;
      while (j < s.size() && uni::case_ignorable(s[j])) ++j;
      final = !(j < s.size() && cased(s[j]));
    }
    out.push_back(final ? 0x3C2 : 0x3C3);
  }
  // str.splitlines' boundaries: \n \r \v \f \x1c \x1d \x1e \x85 U+2028 U+2029 (\r\n is one).
  static bool line_break(char32_t c) {
    return (c >= 10 && c <= 13) || (c >= 0x1c && c <= 0x1e) || c == 0x85 || c == 0x2028 || c == 0x2029;
  }
};

}  // namespace cnp::chr
