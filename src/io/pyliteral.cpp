// Python literal reader and repr for the .npy header (pyliteral.hpp).
#include "io/pyliteral.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/dtype.hpp"

namespace cnp::io {
namespace {

constexpr int kMaxDepth = 64;  // deeper nesting than any header NumPy writes; refused, not recursed

void put_utf8(std::string& out, uint32_t cp) {
  if (cp > 0x10FFFF) throw SyntaxErrorLiteral{};
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class Reader {
 public:
  Reader(std::string_view s, bool long_suffix) : s_(s), long_suffix_(long_suffix) {}

  PyValue top() {
    // literal_eval strips leading spaces and tabs only; a leading newline is an indentation error.
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\t')) ++p_;
    if (p_ < s_.size() && (s_[p_] == '\n' || s_[p_] == '\r')) throw SyntaxErrorLiteral{};
    PyValue v = value(0);
    skip(false);
    if (p_ != s_.size()) throw SyntaxErrorLiteral{};
    return v;
  }

 private:
  // Whitespace; newlines only inside brackets (depth > 0) or at the end (eval mode's trailing NEWLINE).
  void skip(bool inside) {
    for (;;) {
      if (p_ >= s_.size()) return;
      char c = s_[p_];
      if (c == ' ' || c == '\t' || c == '\f') {
        ++p_;
      } else if (c == '#') {
        while (p_ < s_.size() && s_[p_] != '\n' && s_[p_] != '\r') ++p_;
      } else if (c == '\\' && p_ + 1 < s_.size() && (s_[p_ + 1] == '\n' || s_[p_ + 1] == '\r')) {
        p_ += 2;  // explicit line joining
        if (p_ < s_.size() && s_[p_ - 1] == '\r' && s_[p_] == '\n') ++p_;
      } else if (c == '\n' || c == '\r') {
        if (inside) {
          ++p_;
          continue;
        }
        // Outside brackets a newline ends the expression: only blank lines/comments may follow.
        size_t q = p_;
        while (q < s_.size()) {
          char d = s_[q];
          if (d == ' ' || d == '\t' || d == '\f' || d == '\n' || d == '\r') ++q;
          else if (d == '#') { while (q < s_.size() && s_[q] != '\n' && s_[q] != '\r') ++q; }
          else break;
        }
        if (q != s_.size()) throw SyntaxErrorLiteral{};
        p_ = q;
        return;
      } else {
        return;
      }
    }
  }
  bool eat(char c, int depth) {
    skip(depth > 0);
    if (p_ < s_.size() && s_[p_] == c) {
      ++p_;
      return true;
    }
    return false;
  }

  PyValue value(int depth) {
    if (depth > kMaxDepth) throw SyntaxErrorLiteral{};
    skip(depth > 0);
    if (p_ >= s_.size()) throw SyntaxErrorLiteral{};
    char c = s_[p_];
    if (c == '(') return sequence(depth, ')', PyValue::kTuple);
    if (c == '[') return sequence(depth, ']', PyValue::kList);
    if (c == '{') return braces(depth);
    if (c == '+' || c == '-') {
      ++p_;
      PyValue v = value(depth + 1);
      if (v.kind == PyValue::kBool) v.kind = PyValue::kInt;  // -True is literal_eval's ValueError; close enough
      if (v.kind != PyValue::kInt && v.kind != PyValue::kFloat && v.kind != PyValue::kComplex) throw SyntaxErrorLiteral{};
      if (c == '-') negate(v);
      return binary_complex(std::move(v), depth);
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || (c == '.' && p_ + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[p_ + 1]))))
      return binary_complex(number(), depth);
    if (c == '\'' || c == '"') return string_run(depth, false, false);
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      size_t q = p_;
      while (q < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[q])) || s_[q] == '_')) ++q;
      std::string_view w = s_.substr(p_, q - p_);
      if (q < s_.size() && (s_[q] == '\'' || s_[q] == '"') && w.size() <= 2) {
        bool raw = false, bytes = false, ok = true;
        for (char ch : w) {
          char l = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          if (l == 'r' && !raw) raw = true;
          else if (l == 'b' && !bytes) bytes = true;
          else if (l == 'u' && w.size() == 1) {}
          else ok = false;
        }
        if (ok) {
          p_ = q;
          return string_run(depth, raw, bytes);
        }
      }
      p_ = q;
      PyValue v;
      if (w == "True") { v.kind = PyValue::kBool; v.i = 1; return v; }
      if (w == "False") { v.kind = PyValue::kBool; v.i = 0; return v; }
      if (w == "None") { v.kind = PyValue::kNone; return v; }
      throw SyntaxErrorLiteral{};
    }
    throw SyntaxErrorLiteral{};
  }

  static void negate(PyValue& v) {
    if (v.kind == PyValue::kInt) {
      if (v.big) v.text = v.text[0] == '-' ? v.text.substr(1) : "-" + v.text;
      else if (v.i == INT64_MIN) { v.big = true; v.text = "9223372036854775808"; }
      else v.i = -v.i;
    } else {
      v.f = -v.f;
      v.imag = -v.imag;
    }
  }

  // literal_eval's complex literals: real +/- imaginary.
  PyValue binary_complex(PyValue v, int depth) {
    size_t save = p_;
    skip(depth > 0);
    if (p_ < s_.size() && (s_[p_] == '+' || s_[p_] == '-') && (v.kind == PyValue::kInt || v.kind == PyValue::kFloat)) {
      char op = s_[p_++];
      skip(depth > 0);
      if (p_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[p_])) || s_[p_] == '.')) {
        PyValue w = number();
        if (w.kind != PyValue::kComplex) throw SyntaxErrorLiteral{};
        PyValue r;
        r.kind = PyValue::kComplex;
        r.f = v.kind == PyValue::kInt ? (v.big ? std::strtod(v.text.c_str(), nullptr) : static_cast<double>(v.i)) : v.f;
        r.imag = op == '-' ? -w.imag : w.imag;
        return r;
      }
      throw SyntaxErrorLiteral{};
    }
    p_ = save;
    return v;
  }

  PyValue number() {
    size_t q = p_;
    PyValue v;
    std::string digits;
    auto collect = [&](auto pred) {
      bool any = false, last_us = false;
      while (q < s_.size() && (pred(s_[q]) || (s_[q] == '_' && any && !last_us))) {
        last_us = s_[q] == '_';
        if (!last_us) digits += s_[q];
        any = true;
        ++q;
      }
      if (last_us) throw SyntaxErrorLiteral{};
      return any;
    };
    auto isdig = [](char ch) { return ch >= '0' && ch <= '9'; };
    if (s_[q] == '0' && q + 1 < s_.size() && std::strchr("xXoObB", s_[q + 1])) {
      char base_c = static_cast<char>(std::tolower(static_cast<unsigned char>(s_[q + 1])));
      int base = base_c == 'x' ? 16 : base_c == 'o' ? 8 : 2;
      q += 2;
      if (q < s_.size() && s_[q] == '_') ++q;
      if (!collect([&](char ch) { int h = hexval(ch); return h >= 0 && h < base; })) throw SyntaxErrorLiteral{};
      unsigned __int128 acc = 0;
      bool big = false;
      for (char ch : digits) {
        acc = acc * static_cast<unsigned>(base) + static_cast<unsigned>(hexval(ch));
        if (acc > static_cast<unsigned __int128>(INT64_MAX)) big = true;
        if (acc >> 100) acc = static_cast<unsigned __int128>(1) << 100;  // saturate: only "big" matters now
      }
      p_ = q;
      tail_check();
      v.kind = PyValue::kInt;
      if (big) { v.big = true; v.text = big_decimal(digits, base); }
      else v.i = static_cast<int64_t>(acc);
      return v;
    }
    collect(isdig);
    bool is_float = false;
    std::string num = digits;
    if (q < s_.size() && s_[q] == '.') {
      is_float = true;
      ++q;
      num += '.';
      digits.clear();
      collect(isdig);
      num += digits;
    }
    if (q < s_.size() && (s_[q] == 'e' || s_[q] == 'E')) {
      size_t r = q + 1;
      std::string e = "e";
      if (r < s_.size() && (s_[r] == '+' || s_[r] == '-')) e += s_[r++];
      if (r < s_.size() && isdig(s_[r])) {
        q = r;
        digits.clear();
        collect(isdig);
        num += e + digits;
        is_float = true;
      } else {
        throw SyntaxErrorLiteral{};
      }
    }
    if (q < s_.size() && (s_[q] == 'j' || s_[q] == 'J')) {
      ++q;
      p_ = q;
      tail_check();
      v.kind = PyValue::kComplex;
      v.imag = std::strtod(num.c_str(), nullptr);
      return v;
    }
    p_ = q;
    if (is_float) {
      tail_check();
      v.kind = PyValue::kFloat;
      v.f = std::strtod(num.c_str(), nullptr);
      return v;
    }
    // Python 3 refuses leading zeros in a nonzero decimal integer ("010").
    if (num.size() > 1 && num[0] == '0' && num.find_first_not_of('0') != std::string::npos) throw SyntaxErrorLiteral{};
    if (long_suffix_ && p_ < s_.size() && (s_[p_] == 'L' || s_[p_] == 'l')) ++p_;  // NumPy's _filter_header (format 1.0/2.0)
    tail_check();
    v.kind = PyValue::kInt;
    size_t nz = num.find_first_not_of('0');
    std::string stripped = nz == std::string::npos ? "0" : num.substr(nz);
    if (stripped.size() > 19 || (stripped.size() == 19 && stripped > "9223372036854775807")) {
      v.big = true;
      v.text = stripped;
    } else {
      v.i = std::strtoll(stripped.c_str(), nullptr, 10);
    }
    return v;
  }
  void tail_check() {
    // "1a", "1_": a name glued to a number is a syntax error.
    if (p_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[p_])) || s_[p_] == '_')) throw SyntaxErrorLiteral{};
  }
  static std::string big_decimal(const std::string& digits, int base) {
    // Decimal text of a big non-decimal integer (only for messages); digit-by-digit long multiply.
    std::vector<int> dec{0};
    for (char ch : digits) {
      int carry = hexval(ch);
      for (int& d : dec) {
        int x = d * base + carry;
        d = x % 10;
        carry = x / 10;
      }
      while (carry) { dec.push_back(carry % 10); carry /= 10; }
      if (dec.size() > 4400) throw SyntaxErrorLiteral{};  // Python's int max str digits is 4300
    }
    std::string out;
    for (auto it = dec.rbegin(); it != dec.rend(); ++it) out += static_cast<char>('0' + *it);
    size_t nz = out.find_first_not_of('0');
    return nz == std::string::npos ? "0" : out.substr(nz);
  }

  // One string literal plus the adjacent ones Python concatenates ('a' 'b').
  PyValue string_run(int depth, bool raw, bool bytes) {
    PyValue v;
    v.kind = bytes ? PyValue::kBytes : PyValue::kStr;
    v.text = one_string(raw, bytes);
    for (;;) {
      size_t save = p_;
      skip(depth > 0);
      size_t q = p_;
      bool r2 = false, b2 = false;
      while (q < s_.size() && q - p_ < 2 && std::strchr("rRbBuU", s_[q]) && s_[q]) {
        char l = static_cast<char>(std::tolower(static_cast<unsigned char>(s_[q])));
        if (l == 'r') r2 = true;
        if (l == 'b') b2 = true;
        ++q;
      }
      if (q < s_.size() && (s_[q] == '\'' || s_[q] == '"')) {
        if (b2 != bytes) throw SyntaxErrorLiteral{};  // cannot mix bytes and nonbytes literals
        p_ = q;
        v.text += one_string(r2, b2);
      } else {
        p_ = save;
        return v;
      }
    }
  }

  std::string one_string(bool raw, bool bytes) {
    char q = s_[p_];
    bool triple = p_ + 2 < s_.size() && s_[p_ + 1] == q && s_[p_ + 2] == q;
    p_ += triple ? 3 : 1;
    std::string out;
    for (;;) {
      if (p_ >= s_.size()) throw SyntaxErrorLiteral{};
      char c = s_[p_];
      if (c == q) {
        if (!triple) { ++p_; return out; }
        if (p_ + 2 < s_.size() + 0 && s_[p_ + 1] == q && s_[p_ + 2] == q) { p_ += 3; return out; }
        out += c;
        ++p_;
        continue;
      }
      if ((c == '\n' || c == '\r') && !triple) throw SyntaxErrorLiteral{};
      if (bytes && static_cast<unsigned char>(c) >= 0x80) throw SyntaxErrorLiteral{};
      if (c != '\\') { out += c; ++p_; continue; }
      if (p_ + 1 >= s_.size()) throw SyntaxErrorLiteral{};
      char e = s_[p_ + 1];
      if (raw) {
        out += c;
        out += e;
        p_ += 2;
        continue;
      }
      p_ += 2;
      switch (e) {
        case '\n': break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case 'x': {
          if (p_ + 1 >= s_.size() || hexval(s_[p_]) < 0 || hexval(s_[p_ + 1]) < 0) throw SyntaxErrorLiteral{};
          uint32_t cp = static_cast<uint32_t>(hexval(s_[p_]) * 16 + hexval(s_[p_ + 1]));
          p_ += 2;
          if (bytes) out += static_cast<char>(cp);
          else put_utf8(out, cp);
          break;
        }
        case 'u':
        case 'U': {
          if (bytes) { out += '\\'; out += e; break; }
          int n = e == 'u' ? 4 : 8;
          uint32_t cp = 0;
          for (int k = 0; k < n; ++k) {
            if (p_ >= s_.size() || hexval(s_[p_]) < 0) throw SyntaxErrorLiteral{};
            cp = cp * 16 + static_cast<uint32_t>(hexval(s_[p_++]));
          }
          put_utf8(out, cp);
          break;
        }
        case 'N':
          if (bytes) { out += "\\N"; break; }
          throw SyntaxErrorLiteral{};  // named escapes need Unicode's name table: refused
        default:
          if (e >= '0' && e <= '7') {
            uint32_t cp = static_cast<uint32_t>(e - '0');
            for (int k = 0; k < 2 && p_ < s_.size() && s_[p_] >= '0' && s_[p_] <= '7'; ++k) cp = cp * 8 + static_cast<uint32_t>(s_[p_++] - '0');
            if (bytes) out += static_cast<char>(cp & 0xFF);
            else put_utf8(out, cp);
          } else {
            out += '\\';
            out += e;
          }
      }
    }
  }

  PyValue sequence(int depth, char close, PyValue::Kind kind) {
    ++p_;
    PyValue v;
    v.kind = kind;
    bool trailing_comma = false;
    if (eat(close, depth + 1)) return v;
    for (;;) {
      v.items.push_back(value(depth + 1));
      if (eat(close, depth + 1)) { trailing_comma = false; break; }
      if (!eat(',', depth + 1)) throw SyntaxErrorLiteral{};
      trailing_comma = true;
      if (eat(close, depth + 1)) break;
    }
    // "(x)" is x itself, "(x,)" a tuple.
    if (kind == PyValue::kTuple && v.items.size() == 1 && !trailing_comma) return std::move(v.items[0]);
    return v;
  }

  static bool hashable(const PyValue& k) {
    if (k.kind == PyValue::kList || k.kind == PyValue::kDict || k.kind == PyValue::kSet) return false;
    if (k.kind == PyValue::kTuple)
      for (const PyValue& x : k.items)
        if (!hashable(x)) return false;
    return true;
  }
  static bool same_key(const PyValue& a, const PyValue& b) {
    // Python equality of hashable literals, enough for dict keys (1 == 1.0 == True).
    auto num = [](const PyValue& x, double* d) {
      if (x.kind == PyValue::kInt && !x.big) { *d = static_cast<double>(x.i); return true; }
      if (x.kind == PyValue::kBool) { *d = static_cast<double>(x.i); return true; }
      if (x.kind == PyValue::kFloat) { *d = x.f; return true; }
      return false;
    };
    double da, db;
    if (num(a, &da) && num(b, &db)) return da == db;
    if (a.kind != b.kind) return false;
    switch (a.kind) {
      case PyValue::kStr: case PyValue::kBytes: return a.text == b.text;
      case PyValue::kInt: return a.big == b.big && a.text == b.text;
      case PyValue::kComplex: return a.f == b.f && a.imag == b.imag;
      case PyValue::kNone: return true;
      case PyValue::kTuple:
        if (a.items.size() != b.items.size()) return false;
        for (size_t i = 0; i < a.items.size(); ++i)
          if (!same_key(a.items[i], b.items[i])) return false;
        return true;
      default: return false;
    }
  }

  PyValue braces(int depth) {
    ++p_;
    PyValue v;
    v.kind = PyValue::kDict;
    if (eat('}', depth + 1)) return v;
    PyValue first = value(depth + 1);
    if (eat(':', depth + 1)) {
      PyValue val = value(depth + 1);
      add(v, std::move(first), std::move(val));
      for (;;) {
        if (eat('}', depth + 1)) return v;
        if (!eat(',', depth + 1)) throw SyntaxErrorLiteral{};
        if (eat('}', depth + 1)) return v;
        PyValue k = value(depth + 1);
        if (!eat(':', depth + 1)) throw SyntaxErrorLiteral{};
        PyValue x = value(depth + 1);
        add(v, std::move(k), std::move(x));
      }
    }
    v.kind = PyValue::kSet;
    v.items.push_back(std::move(first));
    for (;;) {
      if (eat('}', depth + 1)) break;
      if (!eat(',', depth + 1)) throw SyntaxErrorLiteral{};
      if (eat('}', depth + 1)) break;
      v.items.push_back(value(depth + 1));
    }
    for (const PyValue& x : v.items)
      if (!hashable(x)) throw SyntaxErrorLiteral{};  // literal_eval's TypeError: unhashable
    return v;
  }
  void add(PyValue& d, PyValue k, PyValue x) {
    if (!hashable(k)) throw SyntaxErrorLiteral{};
    for (auto& kv : d.dict)
      if (same_key(kv.first, k)) {
        kv.second = std::move(x);  // Python keeps the first key object and the last value
        return;
      }
    d.dict.push_back(PyDictItem{std::move(k), std::move(x)});
  }

  std::string_view s_;
  size_t p_ = 0;
  bool long_suffix_;
};

}  // namespace

