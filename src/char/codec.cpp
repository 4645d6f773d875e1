// encode (U -> S) and decode (S -> U) with Python's codecs: utf-8, ascii, latin-1, utf-16 and
// utf-32 (with their -le/-be forms; the plain forms write a BOM and read one if present, else
// little-endian as on x86-64), errors= 'strict' (Python's Unicode*Error text as CNP_ERR_VALUE),
// 'ignore', 'replace', 'backslashreplace'. The results are as wide as the longest element.
#include <algorithm>
#include <cctype>
#include <cstdio>

#include "char/char.hpp"

namespace cnp::chr {

namespace {

enum class Codec { utf8, ascii, latin1, utf16, utf16le, utf16be, utf32, utf32le, utf32be };
enum class Handler { strict, ignore, replace, backslash, unknown };

struct Named {
  const char* name;
  Codec codec;
  const char* canonical;  // the name Python's messages use
};

// Python's normalisation (lowercase, '-' and ' ' as '_') and the common aliases.
Codec codec_of(const char* enc, std::string& canonical) {
  std::string n = enc ? enc : "utf-8";
  for (char& c : n) c = c == '-' || c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const Named table[] = {
      {"utf_8", Codec::utf8, "utf-8"},         {"utf8", Codec::utf8, "utf-8"},
      {"u8", Codec::utf8, "utf-8"},            {"utf", Codec::utf8, "utf-8"},
      {"ascii", Codec::ascii, "ascii"},        {"us_ascii", Codec::ascii, "ascii"},
      {"646", Codec::ascii, "ascii"},          {"latin_1", Codec::latin1, "latin-1"},
      {"latin1", Codec::latin1, "latin-1"},    {"latin", Codec::latin1, "latin-1"},
      {"l1", Codec::latin1, "latin-1"},        {"iso_8859_1", Codec::latin1, "latin-1"},
      {"iso8859_1", Codec::latin1, "latin-1"}, {"8859", Codec::latin1, "latin-1"},
      {"cp819", Codec::latin1, "latin-1"},     {"utf_16", Codec::utf16, "utf-16"},
      {"utf16", Codec::utf16, "utf-16"},       {"utf_16_le", Codec::utf16le, "utf-16-le"},
      {"utf_16le", Codec::utf16le, "utf-16-le"}, {"utf_16_be", Codec::utf16be, "utf-16-be"},
      {"utf_16be", Codec::utf16be, "utf-16-be"}, {"utf_32", Codec::utf32, "utf-32"},
      {"utf32", Codec::utf32, "utf-32"},       {"utf_32_le", Codec::utf32le, "utf-32-le"},
      {"utf_32le", Codec::utf32le, "utf-32-le"}, {"utf_32_be", Codec::utf32be, "utf-32-be"},
      {"utf_32be", Codec::utf32be, "utf-32-be"},
  };
  for (const Named& t : table)
    if (n == t.name) {
      canonical = t.canonical;
      return t.codec;
    }
  throw Error(CNP_ERR_KEY, std::string("unknown encoding: ") + (enc ? enc : ""));
}

Handler handler_of(const char* errors) {
  if (!errors) return Handler::strict;
  const std::string e = errors;
  if (e == "strict") return Handler::strict;
  if (e == "ignore") return Handler::ignore;
  if (e == "replace") return Handler::replace;
  if (e == "backslashreplace") return Handler::backslash;
  return Handler::unknown;
}

std::string hex2(unsigned v) {
  char b[8];
  std::snprintf(b, sizeof b, "%02x", v & 0xff);
  return b;
}

// Python's repr of one character inside a message ('\xe9', '\u20ac', '\U0001f600').
std::string char_repr(char32_t c) {
  char b[16];
  if (c >= 0x20 && c < 0x7f) {
    b[0] = static_cast<char>(c);
    b[1] = 0;
  } else if (c < 0x100) {
    std::snprintf(b, sizeof b, "\\x%02x", static_cast<unsigned>(c));
  } else if (c < 0x10000) {
    std::snprintf(b, sizeof b, "\\u%04x", static_cast<unsigned>(c));
  } else {
    std::snprintf(b, sizeof b, "\\U%08x", static_cast<unsigned>(c));
  }
  return b;
}

struct Decoder {
  Codec codec;
  std::string name;
  Handler handler;
  const char* errors;

  // An undecodable range [start, end) of s: the handler's output, or the error.
  void fail(const Text& s, size_t start, size_t end, const char* reason, Text& out) const {
    switch (handler) {
      case Handler::ignore: return;
      case Handler::replace: out.push_back(0xFFFD); return;
      case Handler::backslash:
        for (size_t i = start; i < end; ++i)
          for (char ch : "\\x" + hex2(static_cast<unsigned>(s[i]))) out.push_back(static_cast<unsigned char>(ch));
        return;
      case Handler::unknown: throw Error(CNP_ERR_KEY, std::string("unknown error handler name '") + errors + "'");
      case Handler::strict: break;
    }
    std::string m = "'" + name + "' codec can't decode ";
    if (end - start == 1) m += "byte 0x" + hex2(static_cast<unsigned>(s[start])) + " in position " + std::to_string(start);
    else m += "bytes in position " + std::to_string(start) + "-" + std::to_string(end - 1);
    throw Error(CNP_ERR_VALUE, m + ": " + reason);
  }

