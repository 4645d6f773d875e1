// numpy.char in C++ (include/cnumpy/char.h is the C contract; docs/char.md). Every function
// broadcasts all of its array arguments, reads S and U arrays of any width, byte order and
// strides, and returns NumPy 1.24's dtype and width. Integer arguments are integer arrays;
// optional ones are nullptr for Python's None.
#pragma once
#include <string>

#include "char/text.hpp"
#include "core/array.hpp"

namespace cnp::chr {

// case.cpp: upper, lower, swapcase, capitalize, title (same dtype as a, truncated to its width).
enum class Case { upper, lower, swapcase, capitalize, title };
Array change_case(const Array& a, Case c);

// classify.cpp: the is* predicates (bool) and str_len (int64).
enum class Class { alnum, alpha, decimal, digit, lower, numeric, space, title, upper };
Array classify(const Array& a, Class c);
Array str_len(const Array& a);

// search.cpp: count/find/rfind/index/rindex (int64), startswith/endswith (bool).
enum class Find { count, find, rfind, index, rindex };
Array find(const Array& a, const Array& sub, const Array& start, const Array* end, Find f);
Array starts_with(const Array& a, const Array& prefix, const Array& start, const Array* end, bool at_end);

// pad_strip.cpp
enum class Side { both, left, right };
Array strip(const Array& a, const Array* chars, Side s);            // strip/lstrip/rstrip
Array justify(const Array& a, const Array& width, const Array& fill, Side s);  // center/ljust/rjust
Array zfill(const Array& a, const Array& width);
Array expandtabs(const Array& a, const Array& tabsize);

// edit.cpp: replace, add, multiply, join.
Array replace(const Array& a, const Array& old, const Array& repl, const Array* count);
Array add(const Array& a, const Array& b);
Array multiply(const Array& a, const Array& n);
Array join(const Array& sep, const Array& seq);

// split.cpp: partition/rpartition (a's shape plus an axis of 3); split/rsplit/splitlines as
// pieces (1-D, every element's pieces in C order) and counts (int64, the broadcast shape).
Array partition(const Array& a, const Array& sep, bool right);
void split(const Array& a, const Array* sep, const Array* maxsplit, bool right, Array& pieces, Array& counts);
void splitlines(const Array& a, const Array* keepends, Array& pieces, Array& counts);

// compare.cpp: compare_chararrays (op "==", "!=", "<", "<=", ">", ">="), rstrip: trailing
// whitespace ignored as numpy.char's comparisons do.
Array compare(const Array& a, const Array& b, const char* op, bool rstrip);

// codec.cpp: encode (U -> S) and decode (S -> U) with Python's codecs and errors= handlers.
Array encode(const Array& a, const char* encoding, const char* errors);
Array decode(const Array& a, const char* encoding, const char* errors);

// translate.cpp: str.translate with a table of code points (1-D integer keys -> 1-D string
// values; deleted (bool) true: removed) and bytes.translate with a 256-byte table (or nullptr)
// and deletechars.
Array translate(const Array& a, const Array& keys, const Array& values, const Array& deleted);
Array translate_bytes(const Array& a, const uint8_t* table, const uint8_t* deletechars, int64_t ndelete);

// format.cpp: a % values per element with Python's printf-style formatting.
Array mod(const Array& a, const Array& values);

}  // namespace cnp::chr
