// UTF-8 decoding and Python's whitespace set for the text readers (text_utf8.hpp).
#include "io/text_utf8.hpp"

namespace cnp::textio {

int utf8_decode(const char* p, const char* end, uint32_t* cp) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(p);
  auto avail = end - p;
  unsigned char c = s[0];
  *cp = c;
  if (c < 0x80) return 1;
  int n;
  uint32_t v;
  if (c >= 0xc2 && c <= 0xdf) { n = 2; v = c & 0x1f; }
  else if (c >= 0xe0 && c <= 0xef) { n = 3; v = c & 0x0f; }
  else if (c >= 0xf0 && c <= 0xf4) { n = 4; v = c & 0x07; }
  else return 0;
  if (avail < n) return 0;
  for (int i = 1; i < n; ++i) {
    if ((s[i] & 0xc0) != 0x80) return 0;
    v = (v << 6) | (s[i] & 0x3f);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8 (Python refuses them).
  if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10ffff)) || (v >= 0xd800 && v <= 0xdfff)) return 0;
  *cp = v;
  return n;
}

void utf8_append(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xc0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xe0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out.push_back(static_cast<char>(0xf0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

bool py_isspace(uint32_t cp) noexcept {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1f);
  switch (cp) {
    case 0x85: case 0xa0: case 0x1680: case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200a;
  }
}

std::string_view strip_spaces(std::string_view s) noexcept {
  const char* b = s.data();
  const char* e = b + s.size();
  while (b < e) {
    int n = space_len(b, e);
    if (!n) break;
    b += n;
  }
  // From the end: step back over one code point at a time (continuation bytes first).
  while (e > b) {
    const char* q = e - 1;
    while (q > b && (static_cast<unsigned char>(*q) & 0xc0) == 0x80 && e - q < 4) --q;
    int n = space_len(q, e);
    if (n != e - q) break;
    e = q;
  }
  return {b, static_cast<size_t>(e - b)};
}

bool utf8_to_ucs4(std::string_view s, std::u32string& out) {
  out.clear();
  const char* p = s.data();
  const char* e = p + s.size();
  while (p < e) {
    uint32_t cp;
    int n = utf8_decode(p, e, &cp);
    if (!n) return false;
    out.push_back(cp);
    p += n;
  }
  return true;
}

}  // namespace cnp::textio
