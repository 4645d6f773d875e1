// One column of a text reader's output: where a parsed field goes in a row of the result, and
// how a field's text becomes that element (NumPy 1.24 loadtxt's per-dtype conversions).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/dtype.hpp"

namespace cnp::textio {

enum class Leaf { kBool, kI8, kI16, kI32, kI64, kU8, kU16, kU32, kU64, kF16, kF32, kF64, kC64, kC128, kS, kU };

struct Column {
  Leaf kind;
  int64_t offset;     // in the row
  int64_t itemsize;
  const Dtype* dtype;  // for messages and byte order
};

struct ConvertState {
  char32_t imaginary_unit = U'j';
  bool warned_int_via_float = false;  // NumPy warns once per call
};

// The columns of dtype (a record's fields in order, subarrays expanded, nested records
// flattened); NotImplementedError for a kind the C reader does not convert (datetimes, objects).
std::vector<Column> columns_of(const Dtype* dtype);
// Writes the field's value at dst; false when the text is not a value of the column's type.
bool convert_field(const Column& c, std::string_view field, char* dst, ConvertState& st);
// "could not convert string 'x' to float64 at row 1, column 2." (NumPy's message, repr cut at
// 100 characters as %.100R does).
std::string conversion_error(std::string_view field, const Dtype* d, int64_t row, int64_t col);

}  // namespace cnp::textio
