// The Unicode side of chars.hpp: ICU's property and case-mapping tables (Debian's libicu-dev),
// which carry exactly the data Python's unicodedata tables are generated from (categories,
// bidirectional classes, Numeric_Type, the Lowercase/Uppercase/Cased/Case_Ignorable properties,
// SpecialCasing's full mappings). docs/char.md: why ICU, and the Unicode version difference.
#include <unicode/ucasemap.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "char/chars.hpp"

namespace cnp::chr::uni {

namespace {
// Code points ICU does not take (surrogates are fine; beyond U+10FFFF is not Unicode).
inline bool valid(char32_t c) { return c <= 0x10FFFF; }
inline UChar32 cp(char32_t c) { return static_cast<UChar32>(c); }

enum class Map { upper, lower, title };

// The full mapping of one code point through ICU's string functions (root locale): the
// per-character mappings Python applies; context (final sigma) is the caller's.
void map_one(char32_t c, Map which, Text& out) {
  if (!valid(c) || (c >= 0xD800 && c <= 0xDFFF)) {
    out.push_back(c);
    return;
  }
  UChar src[2];
  int32_t n = 0;
  U16_APPEND_UNSAFE(src, n, cp(c));
  UChar dst[32];
  UErrorCode err = U_ZERO_ERROR;
  int32_t m = 0;
  if (which == Map::upper) {
    m = u_strToUpper(dst, 32, src, n, "", &err);
  } else if (which == Map::lower) {
    m = u_strToLower(dst, 32, src, n, "", &err);
  } else {
    // The whole (one-character) string titlecased as one word, no adjustment: the first code
    // point's Titlecase mapping. One case map per thread (a UCaseMap with a break iterator is
    // not shared between threads).
    thread_local struct Holder {
      UCaseMap* csm = nullptr;
      Holder() {
        UErrorCode e = U_ZERO_ERROR;
        csm = ucasemap_open("", U_TITLECASE_WHOLE_STRING | U_TITLECASE_NO_BREAK_ADJUSTMENT | U_TITLECASE_NO_LOWERCASE,
                            &e);
        if (U_FAILURE(e)) csm = nullptr;
      }
      ~Holder() {
        if (csm) ucasemap_close(csm);
      }
    } holder;
    if (!holder.csm) throw Error(CNP_ERR_INTERNAL, "ICU case map unavailable");
    m = ucasemap_toTitle(holder.csm, dst, 32, src, n, &err);
  }
  if (U_FAILURE(err) || m > 32) {
    out.push_back(c);
    return;
  }
  for (int32_t i = 0; i < m;) {
    UChar32 d;
    U16_NEXT(dst, i, m, d);
    out.push_back(static_cast<char32_t>(d));
  }
}

inline int32_t numeric_type(char32_t c) { return valid(c) ? u_getIntPropertyValue(cp(c), UCHAR_NUMERIC_TYPE) : 0; }
}  // namespace

bool alpha(char32_t c) {
  if (!valid(c)) return false;
  switch (u_charType(cp(c))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER: return true;
    default: return false;
  }
}
bool decimal(char32_t c) { return numeric_type(c) == U_NT_DECIMAL; }
bool digit(char32_t c) {
  const int32_t t = numeric_type(c);
  return t == U_NT_DECIMAL || t == U_NT_DIGIT;
}
bool numeric(char32_t c) { return numeric_type(c) != U_NT_NONE; }
bool space(char32_t c) {
  if (!valid(c)) return false;
  if (u_charType(cp(c)) == U_SPACE_SEPARATOR) return true;
  const UCharDirection d = u_charDirection(cp(c));
  return d == U_WHITE_SPACE_NEUTRAL || d == U_BLOCK_SEPARATOR || d == U_SEGMENT_SEPARATOR;
}
bool lower(char32_t c) { return valid(c) && u_hasBinaryProperty(cp(c), UCHAR_LOWERCASE); }
bool upper(char32_t c) { return valid(c) && u_hasBinaryProperty(cp(c), UCHAR_UPPERCASE); }
bool title(char32_t c) { return valid(c) && u_charType(cp(c)) == U_TITLECASE_LETTER; }
bool cased(char32_t c) { return valid(c) && u_hasBinaryProperty(cp(c), UCHAR_CASED); }
bool case_ignorable(char32_t c) {
  if (c < 128) return c == '\'' || c == '.' || c == ':' || c == '^' || c == '`';
  return valid(c) && u_hasBinaryProperty(cp(c), UCHAR_CASE_IGNORABLE);
}
void to_upper(char32_t c, Text& out) { map_one(c, Map::upper, out); }
void to_lower(char32_t c, Text& out) { map_one(c, Map::lower, out); }
void to_title(char32_t c, Text& out) { map_one(c, Map::title, out); }

}  // namespace cnp::chr::uni
