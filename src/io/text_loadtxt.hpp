// numpy.loadtxt's reader (NumPy 1.24's _load_from_filelike plus loadtxt's ndmin/unpack) over a
// UTF-8 buffer, and genfromtxt's fast path for numeric columns. docs/textio.md.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/array.hpp"
#include "core/dtype.hpp"

namespace cnp::textio {

struct LoadtxtArgs {
  int64_t delimiter = -1;       // code point; -1: whitespace (None)
  int64_t comment = '#';        // one code point; -1: none
  std::vector<std::string> comments;  // several or multi-character comments (UTF-8): each line is
                                      // cut at each of them in turn, as NumPy's Python layer does
  int64_t quote = -1;           // -1: none
  int64_t imaginary_unit = 'j';
  int64_t skiprows = 0;
  int64_t max_rows = -1;        // -1: all
  bool has_usecols = false;
  std::vector<int64_t> usecols;
  int32_t ndmin = 0;
  bool unpack = false;          // transposed result (homogeneous dtypes)
  // Line items (NumPy's input from a list or generator): where each item ends in the text
  // (text_tokenizer.hpp set_items); empty with has_lines false: one text read as a file is.
  bool has_lines = false;
  std::vector<size_t> line_ends;
};

// The 2-D (homogeneous dtype) or 1-D (record dtype) array NumPy's C reader returns, then ndmin
// and unpack. "S0"/"U0" dtypes (no width) take the longest field's width.
Array loadtxt(std::string_view text, const Dtype* dtype, const LoadtxtArgs& args);

// NumPy's squeeze-then-atleast rules of loadtxt/genfromtxt (_ensure_ndmin_ndarray).
Array ensure_ndmin(const Array& a, int32_t ndmin);

struct GenfromtxtArgs {
  int64_t delimiter = -1;          // code point; -1: whitespace
  std::string comments = "#";      // empty: none
  int64_t skip_header = 0, skip_footer = 0;
  int64_t max_rows = -1;
  bool has_usecols = false;
  std::vector<int64_t> usecols;
  std::vector<std::string> missing;  // extra strings meaning "missing" (stripped compare); "" always
  bool invalid_raise = true;
};
// genfromtxt for a numeric dtype without converters — bool, int8-int64, uint8-uint32, float32,
// float64, or a record of such fields (one column each, a 1-D result) — missing fields of float
// columns become `fill` (a 0-d float64 array; none: NaN). Returns false (nothing done) when a field cannot be
// parsed by these rules or the column counts differ: the caller then runs NumPy's full Python
// algorithm, which words the error or warning. mask (optional): where values were missing.
bool genfromtxt_numeric(std::string_view text, const Dtype* dtype, const Array& fill, const GenfromtxtArgs& args,
                        Array* out, Array* mask);

// genfromtxt(dtype=None) when every column infers to bool, int64, float64 or str (NumPy's
// StringConverter chain, each column re-checked at each upgrade): a 2-D array of the common type
// when the columns agree and `structured` is false, else a 1-D record array with `names` (one per
// column, or false). False (nothing done) for anything NumPy's general algorithm must judge:
// complex or str columns, missing values outside float columns, skip_footer, rows of another
// length, a mask of a structured result.
// strings: 0 = str columns are the Python algorithm's; 1 = str columns as "U<longest field>"
// (fields as split, missing ones keep their text); 2 = as "S<n>" when every str field is
// Latin-1 (NumPy's encoding='bytes' conversion), else "U".
bool genfromtxt_infer(std::string_view text, const std::vector<std::string>& names, bool structured,
                      int32_t strings, const Array& fill, const GenfromtxtArgs& args, Array* out, Array* mask);

}  // namespace cnp::textio