  void utf8(const Text& s, Text& out) const {
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
      const char32_t b = s[i];
      if (b < 0x80) {
        out.push_back(b);
        ++i;
        continue;
      }
      int need;
      char32_t lo = 0x80, hi = 0xBF, cp;
      if (b >= 0xC2 && b <= 0xDF) need = 1, cp = b & 0x1F;
      else if (b >= 0xE0 && b <= 0xEF) {
        need = 2, cp = b & 0x0F;
        if (b == 0xE0) lo = 0xA0;
        if (b == 0xED) hi = 0x9F;
      } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3, cp = b & 0x07;
        if (b == 0xF0) lo = 0x90;
        if (b == 0xF4) hi = 0x8F;
      } else {
        fail(s, i, i + 1, "invalid start byte", out);
        ++i;
        continue;
      }
      size_t j = i + 1;
      bool bad = false;
      for (int k = 0; k < need; ++k, ++j) {
        if (j >= n) break;
        const char32_t c = s[j];
        const char32_t l = k == 0 ? lo : 0x80, h = k == 0 ? hi : 0xBF;
        if (c < l || c > h) {
          bad = true;
          break;
        }
        cp = (cp << 6) | (c & 0x3F);
      }
      if (bad) {
        fail(s, i, j, "invalid continuation byte", out);
        i = j;
      } else if (j - i < static_cast<size_t>(need) + 1) {
        fail(s, i, n, "unexpected end of data", out);
        i = n;
      } else {
        out.push_back(cp);
        i = j;
      }
    }
  }

  void wide(const Text& s, Text& out, int unit, bool big) const {
    size_t i = 0;
    const size_t n = s.size();
    bool be = big;
    if (codec == Codec::utf16 || codec == Codec::utf32) {  // a BOM picks the order and is dropped
      if (unit == 2 && n >= 2 && s[0] == 0xFF && s[1] == 0xFE) i = 2, be = false;
      else if (unit == 2 && n >= 2 && s[0] == 0xFE && s[1] == 0xFF) i = 2, be = true;
      else if (unit == 4 && n >= 4 && s[0] == 0xFF && s[1] == 0xFE && s[2] == 0 && s[3] == 0) i = 4, be = false;
      else if (unit == 4 && n >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF) i = 4, be = true;
    }
    auto get = [&](size_t at) {
      uint32_t v = 0;
      for (int k = 0; k < unit; ++k) {
        const uint32_t byte = static_cast<uint32_t>(s[at + static_cast<size_t>(k)]);
        v |= be ? byte << (8 * (unit - 1 - k)) : byte << (8 * k);
      }
      return v;
    };
    while (i < n) {
      if (n - i < static_cast<size_t>(unit)) {
        fail(s, i, n, "truncated data", out);
        break;
      }
      const uint32_t v = get(i);
      if (unit == 4) {
        if (v > 0x10FFFF) fail(s, i, i + 4, "code point not in range(0x110000)", out);
        else if (v >= 0xD800 && v < 0xE000) fail(s, i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)", out);
        else out.push_back(v);
        i += 4;
        continue;
      }
      if (v < 0xD800 || v > 0xDFFF) {
        out.push_back(v);
        i += 2;
      } else if (v >= 0xDC00) {
        fail(s, i, i + 2, "illegal encoding", out);
        i += 2;
      } else if (n - i < 4) {
        fail(s, i, n, "unexpected end of data", out);
        break;
      } else {
        const uint32_t w = get(i + 2);
        if (w < 0xDC00 || w > 0xDFFF) {
          fail(s, i, i + 2, "illegal UTF-16 surrogate", out);
          i += 2;
        } else {
          out.push_back(0x10000 + ((v - 0xD800) << 10) + (w - 0xDC00));
          i += 4;
        }
      }
    }
  }

  void operator()(const Text& s, Text& out) const {
    switch (codec) {
      case Codec::utf8: return utf8(s, out);
      case Codec::latin1: out = s; return;
      case Codec::ascii:
        for (size_t i = 0; i < s.size(); ++i) {
          if (s[i] < 0x80) out.push_back(s[i]);
          else fail(s, i, i + 1, "ordinal not in range(128)", out);
        }
        return;
      case Codec::utf16: case Codec::utf16le: return wide(s, out, 2, false);
      case Codec::utf16be: return wide(s, out, 2, true);
      case Codec::utf32: case Codec::utf32le: return wide(s, out, 4, false);
      case Codec::utf32be: return wide(s, out, 4, true);
    }
  }
};

struct Encoder {
  Codec codec;
  std::string name;
  Handler handler;
  const char* errors;

