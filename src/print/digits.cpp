// See digits.hpp. The digit loop follows Steele & White / Burger & Dybvig as NumPy's Dragon4 does
// (value, scale and the margin mlow as exact integers); the layout functions follow NumPy's
// FormatPositional / FormatScientific, including where min_digits padding and trimming interact.
#include "print/digits.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/types.hpp"

namespace cnp::print {
namespace {

// Unsigned big integer, 32-bit limbs little-endian, no leading zero limbs (zero = empty).
struct Big {
  std::vector<uint32_t> w;

  static Big of(uint64_t v) {
    Big b;
    while (v) {
      b.w.push_back(static_cast<uint32_t>(v));
      v >>= 32;
    }
    return b;
  }
  bool zero() const { return w.empty(); }
  void trim() {
    while (!w.empty() && w.back() == 0) w.pop_back();
  }
  void shl(int bits) {
    if (zero() || bits == 0) return;
    const int limbs = bits / 32, r = bits % 32;
    if (r) {
      uint32_t carry = 0;
      for (auto& x : w) {
        uint32_t nx = (x << r) | carry;
        carry = x >> (32 - r);
        x = nx;
      }
      if (carry) w.push_back(carry);
    }
    w.insert(w.begin(), static_cast<size_t>(limbs), 0u);
  }
  void mul_small(uint32_t m) {
    uint64_t carry = 0;
    for (auto& x : w) {
      uint64_t p = static_cast<uint64_t>(x) * m + carry;
      x = static_cast<uint32_t>(p);
      carry = p >> 32;
    }
    if (carry) w.push_back(static_cast<uint32_t>(carry));
    trim();
  }
  void mul_pow10(int n) {
    for (; n >= 9; n -= 9) mul_small(1000000000u);
    static const uint32_t p10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    if (n > 0) mul_small(p10[n]);
  }
  void add(const Big& o) {
    if (o.w.size() > w.size()) w.resize(o.w.size(), 0);
    uint64_t carry = 0;
    for (size_t i = 0; i < w.size(); ++i) {
      uint64_t s = static_cast<uint64_t>(w[i]) + (i < o.w.size() ? o.w[i] : 0) + carry;
      w[i] = static_cast<uint32_t>(s);
      carry = s >> 32;
    }
    if (carry) w.push_back(static_cast<uint32_t>(carry));
  }
  void sub(const Big& o) {  // requires *this >= o
    int64_t borrow = 0;
    for (size_t i = 0; i < w.size(); ++i) {
      int64_t d = static_cast<int64_t>(w[i]) - (i < o.w.size() ? o.w[i] : 0) - borrow;
      borrow = d < 0;
      w[i] = static_cast<uint32_t>(d + (borrow ? (int64_t{1} << 32) : 0));
    }
    trim();
  }
  friend int cmp(const Big& a, const Big& b) {
    if (a.w.size() != b.w.size()) return a.w.size() < b.w.size() ? -1 : 1;
    for (size_t i = a.w.size(); i-- > 0;)
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
      mlow.mul_small(10);
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

// NumPy's FormatPositional: the digits laid out around the point, then trimming and padding.
std::string positional_text(const std::string& digits, int pexp, const std::string& signch, const DragonArgs& a) {
  const int n = static_cast<int>(digits.size());
  const bool total_length = !a.fractional;
  std::string s;
  int nfrac, whole;
  if (pexp >= 0) {
    whole = pexp + 1;
    if (n <= whole) {
      s = digits + std::string(static_cast<size_t>(whole - n), '0');
      nfrac = 0;
    } else {
      s = digits.substr(0, static_cast<size_t>(whole)) + "." + digits.substr(static_cast<size_t>(whole));
      nfrac = n - whole;
    }
  } else {
    const int zeros = -(pexp + 1);
    s = "0." + std::string(static_cast<size_t>(zeros), '0') + digits;
    nfrac = n + zeros;
    whole = 1;
  }
  if (a.trim != Trim::DptZeros && nfrac == 0) s += '.';
  const int add = a.unique ? a.min_digits : a.precision;
  const int desired = total_length ? add - whole : std::max(add, 0);
  if (a.trim == Trim::LeaveOneZero) {
    if (nfrac == 0) {
      s += '0';
      nfrac = 1;
    }
  } else if (a.trim == Trim::Keep && desired > nfrac) {
    s.append(static_cast<size_t>(desired - nfrac), '0');
    nfrac = desired;
  }
  if (a.trim != Trim::Keep && nfrac > 0) {
    while (s.back() == '0') {
      s.pop_back();
      --nfrac;
    }
    if (s.back() == '.') {
      if (a.trim == Trim::LeaveOneZero) {
        s += '0';
        ++nfrac;
      } else if (a.trim == Trim::DptZeros) {
        s.pop_back();
      }
    }
  }
  if (a.pad_right >= nfrac) {
    if (a.trim == Trim::DptZeros && nfrac == 0) s += ' ';
    s.append(static_cast<size_t>(a.pad_right - nfrac), ' ');
  }
  s = signch + s;
  const int lead = whole + (signch.empty() ? 0 : 1);
  if (a.pad_left > lead) s.insert(0, static_cast<size_t>(a.pad_left - lead), ' ');
  return s;
}

// NumPy's FormatScientific.
std::string scientific_text(const std::string& digits, int pexp, const std::string& signch, const DragonArgs& a) {
  const int left = 1 + (signch.empty() ? 0 : 1);
  std::string s = a.pad_left > left ? std::string(static_cast<size_t>(a.pad_left - left), ' ') : std::string();
  s += signch;
  s += digits[0];
  int nfrac = static_cast<int>(digits.size()) - 1;
  if (nfrac > 0) {
    s += '.';
    s.append(digits, 1, std::string::npos);
  }
  if (a.trim != Trim::DptZeros && nfrac == 0) s += '.';
  const int add = std::max(a.unique ? a.min_digits : a.precision, 0);
  if (a.trim == Trim::LeaveOneZero) {
    if (nfrac == 0) {
      s += '0';
      nfrac = 1;
    }
  } else if (a.trim == Trim::Keep && add > nfrac) {
    s.append(static_cast<size_t>(add - nfrac), '0');
    nfrac = add;
  }
  if (a.trim != Trim::Keep && nfrac > 0) {
    while (s.back() == '0') {
      s.pop_back();
      --nfrac;
    }
    if (a.trim == Trim::LeaveOneZero && s.back() == '.') s += '0';
  }
  const int width = a.exp_digits < 0 ? 2 : std::min(a.exp_digits, 5);
  std::string e = std::to_string(pexp < 0 ? -pexp : pexp);
  if (static_cast<int>(e.size()) < width) e.insert(0, static_cast<size_t>(width) - e.size(), '0');
  return s + "e" + (pexp >= 0 ? "+" : "-") + e;
}

std::string format(double x, FloatKind kind, const DragonArgs& a, bool scientific) {
  const Parts p = decompose(x, kind);
  if (p.nan) return "nan";
  const std::string signch = p.neg ? "-" : (a.sign ? "+" : "");
  if (p.inf) return signch + "inf";
  const int bufsize = kBuffer - (signch.empty() ? 0 : 1);
  int pexp = 0;
  if (scientific) {
    std::string digits = dragon4(p, a.unique, true, a.precision >= 0 ? a.precision + 1 : -1,
                                 a.min_digits >= 0 ? a.min_digits + 1 : -1, bufsize, pexp);
    return scientific_text(digits, pexp, signch, a);
  }
  std::string digits = dragon4(p, a.unique, !a.fractional, a.precision, a.min_digits, bufsize, pexp);
  return positional_text(digits, pexp, signch, a);
}

}  // namespace

std::string dragon4_positional(double x, FloatKind kind, const DragonArgs& a) { return format(x, kind, a, false); }

std::string dragon4_scientific(double x, FloatKind kind, const DragonArgs& a) { return format(x, kind, a, true); }

}  // namespace cnp::print
