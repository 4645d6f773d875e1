/*
 * cnumpy/print.h: NumPy's repr() and str() of arrays (numpy.core.arrayprint, NumPy 1.24 without
 * legacy modes) and the print options (numpy.set_printoptions / get_printoptions).
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

/** The print options. NumPy's defaults: precision 8, threshold 1000, edgeitems 3, linewidth 75,
 *  suppress 0, sign CNP_SIGN_MINUS, floatmode CNP_FLOATMODE_MAXPREC. */
typedef struct cnp_printoptions {
    int32_t precision;              /* digits after the point (>= 0) */
    int32_t edgeitems;              /* items kept at each end of a summarised axis (>= 0) */
    int64_t threshold;              /* summarise arrays with more elements than this (>= 0) */
    int32_t linewidth;              /* characters per line (>= 1) */
    int32_t suppress;               /* 1: never scientific notation for small values */
    int32_t sign;                   /* CNP_SIGN_* */
    int32_t floatmode;              /* CNP_FLOATMODE_* */
} cnp_printoptions;

/** The current print options. \param[out] out filled on success. */
CNP_API cnp_status cnp_get_printoptions(cnp_printoptions* out);

/** Replaces the print options (all fields). Errors: CNP_ERR_VALUE for a negative precision,
 *  threshold or edgeitems, a linewidth < 1, or an unknown sign or floatmode (nothing changes). */
CNP_API cnp_status cnp_set_printoptions(const cnp_printoptions* options);

/** NumPy's repr(a): "array([1. , 2.5])", "array([1, 2], dtype=int8)".
 *  \param[out] out new string, free with cnp_string_free. */
CNP_API cnp_status cnp_array_repr(const cnp_array* a, char** out);

/** NumPy's str(a): "[1.  2.5]"; a 0-d array prints as its scalar does ("1.5", "(1+2j)").
 *  \param[out] out new string, free with cnp_string_free. */
CNP_API cnp_status cnp_array_str(const cnp_array* a, char** out);

/** Releases a string handed out by cnp_array_repr / cnp_array_str (NULL accepted). */
CNP_API void cnp_string_free(char* s);

/* CNP_DECLS_END */

#ifdef __cplusplus
}
#endif

#endif /* CNUMPY_PRINT_H */