  // Unencodable characters [start, end) of s (a run, as Python reports them).
  void fail(const Text& s, size_t start, size_t end, const char* reason, Text& out) const {
    switch (handler) {
      case Handler::ignore: return;
      case Handler::replace: out.append(end - start, U'?'); return;
      case Handler::backslash:
        for (size_t i = start; i < end; ++i) {
          const char32_t c = s[i];
          char b[16];
          if (c < 0x100) std::snprintf(b, sizeof b, "\\x%02x", static_cast<unsigned>(c));
          else if (c < 0x10000) std::snprintf(b, sizeof b, "\\u%04x", static_cast<unsigned>(c));
          else std::snprintf(b, sizeof b, "\\U%08x", static_cast<unsigned>(c));
          for (const char* q = b; *q; ++q) out.push_back(static_cast<unsigned char>(*q));
        }
        return;
      case Handler::unknown: throw Error(CNP_ERR_KEY, std::string("unknown error handler name '") + errors + "'");
      case Handler::strict: break;
    }
    std::string m = "'" + name + "' codec can't encode ";
    if (end - start == 1) m += "character '" + char_repr(s[start]) + "' in position " + std::to_string(start);
    else m += "characters in position " + std::to_string(start) + "-" + std::to_string(end - 1);
    throw Error(CNP_ERR_VALUE, m + ": " + reason);
  }

  void unit(uint32_t v, int size, bool be, Text& out) const {
    for (int k = 0; k < size; ++k) out.push_back(be ? (v >> (8 * (size - 1 - k))) & 0xff : (v >> (8 * k)) & 0xff);
  }

  void operator()(const Text& s, Text& out) const {
    const bool surrogates_bad = true;
    const size_t n = s.size();
    char32_t limit = 0x110000;
    const char* reason = "surrogates not allowed";
    if (codec == Codec::ascii) limit = 0x80, reason = "ordinal not in range(128)";
    if (codec == Codec::latin1) limit = 0x100, reason = "ordinal not in range(256)";
    const bool bom = codec == Codec::utf16 || codec == Codec::utf32;
    const int width = codec == Codec::utf16 || codec == Codec::utf16le || codec == Codec::utf16be ? 2
                      : codec == Codec::utf32 || codec == Codec::utf32le || codec == Codec::utf32be ? 4 : 1;
    const bool be = codec == Codec::utf16be || codec == Codec::utf32be;
    if (bom) unit(0xFEFF, width, false, out);
    auto bad = [&](char32_t c) { return c >= limit || (surrogates_bad && c >= 0xD800 && c <= 0xDFFF); };
    for (size_t i = 0; i < n;) {
      const char32_t c = s[i];
      if (bad(c)) {
        size_t j = i + 1;
        while (j < n && bad(s[j])) ++j;
        fail(s, i, j, reason, out);
        i = j;
        continue;
      }
      ++i;
      if (width == 4) unit(c, 4, be, out);
      else if (width == 2) {
        if (c < 0x10000) unit(c, 2, be, out);
        else {
          unit(0xD800 + ((c - 0x10000) >> 10), 2, be, out);
          unit(0xDC00 + ((c - 0x10000) & 0x3FF), 2, be, out);
        }
      } else if (codec == Codec::utf8) {
        if (c < 0x80) out.push_back(c);
        else if (c < 0x800) out.push_back(0xC0 | (c >> 6)), out.push_back(0x80 | (c & 0x3F));
        else if (c < 0x10000)
          out.push_back(0xE0 | (c >> 12)), out.push_back(0x80 | ((c >> 6) & 0x3F)), out.push_back(0x80 | (c & 0x3F));
        else
          out.push_back(0xF0 | (c >> 18)), out.push_back(0x80 | ((c >> 12) & 0x3F)),
              out.push_back(0x80 | ((c >> 6) & 0x3F)), out.push_back(0x80 | (c & 0x3F));
      } else {
        out.push_back(c);
      }
    }
  }
};

// decode and encode: check the input's kind (bytes.decode exists only on S elements, str.encode
// only on U), set up the coder, and run it over every element into a U (decode) or S result.
template <class Coder>
Array transcode(const Array& a, char kind, const char* no_method, const char* encoding, const char* errors,
                bool unicode_result) {
  string_array(a);
  if (a.dtype()->kind != kind) throw Error(CNP_ERR_TYPE, no_method);
  Coder c;
  c.codec = codec_of(encoding, c.name);
  c.handler = handler_of(errors);
  c.errors = errors;
  const Shape s = broadcast_of({&a});
  const Layout la = layout_of(a.dtype());
  return collect({&a}, s, unicode_result, [&](char* const* p, Text& r, Scratch& sc) {
    Text& t = sc.t[0];
    load(p[0], la, t);
    c(t, r);
  });
}

}  // namespace

Array decode(const Array& a, const char* encoding, const char* errors) {
  return transcode<Decoder>(a, 'S', "'numpy.str_' object has no attribute 'decode'", encoding, errors, true);
}

Array encode(const Array& a, const char* encoding, const char* errors) {
  return transcode<Encoder>(a, 'U', "'numpy.bytes_' object has no attribute 'encode'", encoding, errors, false);
}

}  // namespace cnp::chr
