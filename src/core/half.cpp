// IEEE binary16 conversions with round-to-nearest-even, written from the IEEE 754 format rules
// (the same results NumPy's npy_half functions give).
#include <cfenv>
#include <cstdint>
#include <cstring>

#include "core/types.hpp"

namespace cnp {

float half_to_float(uint16_t h) noexcept {
  uint32_t sign = static_cast<uint32_t>(h & 0x8000u) << 16;
  uint32_t exp = (h >> 10) & 0x1fu;
  uint32_t man = h & 0x3ffu;
  uint32_t bits;
  if (exp == 0) {
    if (man == 0) {
      bits = sign;
    } else {  // subnormal half: normalise into a float
      int e = -1;
      do {
        ++e;
        man <<= 1;
      } while ((man & 0x400u) == 0);
      bits = sign | static_cast<uint32_t>(127 - 15 - e) << 23 | (man & 0x3ffu) << 13;
    }
  } else if (exp == 0x1f) {
    bits = sign | 0x7f800000u | man << 13;  // inf or NaN (payload kept)
  } else {
    bits = sign | (exp + 127 - 15) << 23 | man << 13;
  }
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

namespace {
// Rounds a binary64 or binary32 value given as sign, unbiased exponent and a mantissa with an
// explicit leading one at bit `top`, to binary16 with round-to-nearest-even.
// Like NumPy's conversions, overflow raises FE_OVERFLOW and an inexact subnormal (or zero) result
// FE_UNDERFLOW, so casts and ufuncs can report them.
uint16_t round_to_half(uint16_t sign, int exp, uint64_t man, int top) {
  if (exp > 15) {
    std::feraiseexcept(FE_OVERFLOW);
    return sign | 0x7c00u;  // overflow to infinity
  }
  int shift;                             // how many low bits of man are dropped
  uint16_t exp_bits;
  if (exp >= -14) {
    shift = top - 10;
    exp_bits = static_cast<uint16_t>(exp + 15);
  } else {
    shift = top - 10 + (-14 - exp);  // subnormal: fewer mantissa bits survive
    exp_bits = 0;
    if (shift > top + 1) {
      std::feraiseexcept(FE_UNDERFLOW);
      return sign;  // below half the smallest subnormal: rounds to zero
    }
  }
  uint64_t kept = man >> shift;
  uint64_t rest = man & ((uint64_t{1} << shift) - 1);
  uint64_t halfway = uint64_t{1} << (shift - 1);
  if (exp_bits == 0 && rest != 0) std::feraiseexcept(FE_UNDERFLOW);
  if (rest > halfway || (rest == halfway && (kept & 1))) ++kept;
  // kept includes the implicit bit for normals; adding it to exp_bits<<10 carries correctly into
  // the exponent when rounding overflows the mantissa (and into infinity at the top).
  uint32_t out = exp_bits ? (static_cast<uint32_t>(exp_bits - 1) << 10) + static_cast<uint32_t>(kept)
                          : static_cast<uint32_t>(kept);
  if (out >= 0x7c00u) {
    std::feraiseexcept(FE_OVERFLOW);
    return sign | 0x7c00u;
  }
  return static_cast<uint16_t>(sign | out);
}
}  // namespace

uint16_t float_to_half(float f) noexcept {
  uint32_t b;
  std::memcpy(&b, &f, 4);
  uint16_t sign = static_cast<uint16_t>((b >> 16) & 0x8000u);
  uint32_t exp = (b >> 23) & 0xffu;
  uint32_t man = b & 0x7fffffu;
  if (exp == 0xff) return man ? static_cast<uint16_t>(sign | 0x7e00u | (man >> 13)) : static_cast<uint16_t>(sign | 0x7c00u);
  if (exp == 0) {  // float subnormals are far below the half range
    if (man) std::feraiseexcept(FE_UNDERFLOW);
    return sign;
  }
  return round_to_half(sign, static_cast<int>(exp) - 127, man | 0x800000u, 23);
}

uint16_t double_to_half(double d) noexcept {
  uint64_t b;
  std::memcpy(&b, &d, 8);
  uint16_t sign = static_cast<uint16_t>((b >> 48) & 0x8000u);
  uint64_t exp = (b >> 52) & 0x7ffu;
  uint64_t man = b & 0xfffffffffffffull;
  if (exp == 0x7ff) return man ? static_cast<uint16_t>(sign | 0x7e00u | (man >> 42)) : static_cast<uint16_t>(sign | 0x7c00u);
  if (exp == 0) return sign;
  return round_to_half(sign, static_cast<int>(exp) - 1023, man | (uint64_t{1} << 52), 52);
}

}  // namespace cnp