std::string float_repr(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x < 0 ? "-inf" : "inf";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  std::string s(buf, r.ptr);
  // s = [-]d[.ddd]e[+-]XX: Python's repr uses fixed notation for 1e-4 <= |x| < 1e16.
  bool neg = s[0] == '-';
  if (neg) s.erase(0, 1);
  size_t epos = s.find('e');
  int exp = std::atoi(s.c_str() + epos + 1);
  std::string digits = s.substr(0, epos);
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  std::string out;
  if (exp >= -5 && exp < 16) {
    if (exp < 0) {
      out = "0." + std::string(static_cast<size_t>(-exp - 1), '0') + digits;
    } else if (static_cast<int>(digits.size()) <= exp + 1) {
      out = digits + std::string(static_cast<size_t>(exp + 1) - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, static_cast<size_t>(exp + 1)) + "." + digits.substr(static_cast<size_t>(exp + 1));
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char e[16];
    std::snprintf(e, sizeof e, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += e;
  }
  return neg ? "-" + out : out;
}

PyValue parse_literal(std::string_view text, bool allow_long_suffix) { return Reader(text, allow_long_suffix).top(); }

std::string py_repr_value(const PyValue& v) {
  switch (v.kind) {
    case PyValue::kStr: return py_repr(v.text);
    case PyValue::kBytes: return bytes_repr(v.text);
    case PyValue::kInt: return v.big ? v.text : std::to_string(v.i);
    case PyValue::kFloat: return float_repr(v.f);
    case PyValue::kComplex: {
      auto trim = [](std::string s) { return s.size() > 2 && s.substr(s.size() - 2) == ".0" ? s.substr(0, s.size() - 2) : s; };
      std::string im = trim(float_repr(v.imag));
      if (v.f == 0 && !std::signbit(v.f)) return im + "j";
      std::string re = trim(float_repr(v.f));
      return "(" + re + (im[0] == '-' ? "" : "+") + im + "j)";
    }
    case PyValue::kBool: return v.i ? "True" : "False";
    case PyValue::kNone: return "None";
    case PyValue::kTuple:
    case PyValue::kList:
    case PyValue::kSet: {
      const char* open = v.kind == PyValue::kTuple ? "(" : v.kind == PyValue::kList ? "[" : "{";
      const char* close = v.kind == PyValue::kTuple ? ")" : v.kind == PyValue::kList ? "]" : "}";
      std::string r = open;
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) r += ", ";
        r += py_repr_value(v.items[i]);
      }
      if (v.kind == PyValue::kTuple && v.items.size() == 1) r += ",";
      return r + close;
    }
    case PyValue::kDict: {
      std::string r = "{";
      for (size_t i = 0; i < v.dict.size(); ++i) {
        if (i) r += ", ";
        r += py_repr_value(v.dict[i].first) + ": " + py_repr_value(v.dict[i].second);
      }
      return r + "}";
    }
  }
  return "None";
}

}  // namespace cnp::io
