// UTF-8 helpers of the text readers: the parsers scan UTF-8 bytes (ASCII control characters and
// digits never occur inside a multi-byte sequence), and decode only where a code point matters:
// Python's notion of whitespace (Py_UNICODE_ISSPACE, which NumPy's tokenizer and number parsers
// use) and text fields stored as UCS4.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace cnp::textio {

// Decodes one code point at p (p < end). Returns its length in bytes, 0 for an invalid or
// truncated sequence (then *cp is the byte itself).
int utf8_decode(const char* p, const char* end, uint32_t* cp) noexcept;
// Appends the UTF-8 encoding of cp.
void utf8_append(std::string& out, uint32_t cp);
// Python's str.isspace() for one code point (the Unicode White_Space set plus the ASCII
// separators 0x1c-0x1f, as Py_UNICODE_ISSPACE).
bool py_isspace(uint32_t cp) noexcept;
// The length of the whitespace character at p (0 if none): ASCII fast, then the multi-byte spaces.
inline int space_len(const char* p, const char* end) noexcept {
  unsigned char c = static_cast<unsigned char>(*p);
  if (c < 0x80) return (c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f)) ? 1 : 0;
  uint32_t cp;
  int n = utf8_decode(p, end, &cp);
  return n > 0 && py_isspace(cp) ? n : 0;
}
// Strips Python whitespace from both ends.
std::string_view strip_spaces(std::string_view s) noexcept;
// Decodes a whole UTF-8 string into code points; false for invalid UTF-8.
bool utf8_to_ucs4(std::string_view s, std::u32string& out);

}  // namespace cnp::textio
