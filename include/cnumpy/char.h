/*
 * cnumpy/char.h: numpy.char (NumPy 1.24's numpy.core.defchararray) on S and U arrays, in C.
 * docs/char.md has the details.
 *
 * Common scheme:
 *  - Every array argument is broadcast with the others (NumPy's _vec_string broadcasts the
 *    string array with every argument: sub, start, end, width, fillchar ...). Python scalars are
 *    0-d arrays: a str is a U array, an int an integer array. Optional arguments are NULL for
 *    Python's None (end, chars, count, sep, maxsplit, keepends).
 *  - The first argument must be an S or U array of any width, byte order, strides and shape:
 *    CNP_ERR_TYPE "string operation on non-string array" otherwise. Elements lose their trailing
 *    NULs first, as NumPy's str_/bytes_ scalars do.
 *  - U arrays follow Python's str methods (full Unicode case mapping and character classes, from
 *    ICU's tables), S arrays Python's bytes methods (ASCII rules). A U call refuses an S argument
 *    with the TypeError text of the str method ("must be str, not numpy.bytes_"); an S call
 *    reads a U argument as its UCS4 bytes and a number as its raw bytes (NumPy's buffer
 *    protocol quirk).
 *  - Result dtypes and widths are NumPy's: the case functions, strip and translate keep a's
 *    dtype (byte order too; longer results are cut to the width), center/ljust/rjust/zfill are
 *    as wide as the largest width (CNP_ERR_MEMORY for a negative one, as NumPy), add sums the
 *    widths, multiply is width * max(n), and the functions whose NumPy result is an object array
 *    turned into a string array (replace, expandtabs, join, encode, decode, mod, partition) are
 *    as wide as the longest result (at least 1); an empty such result is float64, as
 *    numpy.asarray([]) is.
 *  - Integer arguments (start, end, width, count, tabsize, maxsplit) must be integer arrays:
 *    CNP_ERR_TYPE with Python's text otherwise ("slice indices must be integers or None or have
 *    an __index__ method", "'numpy.float64' object cannot be interpreted as an integer").
 *  - *out is a new array, written only on success.
 *  - Version: every function of this header appeared in ABI 1 (cnumpy 0.1, libcnumpy.so.1).
 *
 * The block between CNP_DECLS_BEGIN and CNP_DECLS_END is plain C99 (read by the bindings).
 */
#ifndef CNUMPY_CHAR_H
#define CNUMPY_CHAR_H

#include "cnumpy/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CNP_DECLS_BEGIN */

/** numpy.char.upper(a): a's dtype; full mappings ('ß' -> 'SS') cut to the width. */
CNP_API cnp_status cnp_char_upper(const cnp_array* a, cnp_array** out);
/** numpy.char.lower(a): a's dtype; Python's final-sigma rule. */
CNP_API cnp_status cnp_char_lower(const cnp_array* a, cnp_array** out);
/** numpy.char.swapcase(a): a's dtype. */
CNP_API cnp_status cnp_char_swapcase(const cnp_array* a, cnp_array** out);
/** numpy.char.capitalize(a): first character titlecased, the rest lowercased; a's dtype. */
CNP_API cnp_status cnp_char_capitalize(const cnp_array* a, cnp_array** out);
/** numpy.char.title(a): a's dtype. */
CNP_API cnp_status cnp_char_title(const cnp_array* a, cnp_array** out);

/** numpy.char.isalnum(a): bool. */
CNP_API cnp_status cnp_char_isalnum(const cnp_array* a, cnp_array** out);
/** numpy.char.isalpha(a): bool. */
CNP_API cnp_status cnp_char_isalpha(const cnp_array* a, cnp_array** out);
/** numpy.char.isdecimal(a): bool; U only (CNP_ERR_TYPE "isnumeric is only available for
 *  Unicode strings and arrays", NumPy's text). */
CNP_API cnp_status cnp_char_isdecimal(const cnp_array* a, cnp_array** out);
/** numpy.char.isdigit(a): bool. */
CNP_API cnp_status cnp_char_isdigit(const cnp_array* a, cnp_array** out);
/** numpy.char.islower(a): bool. */
CNP_API cnp_status cnp_char_islower(const cnp_array* a, cnp_array** out);
/** numpy.char.isnumeric(a): bool; U only (as isdecimal). */
CNP_API cnp_status cnp_char_isnumeric(const cnp_array* a, cnp_array** out);
/** numpy.char.isspace(a): bool. */
CNP_API cnp_status cnp_char_isspace(const cnp_array* a, cnp_array** out);
/** numpy.char.istitle(a): bool. */
CNP_API cnp_status cnp_char_istitle(const cnp_array* a, cnp_array** out);
/** numpy.char.isupper(a): bool. */
CNP_API cnp_status cnp_char_isupper(const cnp_array* a, cnp_array** out);
/** numpy.char.str_len(a): int64 lengths (trailing NULs not counted). */
CNP_API cnp_status cnp_char_str_len(const cnp_array* a, cnp_array** out);

