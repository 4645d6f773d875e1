/*
 * cnumpy/textio.h: text files (numpy.loadtxt, numpy.savetxt, numpy.genfromtxt's numeric fast
 * path) on memory buffers and on paths. NumPy 1.24's rules and messages; docs/textio.md.
 *
 * Common scheme:
 *  - Text is UTF-8 (the Python layer decodes a file with its `encoding` and hands UTF-8 over;
 *    the *_path functions read the file's bytes as UTF-8). Line ends \n, \r\n and \r.
 *  - Control characters are Unicode code points; -1 means None (delimiter -1: any run of
 *    whitespace, as NumPy's delimiter=None). CNP_ERR_TYPE "The values for control characters
 *    'comment' and 'delimiter' are incompatible", "control character 'delimiter' cannot be a
 *    newline (`\r` or `\n`).".
 *  - usecols: NULL = all columns; otherwise nusecols indices (negative from the end).
 *  - Warnings go to the warning handler: CNP_WARN_DEPRECATION "loadtxt(): Parsing an integer
 *    via a float is deprecated. ..." (once per call), CNP_WARN_USER "Input line N contained no
 *    data and will not be counted towards `max_rows=M`. ..." (once per call). NumPy's
 *    "loadtxt: input contained no data" warning names the Python file object and is the Python
 *    layer's: a C caller sees a result with 0 rows.
 *  - Version: every function of this header appeared in ABI 1 (cnumpy 0.1, libcnumpy.so.1).
 *
 * The block between CNP_DECLS_BEGIN and CNP_DECLS_END is plain C99 (read by the bindings).
 */
#ifndef CNUMPY_TEXTIO_H
#define CNUMPY_TEXTIO_H

#include "cnumpy/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CNP_DECLS_BEGIN */

/** numpy.loadtxt(text, dtype, comments, delimiter, skiprows=skiprows, usecols, ndmin, max_rows,
 *  quotechar, unpack) over size bytes of UTF-8 at data (converters are the Python layer's).
 *  dtype NULL = float64; bool, integers, floats, complex, "S n"/"U n" ("S"/"U" without a width:
 *  the longest field's), records of those (one column per field, subarrays expanded: a 1-D
 *  result). comment: one code point or -1; comments/ncomments (UTF-8 strings, ncomments > 0)
 *  replace it with NumPy's rule for several or multi-character comments (each line cut at each
 *  string; quotechar must then be -1). max_rows -1 = all. ndmin 0/1/2; unpack 1 = transposed
 *  (homogeneous dtypes). Errors (CNP_ERR_VALUE): "could not convert string 'x' to float64 at
 *  row 1, column 2.", "the number of columns changed from 3 to 2 at row 2; use `usecols` to
 *  select a subset and avoid this error", "invalid column index 5 at row 1 with 3 columns",
 *  "Illegal value of ndmin keyword: 3"; CNP_ERR_NOT_IMPLEMENTED for dtypes the reader does not
 *  convert (datetimes). *out: a new array. */
CNP_API cnp_status cnp_loadtxt(const char* data, int64_t size, const cnp_dtype* dtype, int32_t delimiter, int32_t comment, const char* const* comments, int32_t ncomments, int32_t quotechar, int64_t skiprows, const int64_t* usecols, int64_t nusecols, int32_t ndmin, int64_t max_rows, int32_t unpack, cnp_array** out);
/** cnp_loadtxt on lines given one by one (numpy.loadtxt of a list or generator of strings): the
 *  line items are stored one after the other at data, item i ending at byte line_ends[i]
 *  (non-decreasing; the last equal to size; nline_ends 0 = no lines). Each item is one line as
 *  NumPy reads an iterable: its end ends the row unless a quoted field is open, which then
 *  continues into the next item with nothing added between them (['"a', 'b"'] reads "ab"); a
 *  comment runs to the item's end; a line break followed by more of the same item is
 *  CNP_ERR_VALUE "Found an unquoted embedded newline within a single line of input.  This is
 *  currently not supported."; skiprows skips items. Other arguments and errors as cnp_loadtxt. */
