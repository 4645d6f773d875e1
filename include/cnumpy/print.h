/*
 * cnumpy/print.h: NumPy's repr() and str() of arrays (numpy.core.arrayprint, NumPy 1.24, with its
 * legacy='1.13' layout) and the print options (numpy.set_printoptions / get_printoptions).
 *
 * Strings: cnp_array_repr and cnp_array_str hand out a new NUL-terminated UTF-8 (ASCII) string
 * that the caller owns and releases with cnp_string_free. On failure *out is set to NULL.
 * Print options are process-wide, as NumPy 1.24's are; setting them is thread-safe and a
 * printing call uses one consistent snapshot. See docs/print.md.
 *
 * The block between CNP_DECLS_BEGIN and CNP_DECLS_END is plain C99 (read by the bindings).
 */
#ifndef CNUMPY_PRINT_H
#define CNUMPY_PRINT_H

#include "cnumpy/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CNP_DECLS_BEGIN */

/** numpy.set_printoptions' floatmode= argument. */
enum {
    CNP_FLOATMODE_MAXPREC = 0,      /* 'maxprec' (the default) */
    CNP_FLOATMODE_FIXED = 1,        /* 'fixed' */
    CNP_FLOATMODE_UNIQUE = 2,       /* 'unique' */
    CNP_FLOATMODE_MAXPREC_EQUAL = 3 /* 'maxprec_equal' */
};

/** numpy.set_printoptions' sign= argument. */
enum {
    CNP_SIGN_MINUS = 0,             /* '-' (the default) */
    CNP_SIGN_PLUS = 1,              /* '+' */
    CNP_SIGN_SPACE = 2              /* ' ' */
};

/** numpy.set_printoptions' legacy= argument. */
enum {
    CNP_LEGACY_OFF = 0,             /* False (the default) */
    CNP_LEGACY_1_13 = 113,          /* '1.13': NumPy 1.13's layout (sign space, 0-d reprs, ...) */
    CNP_LEGACY_1_21 = 121           /* '1.21': arrays print as with CNP_LEGACY_OFF */
};

/** The print options. NumPy's defaults: precision 8, threshold 1000, edgeitems 3, linewidth 75,
 *  suppress 0, sign CNP_SIGN_MINUS, floatmode CNP_FLOATMODE_MAXPREC, legacy CNP_LEGACY_OFF
 *  (a zero-filled legacy field is the default). */
typedef struct cnp_printoptions {
    int32_t precision;              /* digits after the point (>= 0) */
    int32_t edgeitems;              /* items kept at each end of a summarised axis (>= 0) */
    int64_t threshold;              /* summarise arrays with more elements than this (>= 0) */
    int32_t linewidth;              /* characters per line (>= 1) */
    int32_t suppress;               /* 1: never scientific notation for small values */
    int32_t sign;                   /* CNP_SIGN_* */
    int32_t floatmode;              /* CNP_FLOATMODE_* */
    int32_t legacy;                 /* CNP_LEGACY_* */
} cnp_printoptions;

/** The current print options. \param[out] out filled on success. */
CNP_API cnp_status cnp_get_printoptions(cnp_printoptions* out);

/** Replaces the print options (all fields). CNP_LEGACY_1_13 sets sign to CNP_SIGN_MINUS, as
 *  NumPy's set_printoptions does. Errors: CNP_ERR_VALUE for a negative precision, threshold or
 *  edgeitems, a linewidth < 1, or an unknown sign, floatmode or legacy (nothing changes). */
CNP_API cnp_status cnp_set_printoptions(const cnp_printoptions* options);

/** NumPy's repr(a): "array([1. , 2.5])", "array([1, 2], dtype=int8)".
 *  \param[out] out new string, free with cnp_string_free. */
CNP_API cnp_status cnp_array_repr(const cnp_array* a, char** out);

/** NumPy's str(a): "[1.  2.5]"; a 0-d array prints as its scalar does ("1.5", "(1+2j)").
 *  \param[out] out new string, free with cnp_string_free. */
CNP_API cnp_status cnp_array_str(const cnp_array* a, char** out);

/** numpy.format_float_positional / format_float_scientific's trim= argument. */
enum {
    CNP_TRIM_KEEP = 0,              /* 'k': keep trailing zeros (the default) */
    CNP_TRIM_ZEROS = 1,             /* '.': trim trailing zeros, keep the point */
    CNP_TRIM_ONE_ZERO = 2,          /* '0': trim trailing zeros, leave one after the point */
    CNP_TRIM_POINT = 3              /* '-': trim trailing zeros and the point */
};

