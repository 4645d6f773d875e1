// Casts between any two descriptors (docs/dtypes.md): byte order, strings, datetimes, records,
// subarrays and void, built on the 14x14 builtin table of cast.hpp. Text of datetimes and
// numbers as NumPy writes them (used by casts to strings and by the printer).
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "core/array.hpp"

namespace cnp {

// One strided loop over n elements from `from` to `to`. Values that do not convert raise NumPy's
// errors (ValueError "could not convert string to float: 'abc'").
using AnyCastLoop = std::function<void(const char* src, int64_t ss, char* dst, int64_t ds, int64_t n)>;
AnyCastLoop any_cast_loop(const Dtype* from, const Dtype* to);
// A cast method of the loop registry (kOpCast) keeps a CastMaker as its static data; its resolve
// step is resolve_cast_maker, which builds the pair's loop for the call. Modules that register
// casts of their own classes (src/datetime/casts.cpp) use the same two.
struct Method;
struct ResolvedLoop;
using CastMaker = AnyCastLoop (*)(const Dtype* from, const Dtype* to);
void resolve_cast_maker(const Method& m, const Dtype* const* given, ResolvedLoop& r);
class LoopRegistry;
enum class DClass : uint8_t;
// Adds to r the cast method `name` from class f to class t whose loops `maker` (a static) builds.
void add_cast_method(LoopRegistry& r, const char* name, const CastMaker* maker, DClass f, DClass t);
// Reverses the bytes of every scalar of d (each half of a complex, every field of a record) of
// n elements in place.
void byteswap_inplace(char* p, int64_t stride, int64_t n, const Dtype* d);
// dst = src with each of n scalars of `width` bytes (2, 4 or 8) reversed; contiguous both.
void swap_copy_contiguous(const char* src, char* dst, int64_t n, int64_t width);

// NumPy's str() of one element of a builtin numeric dtype ("1.5", "True", "(1+2j)", "1e+20").
std::string number_text(const Dtype* d, const char* src);
// NumPy's ISO text of a datetime64 value in unit/count ("2024-01-01", "NaT").
std::string datetime_text(int64_t value, int32_t unit, int32_t count);
// str() of a timedelta64 value ("5 seconds", "NaT").
std::string timedelta_text(int64_t value, int32_t unit, int32_t count);
// The code points of one U element (trailing NULs dropped) as UTF-8, or the bytes of an S element.
std::string element_text(const Dtype* d, const char* src);
// Writes UTF-8 text into one S/U element (truncated to its width, NUL-padded). S needs ASCII.
void store_text(const Dtype* d, const std::string& utf8, char* dst);

}  // namespace cnp