/** numpy.char.count(a, sub, start, end): int64; start an integer array (0 for the default),
 *  end NULL for None. */
CNP_API cnp_status cnp_char_count(const cnp_array* a, const cnp_array* sub, const cnp_array* start, const cnp_array* end, cnp_array** out);
/** numpy.char.find(a, sub, start, end): int64, -1 where absent. */
CNP_API cnp_status cnp_char_find(const cnp_array* a, const cnp_array* sub, const cnp_array* start, const cnp_array* end, cnp_array** out);
/** numpy.char.rfind(a, sub, start, end): int64, -1 where absent. */
CNP_API cnp_status cnp_char_rfind(const cnp_array* a, const cnp_array* sub, const cnp_array* start, const cnp_array* end, cnp_array** out);
/** numpy.char.index(a, sub, start, end): as find; CNP_ERR_VALUE "substring not found". */
CNP_API cnp_status cnp_char_index(const cnp_array* a, const cnp_array* sub, const cnp_array* start, const cnp_array* end, cnp_array** out);
/** numpy.char.rindex(a, sub, start, end): as rfind; CNP_ERR_VALUE "substring not found". */
CNP_API cnp_status cnp_char_rindex(const cnp_array* a, const cnp_array* sub, const cnp_array* start, const cnp_array* end, cnp_array** out);
/** numpy.char.startswith(a, prefix, start, end): bool. */
CNP_API cnp_status cnp_char_startswith(const cnp_array* a, const cnp_array* prefix, const cnp_array* start, const cnp_array* end, cnp_array** out);
/** numpy.char.endswith(a, suffix, start, end): bool. */
CNP_API cnp_status cnp_char_endswith(const cnp_array* a, const cnp_array* suffix, const cnp_array* start, const cnp_array* end, cnp_array** out);

/** numpy.char.strip(a, chars): chars NULL strips whitespace; a's dtype. */
CNP_API cnp_status cnp_char_strip(const cnp_array* a, const cnp_array* chars, cnp_array** out);
/** numpy.char.lstrip(a, chars). */
CNP_API cnp_status cnp_char_lstrip(const cnp_array* a, const cnp_array* chars, cnp_array** out);
/** numpy.char.rstrip(a, chars). */
CNP_API cnp_status cnp_char_rstrip(const cnp_array* a, const cnp_array* chars, cnp_array** out);
/** numpy.char.center(a, width, fillchar): fillchar a string array of one-character elements
 *  (CNP_ERR_TYPE "The fill character must be exactly one character long"); width max(width). */
CNP_API cnp_status cnp_char_center(const cnp_array* a, const cnp_array* width, const cnp_array* fillchar, cnp_array** out);
/** numpy.char.ljust(a, width, fillchar). */
CNP_API cnp_status cnp_char_ljust(const cnp_array* a, const cnp_array* width, const cnp_array* fillchar, cnp_array** out);
/** numpy.char.rjust(a, width, fillchar). */
CNP_API cnp_status cnp_char_rjust(const cnp_array* a, const cnp_array* width, const cnp_array* fillchar, cnp_array** out);
/** numpy.char.zfill(a, width): zeros after a leading sign; width max(width). */
CNP_API cnp_status cnp_char_zfill(const cnp_array* a, const cnp_array* width, cnp_array** out);
/** numpy.char.expandtabs(a, tabsize): the longest result's width. */
CNP_API cnp_status cnp_char_expandtabs(const cnp_array* a, const cnp_array* tabsize, cnp_array** out);

/** numpy.char.replace(a, old, new, count): count NULL (or negative) replaces all. */
CNP_API cnp_status cnp_char_replace(const cnp_array* a, const cnp_array* old, const cnp_array* repl, const cnp_array* count, cnp_array** out);
/** numpy.char.add(x1, x2): width of x1 + width of x2; U if either is U (U + S: CNP_ERR_TYPE
 *  'can only concatenate str (not "numpy.bytes_") to str'). */
CNP_API cnp_status cnp_char_add(const cnp_array* x1, const cnp_array* x2, cnp_array** out);
/** numpy.char.multiply(a, i): i an integer array (CNP_ERR_VALUE "Can only multiply by
 *  integers"); width a's width * max(max(i), 0). */
CNP_API cnp_status cnp_char_multiply(const cnp_array* a, const cnp_array* i, cnp_array** out);
/** numpy.char.join(sep, seq): sep.join(element) (the characters of each seq element joined). */
CNP_API cnp_status cnp_char_join(const cnp_array* sep, const cnp_array* seq, cnp_array** out);
/** numpy.char.mod(a, values): a % value per element with Python's printf-style formatting
 *  (values numbers or strings; one value per element, as NumPy hands them). Errors: Python's
 *  (CNP_ERR_TYPE "not enough arguments for format string", "%x format: an integer is
 *  required, not numpy.float64" ...). */
CNP_API cnp_status cnp_char_mod(const cnp_array* a, const cnp_array* values, cnp_array** out);