CNP_API cnp_status cnp_loadtxt_lines(const char* data, int64_t size, const int64_t* line_ends, int64_t nline_ends, const cnp_dtype* dtype, int32_t delimiter, int32_t comment, const char* const* comments, int32_t ncomments, int32_t quotechar, int64_t skiprows, const int64_t* usecols, int64_t nusecols, int32_t ndmin, int64_t max_rows, int32_t unpack, cnp_array** out);
/** cnp_loadtxt on the file at path (UTF-8 path; CNP_ERR_OS "[Errno 2] No such file or
 *  directory: 'x'" as Python's open words it), read as Python's text mode reads a UTF-8 file:
 *  strict UTF-8 (CNP_ERR_VALUE "'utf-8' codec can't decode byte 0xff in position 5: invalid
 *  start byte"), universal newlines (\r\n and \r read as \n, also inside quoted fields). A
 *  regular file is mapped read-only, not copied. */
CNP_API cnp_status cnp_loadtxt_path(const char* path, const cnp_dtype* dtype, int32_t delimiter, int32_t comment, const char* const* comments, int32_t ncomments, int32_t quotechar, int64_t skiprows, const int64_t* usecols, int64_t nusecols, int32_t ndmin, int64_t max_rows, int32_t unpack, cnp_array** out);
/** numpy.savetxt's text for x (1-D, 2-D, or a 1-D record array of numeric fields): fmts/nfmts
 *  the format(s) (NULL = "%.18e"); fmt_is_list 1 = fmt was a sequence (one format per column,
 *  joined by the delimiter), 0 = one string (a single % is repeated per column; complex columns
 *  as " (%s+%sj)"). delimiter (NULL " "), newline (NULL "\n"), header, footer (NULL or ""
 *  none), comments (NULL "# "). *out: a malloc'd NUL-terminated copy of the text (release with
 *  cnp_string_free), *out_size its length in bytes (out-parameters: out_size, then out). Output is byte-identical to NumPy's.
 *  Errors: CNP_ERR_VALUE "fmt has wrong number of % formats:  %d", "Expected 1D or 2D array,
 *  got 3D array instead", "cannot convert float NaN to integer"; CNP_ERR_TYPE "Mismatch between
 *  array dtype ('float64') and format specifier ('%d %d')"; CNP_ERR_NOT_IMPLEMENTED when a
 *  conversion needs Python's % operator (%s, %r, %c, '*' widths, mapping keys, '#' with a float
 *  conversion, %d of a float past int64, string or nested fields). */
CNP_API cnp_status cnp_savetxt(const cnp_array* x, const char* const* fmts, int32_t nfmts, int32_t fmt_is_list, const char* delimiter, const char* newline, const char* header, const char* footer, const char* comments, int64_t* out_size, char** out);
/** cnp_savetxt written to the file at path (created or truncated; CNP_ERR_OS on failure; the
 *  file is not touched when formatting fails). */
CNP_API cnp_status cnp_savetxt_path(const char* path, const cnp_array* x, const char* const* fmts, int32_t nfmts, int32_t fmt_is_list, const char* delimiter, const char* newline, const char* header, const char* footer, const char* comments);
/** numpy.genfromtxt(text, dtype, comments, delimiter, skip_header, skip_footer, usecols,
 *  missing_values, filling_values, max_rows, usemask) without names or converters, for dtype
 *  (NULL = float64) bool, int8-int64, uint8-uint32, float32, float64 (a 2-D result), or a record
 *  of such fields (one column each; a 1-D result; mask must then be NULL). In float columns a
 *  field empty after stripping, or equal to one of missing/nmissing (UTF-8, compared stripped),
 *  takes the filling value (filling NULL = NaN, else a 0-d float64 array); *mask (may be NULL:
 *  not wanted) is a bool array of the missing fields. The Python layer applies ndmin/unpack.
 *  CNP_ERR_NOT_IMPLEMENTED ("not handled by the fast path") for any input NumPy's general
 *  algorithm must judge: a row of another length, a field float()/int() may still read (or the
 *  loose mode would fill), a missing value in a bool or integer column, no data, negative
 *  usecols, another dtype. */
