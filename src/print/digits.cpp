// See digits.hpp. The digit loop follows Steele & White / Burger & Dybvig as NumPy's Dragon4 does
// (value, scale and the margin mlow as exact integers); the layout functions follow NumPy's
// FormatPositional / FormatScientific, including where min_digits padding and trimming interact.
#include "print/digits.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "core/error.hpp"
#include "core/types.hpp"

namespace cnp::print {
namespace {

// Unsigned big integer, 32-bit limbs little-endian, no leading zero limbs (zero: n == 0). Fixed
// storage (no allocation per digit): every number of the digit loop stays below about 2^1090 —
// the scale is at most 2^1076 (float64 subnormals) or 4*10^308, and value, the margins, 2*value
// and value+mhigh stay within a few times the scale (see dragon4 below).
struct Big {
  static constexpr int kLimbs = 48;
  uint32_t w[kLimbs];
  int n = 0;

  static Big of(uint64_t v) {
    Big b;
    while (v) {
      b.w[b.n++] = static_cast<uint32_t>(v);
      v >>= 32;
    }
    return b;
  }
  bool zero() const { return n == 0; }
  void push(uint32_t x) {
    if (n == kLimbs) throw Error(CNP_ERR_INTERNAL, "Dragon4: big integer overflow");
    w[n++] = x;
  }
  void trim() {
    while (n > 0 && w[n - 1] == 0) --n;
  }
  void shl(int bits) {
    if (zero() || bits == 0) return;
    const int limbs = bits / 32, r = bits % 32;
    if (r) {
      uint32_t carry = 0;
      for (int i = 0; i < n; ++i) {
        uint32_t nx = (w[i] << r) | carry;
        carry = w[i] >> (32 - r);
        w[i] = nx;
      }
      if (carry) push(carry);
    }
    if (limbs) {
      if (n + limbs > kLimbs) throw Error(CNP_ERR_INTERNAL, "Dragon4: big integer overflow");
      std::memmove(w + limbs, w, sizeof(uint32_t) * static_cast<size_t>(n));
      std::memset(w, 0, sizeof(uint32_t) * static_cast<size_t>(limbs));
      n += limbs;
    }
  }
  void mul_small(uint32_t m) {
    uint64_t carry = 0;
    for (int i = 0; i < n; ++i) {
      uint64_t p = static_cast<uint64_t>(w[i]) * m + carry;
      w[i] = static_cast<uint32_t>(p);
      carry = p >> 32;
    }
    if (carry) push(static_cast<uint32_t>(carry));
  }
  void mul_pow10(int k) {
    for (; k >= 9; k -= 9) mul_small(1000000000u);
    static const uint32_t p10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    if (k > 0) mul_small(p10[k]);
  }
  void add(const Big& o) {
    const int m = std::max(n, o.n);
    uint64_t carry = 0;
    for (int i = 0; i < m; ++i) {
      uint64_t s = static_cast<uint64_t>(i < n ? w[i] : 0) + (i < o.n ? o.w[i] : 0) + carry;
      w[i] = static_cast<uint32_t>(s);
      carry = s >> 32;
    }
    n = m;
    if (carry) push(static_cast<uint32_t>(carry));
  }
  void sub(const Big& o) {  // requires *this >= o
    int64_t borrow = 0;
    for (int i = 0; i < n; ++i) {
      int64_t d = static_cast<int64_t>(w[i]) - (i < o.n ? o.w[i] : 0) - borrow;
      borrow = d < 0;
      w[i] = static_cast<uint32_t>(d + (borrow ? (int64_t{1} << 32) : 0));
    }
    trim();
  }
  friend int cmp(const Big& a, const Big& b) {
    if (a.n != b.n) return a.n < b.n ? -1 : 1;
    for (int i = a.n; i-- > 0;)
      if (a.w[i] != b.w[i]) return a.w[i] < b.w[i] ? -1 : 1;
    return 0;
  }
};

constexpr int kBuffer = 16383;  // NumPy's Dragon4 scratch buffer (digits it can produce)

// The float's parts: value = mant * 2^exp; mant_bit is the index of mant's highest set bit.
struct Parts {
  bool neg = false, nan = false, inf = false, unequal = false;
  uint64_t mant = 0;
  int exp = 0, mant_bit = 0;
};

int bit_length(uint64_t v) { return v ? 64 - __builtin_clzll(v) : 0; }

Parts decompose(double x, FloatKind kind) {
  uint64_t bits;
  int mbits, ebits, bias;
  if (kind == FloatKind::Half) {
    bits = double_to_half(x);
    mbits = 10, ebits = 5, bias = 15;
  } else if (kind == FloatKind::Single) {
    float f = static_cast<float>(x);
    uint32_t b;
    std::memcpy(&b, &f, 4);
    bits = b;
    mbits = 23, ebits = 8, bias = 127;
  } else {
    std::memcpy(&bits, &x, 8);
    mbits = 52, ebits = 11, bias = 1023;
  }
  Parts p;
  p.neg = (bits >> (mbits + ebits)) & 1;
  const uint64_t e = (bits >> mbits) & ((uint64_t{1} << ebits) - 1);
  const uint64_t m = bits & ((uint64_t{1} << mbits) - 1);
  if (e == (uint64_t{1} << ebits) - 1) {
    (m ? p.nan : p.inf) = true;
    return p;
  }
  if (e != 0) {
    p.mant = (uint64_t{1} << mbits) | m;
    p.exp = static_cast<int>(e) - bias - mbits;
    p.mant_bit = mbits;
    p.unequal = e != 1 && m == 0;
  } else {
    p.mant = m;
    p.exp = 1 - bias - mbits;
    p.mant_bit = std::max(bit_length(m) - 1, 0);
  }
  return p;
}

// Dragon4's digit generation: the digits and the decimal exponent of the first. unique: the
// shortest digits identifying the value (at least cutoff_min, at most cutoff_max); otherwise
// exact digits up to cutoff_max, stopping early when the value is exhausted. The last digit is
// rounded on the exact remainder (half to even).
std::string dragon4(const Parts& p, bool unique, bool total_length, int cutoff_max, int cutoff_min, int bufsize,
                    int& out_exp) {
  out_exp = 0;
  if (p.mant == 0) return "0";
  const bool even = p.mant % 2 == 0;
  Big value = Big::of(p.mant), scale, mlow;
  if (p.exp > 0) {
    value.shl(p.exp + (p.unequal ? 2 : 1));
    scale = Big::of(p.unequal ? 4 : 2);
    mlow = Big::of(1);
    mlow.shl(p.exp);
  } else {
    value.shl(p.unequal ? 2 : 1);
    scale = Big::of(1);
    scale.shl(-p.exp + (p.unequal ? 2 : 1));
    mlow = Big::of(1);
  }
  const double log10_2 = 0.30102999566398119521373889472449;
  int digit_exp = static_cast<int>(std::ceil((p.mant_bit + p.exp) * log10_2 - 0.69));
  if (cutoff_max >= 0 && !total_length && digit_exp <= -cutoff_max) digit_exp = -cutoff_max + 1;
  if (digit_exp > 0) {
    scale.mul_pow10(digit_exp);
  } else if (digit_exp < 0) {
    value.mul_pow10(-digit_exp);
    mlow.mul_pow10(-digit_exp);
  }
  if (cmp(value, scale) >= 0) {
    digit_exp += 1;
  } else {
    value.mul_small(10);
    mlow.mul_small(10);
  }
  out_exp = digit_exp - 1;
  int cmax_exp = digit_exp - bufsize;
  if (cutoff_max >= 0) cmax_exp = std::max(cmax_exp, total_length ? digit_exp - cutoff_max : -cutoff_max);
  int cmin_exp = digit_exp;
  if (cutoff_min >= 0) cmin_exp = std::min(cmin_exp, total_length ? digit_exp - cutoff_min : -cutoff_min);

  std::string digits;
  bool low = false, high = false;
  int d = 0;
  auto next_digit = [&] {
    d = 0;
    while (cmp(value, scale) >= 0) {
      value.sub(scale);
      ++d;
    }
  };
  if (unique) {
    for (;;) {
      --digit_exp;
      next_digit();
      Big mhigh = mlow;
      if (p.unequal) mhigh.shl(1);
      const int c_low = cmp(value, mlow);
      low = even ? c_low <= 0 : c_low < 0;
      Big vh = value;
      vh.add(mhigh);
      const int c_high = cmp(vh, scale);
      high = even ? c_high >= 0 : c_high > 0;
      if (((low || high) && digit_exp <= cmin_exp) || digit_exp == cmax_exp) break;
      digits.push_back(static_cast<char>('0' + d));
      value.mul_small(10);
      // Past the shortest digits (min_digits) the margin keeps growing while value < scale:
      // once mlow > scale, low and high stay true whatever mlow is, so it stops growing there
      // (bounded storage; same digits).
      if (cmp(mlow, scale) <= 0) mlow.mul_small(10);
    }
  } else {
    for (;;) {
      --digit_exp;
      next_digit();
      if (value.zero() || digit_exp == cmax_exp) break;
      digits.push_back(static_cast<char>('0' + d));
      value.mul_small(10);
    }
  }
  bool round_down = low;
  if (low == high) {
    Big twice = value;
    twice.shl(1);
    const int c = cmp(twice, scale);
    round_down = c < 0 || (c == 0 && d % 2 == 0);
  }
  if (round_down) {
    digits.push_back(static_cast<char>('0' + d));
  } else if (d != 9) {
    digits.push_back(static_cast<char>('0' + d + 1));
  } else {
    while (!digits.empty() && digits.back() == '9') digits.pop_back();
    if (!digits.empty()) {
      digits.back() = static_cast<char>(digits.back() + 1);
    } else {
      digits = "1";
      out_exp += 1;
    }
  }
  return digits;
}

constexpr int kBufferSize = kBuffer + 1;  // NumPy's scratch repr[16384]: 16383 characters + NUL

// NumPy 1.24's FormatPositional, on the same fixed buffer so that very long results are cut
// where NumPy cuts them (maxPrintLen characters, sign included).
std::string positional(const Parts& p, const DragonArgs& a) {
  char buffer[kBufferSize];
  const int max_len = kBufferSize - 1;
  const bool total_length = !a.fractional;
  int pos = 0, has_sign = 0, num_whole = 0, num_frac = 0;
  if (p.neg || a.sign) {
    buffer[pos++] = p.neg ? '-' : '+';
    has_sign = 1;
  }
  int print_exp = 0;
  const std::string digits = dragon4(p, a.unique, total_length, a.precision, a.min_digits, max_len - has_sign, print_exp);
  int num_digits = static_cast<int>(digits.size());
  std::memcpy(buffer + has_sign, digits.data(), digits.size());
  if (print_exp >= 0) {
    num_whole = print_exp + 1;
    if (num_digits <= num_whole) {
      int count = num_whole - num_digits;
      pos += num_digits;
      if (pos + count > max_len) count = max_len - pos;
      for (; count > 0; --count) buffer[pos++] = '0';
    } else {
      num_frac = num_digits - num_whole;
      const int max_frac = max_len - num_whole - 1 - pos;
      if (num_frac > max_frac) num_frac = max_frac;
      std::memmove(buffer + pos + num_whole + 1, buffer + pos + num_whole, static_cast<size_t>(num_frac));
      pos += num_whole;
      buffer[pos] = '.';
      pos += 1 + num_frac;
    }
  } else {
    if (pos + 2 < max_len) {
      int zeros = -(print_exp + 1);
      if (zeros > max_len - 2 - pos) zeros = max_len - 2 - pos;
      const int start = 2 + zeros;
      num_frac = num_digits;
      if (num_frac > max_len - start - pos) num_frac = max_len - start - pos;
      std::memmove(buffer + pos + start, buffer + pos, static_cast<size_t>(num_frac));
      for (int i = 2; i < start; ++i) buffer[pos + i] = '0';
      num_frac += zeros;
    }
    if (pos + 1 < max_len) buffer[pos + 1] = '.';
    if (pos < max_len) buffer[pos] = '0';
    num_whole = 1;
    pos += 2 + num_frac;
  }
  if (a.trim != Trim::DptZeros && num_frac == 0 && pos < max_len) buffer[pos++] = '.';
  const int add = a.unique ? a.min_digits : a.precision;
  const int desired = total_length ? add - num_whole : std::max(add, 0);
  if (a.trim == Trim::LeaveOneZero) {
    if (num_frac == 0 && pos < max_len) {
      buffer[pos++] = '0';
      ++num_frac;
    }
  } else if (a.trim == Trim::Keep && desired > num_frac && pos < max_len) {
    int count = desired - num_frac;
    if (pos + count > max_len) count = max_len - pos;
    num_frac += count;
    for (; count > 0; --count) buffer[pos++] = '0';
  }
  if (a.trim != Trim::Keep && num_frac > 0) {
    while (buffer[pos - 1] == '0') {
      --pos;
      --num_frac;
    }
    if (buffer[pos - 1] == '.') {
      if (a.trim == Trim::LeaveOneZero) {
        buffer[pos++] = '0';
        ++num_frac;
      } else if (a.trim == Trim::DptZeros) {
        --pos;
      }
    }
  }
  if (a.pad_right >= num_frac) {
    int count = a.pad_right - num_frac;
    if (a.trim == Trim::DptZeros && num_frac == 0 && pos < max_len) buffer[pos++] = ' ';
    if (pos + count > max_len) count = max_len - pos;
    for (; count > 0; --count) buffer[pos++] = ' ';
  }
  if (a.pad_left > num_whole + has_sign) {
    int shift = a.pad_left - (num_whole + has_sign);
    int count = pos;
    if (count + shift > max_len) count = max_len - shift;
    if (count > 0) std::memmove(buffer + shift, buffer, static_cast<size_t>(count));
    pos = shift + std::max(count, 0);
    for (; shift > 0; --shift) buffer[shift - 1] = ' ';
  }
  return std::string(buffer, static_cast<size_t>(pos));
}

// NumPy 1.24's FormatScientific, on the same fixed buffer.
std::string scientific(const Parts& p, const DragonArgs& a) {
  // NumPy's trailing zeros do not reduce the remaining size, so the exponent (at most 7
  // characters) can land past the 16384 bytes; the slack keeps that in bounds here.
  char buffer[kBufferSize + 8];
  int size = kBufferSize, pos = 0;
  const bool has_sign = p.neg || a.sign;
  const int leftchars = 1 + (has_sign ? 1 : 0);
  if (a.pad_left > leftchars)
    for (int i = 0; i < a.pad_left - leftchars && size > 1; ++i) {
      buffer[pos++] = ' ';
      --size;
    }
  if (has_sign && size > 1) {
    buffer[pos++] = p.neg ? '-' : '+';
    --size;
  }
  int print_exp = 0;
  const std::string digits = dragon4(p, a.unique, true, a.precision < 0 ? -1 : a.precision + 1,
                                     a.min_digits < 0 ? -1 : a.min_digits + 1, size, print_exp);
  const int num_digits = static_cast<int>(digits.size());
  std::memcpy(buffer + pos, digits.data(), digits.size());
  if (size > 1) {
    pos += 1;
    size -= 1;
  }
  int num_frac = num_digits - 1;
  if (num_frac > 0 && size > 1) {
    if (num_frac > size - 2) num_frac = size - 2;
    std::memmove(buffer + pos + 1, buffer + pos, static_cast<size_t>(num_frac));
    buffer[pos] = '.';
    pos += 1 + num_frac;
    size -= 1 + num_frac;
  }
  if (a.trim != Trim::DptZeros && num_frac == 0 && size > 1) {
    buffer[pos++] = '.';
    --size;
  }
  const int add = std::max(a.unique ? a.min_digits : a.precision, 0);
  if (a.trim == Trim::LeaveOneZero) {
    if (num_frac == 0 && size > 1) {
      buffer[pos++] = '0';
      --size;
      ++num_frac;
    }
  } else if (a.trim == Trim::Keep && add > num_frac) {
    int zeros = add - num_frac;
    if (zeros > size - 1) zeros = size - 1;
    // NumPy does not take these zeros off the remaining size
    for (; zeros > 0; --zeros) {
      buffer[pos++] = '0';
      ++num_frac;
    }
  }
  if (a.trim != Trim::Keep && num_frac > 0) {
    --pos;
    while (buffer[pos] == '0') {
      --pos;
      ++size;
      --num_frac;
    }
    if (a.trim == Trim::LeaveOneZero && buffer[pos] == '.') {
      buffer[++pos] = '0';
      --size;
      ++num_frac;
    }
    ++pos;
  }
  if (size > 1) {
    const int width = a.exp_digits < 0 ? 2 : std::min(a.exp_digits, 5);
    int e = print_exp < 0 ? -print_exp : print_exp;
    int dg[5];
    for (int i = 0; i < 5; ++i) {
      dg[i] = e % 10;
      e /= 10;
    }
    int n = 5;
    while (n > width && dg[n - 1] == 0) --n;
    char eb[7];
    eb[0] = 'e';
    eb[1] = print_exp >= 0 ? '+' : '-';
    for (int i = n; i > 0; --i) eb[2 + (n - i)] = static_cast<char>('0' + dg[i - 1]);
    int count = n + 2;
    if (count > size - 1) count = size - 1;
    std::memcpy(buffer + pos, eb, static_cast<size_t>(count));
    pos += count;
  }
  return std::string(buffer, static_cast<size_t>(pos));
}

std::string format(double x, FloatKind kind, const DragonArgs& a, bool sci) {
  const Parts p = decompose(x, kind);
  if (p.nan) return "nan";
  if (p.inf) return std::string(p.neg ? "-" : (a.sign ? "+" : "")) + "inf";
  return sci ? scientific(p, a) : positional(p, a);
}

}  // namespace

std::string dragon4_positional(double x, FloatKind kind, const DragonArgs& a) { return format(x, kind, a, false); }

std::string dragon4_scientific(double x, FloatKind kind, const DragonArgs& a) { return format(x, kind, a, true); }

}  // namespace cnp::print