/** The arguments of numpy.format_float_positional / format_float_scientific. A count given as
 *  -1 means NumPy's None. cnp_format_float_defaults gives NumPy's defaults. */
typedef struct cnp_format_float_options {
    int32_t scientific;             /* 0: format_float_positional, 1: format_float_scientific */
    int32_t precision;              /* digits after the point (or all digits, fractional=0); -1 */
    int32_t unique;                 /* 1: shortest digits that identify the value (default) */
    int32_t fractional;             /* positional only; 0: precision counts all digits */
    int32_t trim;                   /* CNP_TRIM_* */
    int32_t sign;                   /* 1: '+' before non-negative values */
    int32_t pad_left;               /* width of the part left of the point; -1 */
    int32_t pad_right;              /* positional only: width right of the point; -1 */
    int32_t exp_digits;             /* scientific only: minimum exponent digits; -1 */
    int32_t min_digits;             /* minimum digits after the point (unique mode); -1 */
} cnp_format_float_options;

/** Fills *out with NumPy's defaults (positional, unique, fractional, trim 'k', no sign, all
 *  counts -1). \param[out] out filled on success. */
CNP_API cnp_status cnp_format_float_defaults(cnp_format_float_options* out);

/** numpy.format_float_positional(x, ...) / format_float_scientific(x, ...) of value taken as a
 *  float of type typenum (CNP_FLOAT16, CNP_FLOAT32 or CNP_FLOAT64: value must be exactly
 *  representable there, e.g. widened from that type; it is rounded to it otherwise). NumPy's
 *  Dragon4: "0.1", "1.e+00", "nan", "-inf".
 *  Errors: CNP_ERR_TYPE "in non-unique mode `precision` must be supplied", CNP_ERR_TYPE for
 *  another typenum, CNP_ERR_VALUE "precision must be >= 0" (likewise pad_left, pad_right,
 *  exp_digits, min_digits; only -1 stands for None), "precision must be greater than 0 if
 *  fractional=False", "min_digits must be less than or equal to precision", or an unknown trim.
 *  \param[out] out new string, free with cnp_string_free. */
CNP_API cnp_status cnp_format_float(double value, int32_t typenum, const cnp_format_float_options* options,
                                    char** out);

/** NumPy's array2string(a, max_line_width, precision, suppress_small, separator, prefix,
 *  threshold=, edgeitems=, sign=, floatmode=, suffix=, legacy=) with per-call options: the
 *  same layout as cnp_array_repr / cnp_array_str, which use the global options. In
 *  CNP_LEGACY_1_13 mode a 0-d array without fields prints as Python's repr() of its item.
 *  options: all print options for this call (NULL: the global ones; linewidth is
 *  max_line_width); separator, prefix, suffix: NULL for "". An empty array prints "[]".
 *  texts: NULL, or ready-made element texts that replace the dtype's own format (NumPy's
 *  formatter= callables, numpy.ma's '--' for masked items): one per shown element, i.e. all
 *  elements, or for an array with more than threshold elements the corners NumPy keeps
 *  (the first and last edgeitems of every longer axis; edgeitems 0 keeps whole axes), in C
 *  order of those shown elements; ntexts is their count.
 *  Errors: CNP_ERR_VALUE "precision must be >= 0" (float data, floatmode not unique),
 *  "edgeitems must be >= 0", an unknown sign, floatmode or legacy, ntexts not the shown count;
 *  CNP_ERR_TYPE "in non-unique mode `precision` must be supplied" (1.13 mode, floatmode
 *  unique, values in exponent form: NumPy's error); CNP_ERR_NOT_IMPLEMENTED for a dtype the
 *  printer does not print.
 *  \param[out] out new string, free with cnp_string_free. */
CNP_API cnp_status cnp_array2string(const cnp_array* a, const cnp_printoptions* options, const char* separator,
                                    const char* prefix, const char* suffix, const char* const* texts,
                                    int64_t ntexts, char** out);

/** Releases a string handed out by this header's functions (NULL accepted). */
CNP_API void cnp_string_free(char* s);

/* CNP_DECLS_END */

#ifdef __cplusplus
}
#endif

#endif /* CNUMPY_PRINT_H */
