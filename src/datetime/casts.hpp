// The datetime casts of the loop registry (kOpCast methods): strings -> datetime64 (the ISO
// parser), datetime64 -> strings (ISO text), datetime/timedelta between units (NumPy's floor
// rounding, years and months through the calendar). Timedeltas to text stay in core/cast_any.
#pragma once
#include <cstdint>

#include "core/array.hpp"

namespace cnp::dt {

// NumPy's find_string_array_datetime64_type: the unit strings give, for astype('M8') and
// array(strings, dtype='M8') (the gcd of every element's unit; generic when all are NaT).
DtypeRef infer_text_datetime(const Array& text);

// Converts count contiguous int64 values between two datetime/timedelta descriptors (native).
void convert_values(const int64_t* src, int64_t* dst, int64_t n, const Dtype* from, const Dtype* to);

}  // namespace cnp::dt