/** numpy.char.partition(a, sep): the broadcast shape plus a last axis of 3 (before, sep,
 *  after); CNP_ERR_VALUE "empty separator". */
CNP_API cnp_status cnp_char_partition(const cnp_array* a, const cnp_array* sep, cnp_array** out);
/** numpy.char.rpartition(a, sep). */
CNP_API cnp_status cnp_char_rpartition(const cnp_array* a, const cnp_array* sep, cnp_array** out);
/** numpy.char.split(a, sep, maxsplit). NumPy returns an object array of lists; here *pieces is
 *  a 1-D string array of every element's pieces one after the other (elements in C order of
 *  the broadcast shape, a's kind, as wide as the longest piece, at least 1) and *counts an
 *  int64 array of the broadcast shape with each element's number of pieces. sep NULL splits on
 *  runs of whitespace; maxsplit NULL or negative: no limit. */
CNP_API cnp_status cnp_char_split(const cnp_array* a, const cnp_array* sep, const cnp_array* maxsplit, cnp_array** pieces, cnp_array** counts);
/** numpy.char.rsplit(a, sep, maxsplit): as split, splitting from the right. */
CNP_API cnp_status cnp_char_rsplit(const cnp_array* a, const cnp_array* sep, const cnp_array* maxsplit, cnp_array** pieces, cnp_array** counts);
/** numpy.char.splitlines(a, keepends): as split; keepends NULL for None (integer or bool). */
CNP_API cnp_status cnp_char_splitlines(const cnp_array* a, const cnp_array* keepends, cnp_array** pieces, cnp_array** counts);

/** numpy.compare_chararrays(a, b, cmp, rstrip): cmp "==", "!=", "<", "<=", ">", ">="
 *  (CNP_ERR_VALUE otherwise); rstrip != 0 ignores trailing whitespace. S against U:
 *  CNP_ERR_NOT_IMPLEMENTED (NumPy returns NotImplemented); non-strings: CNP_ERR_TYPE
 *  "comparison of non-string arrays". A bool array of the broadcast shape. */
CNP_API cnp_status cnp_char_compare(const cnp_array* a, const cnp_array* b, const char* cmp, int32_t rstrip, cnp_array** out);
/** numpy.char.equal(x1, x2): compare with "==" and trailing whitespace ignored. */
CNP_API cnp_status cnp_char_equal(const cnp_array* x1, const cnp_array* x2, cnp_array** out);
/** numpy.char.not_equal(x1, x2). */
CNP_API cnp_status cnp_char_not_equal(const cnp_array* x1, const cnp_array* x2, cnp_array** out);
/** numpy.char.less(x1, x2). */
CNP_API cnp_status cnp_char_less(const cnp_array* x1, const cnp_array* x2, cnp_array** out);
/** numpy.char.less_equal(x1, x2). */
CNP_API cnp_status cnp_char_less_equal(const cnp_array* x1, const cnp_array* x2, cnp_array** out);
/** numpy.char.greater(x1, x2). */
CNP_API cnp_status cnp_char_greater(const cnp_array* x1, const cnp_array* x2, cnp_array** out);
/** numpy.char.greater_equal(x1, x2). */
CNP_API cnp_status cnp_char_greater_equal(const cnp_array* x1, const cnp_array* x2, cnp_array** out);

/** numpy.char.encode(a, encoding, errors): U -> S with Python's codecs utf-8 (NULL), ascii,
 *  latin-1, utf-16, utf-32 (and -le/-be), errors NULL/"strict", "ignore", "replace",
 *  "backslashreplace". Errors: CNP_ERR_VALUE with Python's UnicodeEncodeError text, CNP_ERR_KEY
 *  "unknown encoding: x" (Python's LookupError). */
CNP_API cnp_status cnp_char_encode(const cnp_array* a, const char* encoding, const char* errors, cnp_array** out);
/** numpy.char.decode(a, encoding, errors): S -> U; CNP_ERR_VALUE with Python's
 *  UnicodeDecodeError text ("'utf-8' codec can't decode byte 0xff in position 0: invalid
 *  start byte"). */
CNP_API cnp_status cnp_char_decode(const cnp_array* a, const char* encoding, const char* errors, cnp_array** out);
/** numpy.char.translate(a, table) for U (and S) arrays, str.translate's table as three 1-D
 *  arrays of one length: code point keys (integers) become the strings of values (a string
 *  array), or are removed where deleted (bool) is true; other characters stay (the first of
 *  repeated keys wins). a's dtype. */
CNP_API cnp_status cnp_char_translate(const cnp_array* a, const cnp_array* keys, const cnp_array* values, const cnp_array* deleted, cnp_array** out);
/** numpy.char.translate(a, table, deletechars) for S arrays: table NULL or 256 bytes;
 *  the ndelete bytes of deletechars are removed first. */
CNP_API cnp_status cnp_char_translate_bytes(const cnp_array* a, const char* table, const char* deletechars, int64_t ndelete, cnp_array** out);

/* CNP_DECLS_END */

#ifdef __cplusplus
}
#endif

#endif
