// Python's %-formatting of numbers, as numpy.savetxt uses it (`fmt % tuple(row)`): the
// conversions d i u o x X e E f F g G with the flags - + space # 0, a width and a precision,
// length modifiers ignored as Python ignores them. Output is byte-identical to Python's:
// std::to_chars gives the exactly rounded digits printf would, and the sign, prefix and padding
// are applied here with Python's rules (nan never signed, inf/nan zero-padded like numbers,
// '#' prefixes 0o/0x/0X). What Python would format through str()/repr() (%s %r %a %c), mapping
// keys and '*' widths are "not handled" (CNP_ERR_NOT_IMPLEMENTED): the Python layer then uses
// Python's own operator.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cnp::textio {

struct FormatSpec {
  std::string before;  // literal text before the conversion ('%%' already reduced)
  char type = 0;
  bool minus = false, plus = false, space = false, alt = false, zero = false;
  int64_t width = -1, precision = -1;
};

struct RowFormat {
  std::vector<FormatSpec> specs;
  std::string tail;
};

// Parses fmt; false when it holds something the C formatter leaves to Python.
bool parse_row_format(std::string_view fmt, RowFormat* out);

struct FormatValue {
  enum Kind { kInt, kUInt, kFloat, kBool } kind = kFloat;
  int64_t i = 0;
  uint64_t u = 0;
  double f = 0;
};

// Appends the formatted value. Returns false for a case left to Python (an integer conversion of
// a float beyond int64, '#' with a float conversion, x/o of a float or bool); throws
// Error(VALUE/OVERFLOW) for %d of NaN/inf as Python raises them.
bool format_value(const FormatSpec& spec, const FormatValue& v, std::string& out);

}  // namespace cnp::textio