CNP_API cnp_status cnp_genfromtxt_numeric(const char* data, int64_t size, const cnp_dtype* dtype, int32_t delimiter, const char* comments, int64_t skip_header, int64_t skip_footer, const int64_t* usecols, int64_t nusecols, const char* const* missing, int32_t nmissing, const cnp_array* filling, int64_t max_rows, cnp_array** out, cnp_array** mask);

/** cnp_genfromtxt_numeric on the file at path, read as cnp_loadtxt_path reads it (mapped;
 *  strict UTF-8, CNP_ERR_VALUE with Python's codec message otherwise; CNP_ERR_OS when it cannot
 *  be opened). Other arguments, results and errors as cnp_genfromtxt_numeric. */
CNP_API cnp_status cnp_genfromtxt_numeric_path(const char* path, const cnp_dtype* dtype, int32_t delimiter, const char* comments, int64_t skip_header, int64_t skip_footer, const int64_t* usecols, int64_t nusecols, const char* const* missing, int32_t nmissing, const cnp_array* filling, int64_t max_rows, cnp_array** out, cnp_array** mask);

/** numpy.genfromtxt(text, dtype=None, ...) when every column infers to bool, int64, float64 or
 *  str (NumPy's StringConverter chain; each column is re-checked at every upgrade): a 2-D array
 *  of the common type when all columns agree and structured is 0; otherwise a 1-D record array
 *  whose fields are names/nnames (one per column). strings: 0 = str columns are refused
 *  (CNP_ERR_NOT_IMPLEMENTED); 1 = str columns are "<U n" (n: the longest field, fields as split;
 *  a uniform str result takes the longest of all); 2 = "|S n" when every str field is Latin-1
 *  (NumPy's encoding='bytes' conversion), else "<U n". Missing fields of float columns take the
 *  filling value (NULL: NaN), missing str fields keep their text; *mask (may be NULL) as
 *  cnp_genfromtxt_numeric, for 2-D results only. CNP_ERR_NOT_IMPLEMENTED ("not handled by the
 *  fast path") for what NumPy's general algorithm must judge: a column complex() might read,
 *  missing values in bool or integer columns, skip_footer > 0, rows of another length, no
 *  data, names not matching the columns, a mask of a record result. CNP_ERR_VALUE for strings
 *  outside 0-2. Other arguments as cnp_genfromtxt_numeric. */
CNP_API cnp_status cnp_genfromtxt_infer(const char* data, int64_t size, const char* const* names, int32_t nnames, int32_t structured, int32_t strings, int32_t delimiter, const char* comments, int64_t skip_header, int64_t skip_footer, const int64_t* usecols, int64_t nusecols, const char* const* missing, int32_t nmissing, const cnp_array* filling, int64_t max_rows, cnp_array** out, cnp_array** mask);
/** cnp_genfromtxt_infer on the file at path, read as cnp_genfromtxt_numeric_path reads it. */
CNP_API cnp_status cnp_genfromtxt_infer_path(const char* path, const char* const* names, int32_t nnames, int32_t structured, int32_t strings, int32_t delimiter, const char* comments, int64_t skip_header, int64_t skip_footer, const int64_t* usecols, int64_t nusecols, const char* const* missing, int32_t nmissing, const cnp_array* filling, int64_t max_rows, cnp_array** out, cnp_array** mask);

/* CNP_DECLS_END */

#ifdef __cplusplus
}
#endif

#endif
