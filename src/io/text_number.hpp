// Number parsing with NumPy 1.24 loadtxt's rules (textreading/conversions.c, str_to_int.h):
//  - floats: Python's float syntax as PyOS_string_to_double reads it (sign, digits with an
//    optional point, exponent, "inf"/"infinity"/"nan" in any case; no hex, no underscores),
//    surrounded by optional Python whitespace; out-of-range values become +-inf or 0.
//    Parsed with fast_float (correctly rounded, like Python's dtoa).
//  - integers: optional whitespace, one optional sign ('-' refused for unsigned), ASCII digits,
//    optional whitespace; a value out of the type's range fails.
//  - complex: "a", "bj", "a+bj", "a-bj" (also "a+-bj"), optionally in parentheses with inner
//    whitespace, with a configurable imaginary unit.
#pragma once
#include <cstdint>
#include <string_view>

namespace cnp::textio {

// The whole text (whitespace allowed around) as a double.
bool parse_double(std::string_view s, double* out) noexcept;
// The longest prefix of s that is a float (no leading whitespace); *used = bytes consumed.
bool parse_double_prefix(std::string_view s, double* out, size_t* used) noexcept;
bool parse_int64(std::string_view s, int64_t lo, int64_t hi, int64_t* out) noexcept;
bool parse_uint64(std::string_view s, uint64_t hi, uint64_t* out) noexcept;
bool parse_complex(std::string_view s, char32_t imaginary_unit, double* re, double* im) noexcept;

}  // namespace cnp::textio
