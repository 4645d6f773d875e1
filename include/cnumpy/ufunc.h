/*
 * cnumpy/ufunc.h: elementwise math (NumPy's ufuncs), floating-point error state, threads.
 *
 * Every ufunc takes its inputs as arrays (a Python scalar is a 0-d array made with
 * cnp_array_from_scalar and the CNP_SCALAR_WEAK flag, which promotes like NumPy 2's NEP 50), an
 * optional cnp_ufunc_args (NULL = all defaults) and returns a new array handle. When args->out[k]
 * is given, the result is written there and *out is a new reference to that same array.
 *
 * Broadcasting, type resolution (NumPy's loop tables), casting checks and error messages follow
 * NumPy; see docs/ufunc.md. Floating-point errors follow the calling thread's error state
 * (cnp_seterr): "ignore" drops them, "warn" calls the warning handler with CNP_WARN_RUNTIME and
 * NumPy's message ("divide by zero encountered in log"), "raise" fails the call with
 * CNP_ERR_FLOATING_POINT and the same message (the output may have been written).
 *
 * The block between CNP_DECLS_BEGIN and CNP_DECLS_END is plain C99 (read by the bindings).
 */
#ifndef CNUMPY_UFUNC_H
#define CNUMPY_UFUNC_H

#include <stddef.h>
#include "cnumpy/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CNP_DECLS_BEGIN */

/** Optional ufunc arguments. NULL pointer = defaults: no out, no where, dtype resolved,
 *  casting same_kind, order K. Use CNP_UFUNC_ARGS_INIT to start from the defaults. */
typedef struct cnp_ufunc_args {
    cnp_array* out[2];        /* outputs to write (NULL = allocate); out[1] only for two-output ufuncs */
    const cnp_array* where;   /* bool mask broadcast with the operands (NULL = everywhere) */
    const cnp_dtype* dtype;   /* the output dtype (NULL = resolved from the inputs) */
    int32_t casting;          /* CNP_CASTING_*: rule for input and output casts */
    int32_t order;            /* CNP_ORDER_*: memory layout of allocated outputs */
} cnp_ufunc_args;

/** Floating-point error handling modes (np.seterr). */
enum {
    CNP_FPE_IGNORE = 0,
    CNP_FPE_WARN = 1,
    CNP_FPE_RAISE = 2
};

/** The calling thread's floating-point error state (np.geterr / np.seterr). */
typedef struct cnp_errstate {
    int32_t divide;
    int32_t over;
    int32_t under;
    int32_t invalid;
} cnp_errstate;

/** Reads the calling thread's error state (defaults: divide, over, invalid warn; under ignore). */
CNP_API cnp_status cnp_geterr(cnp_errstate* out);
/** Sets the calling thread's error state; CNP_ERR_VALUE for an unknown mode. */
CNP_API cnp_status cnp_seterr(const cnp_errstate* state);

/** Threads used by large elementwise operations (default: the machine's cores, or the
 *  CNUMPY_NUM_THREADS environment variable). n <= 0 restores the default. Results never depend
 *  on the thread count. */
CNP_API cnp_status cnp_set_num_threads(int32_t n);
CNP_API int32_t cnp_get_num_threads(void);

/** What the library declares about one ufunc (numpy.ufunc's attributes). Strings have static
 *  storage (never freed). */
typedef struct cnp_ufunc_info {
    const char* name;       /* NumPy's name (ufunc.__name__; the entry point is cnp_<name>) */
    const char* alias_of;   /* for an alias (abs, mod, ...): the name of the ufunc it is; else NULL */
    const char* summary;    /* NumPy's one-line docstring summary */
    int32_t nin;            /* ufunc.nin */
    int32_t nout;           /* ufunc.nout */
    int32_t has_identity;   /* 0: ufunc.identity is None */
    cnp_scalar identity;    /* ufunc.identity when has_identity: bool, int64 or float64 */
} cnp_ufunc_info;

/** Number of entries cnp_ufunc_info_at describes: NumPy's ufunc objects, then their aliases.
 *  Since ABI 1 (cnumpy 0.1). */
CNP_API int32_t cnp_ufunc_count(void);
/** Entry `index` (0 <= index < cnp_ufunc_count()) of the library's ufunc table: the ufuncs in
 *  declaration order, then the aliases (true_divide, mod, abs, bitwise_not, conj), which repeat
 *  their ufunc's fields with alias_of set. umath-only ufuncs (clip) are not listed. The same
 *  declarations drive the entry points below and the identities of cnp_ufunc_reduce.
 *  Errors: CNP_ERR_INDEX "ufunc index out of range"; CNP_ERR_INVALID_HANDLE for a NULL out.
 *  Since ABI 1 (cnumpy 0.1). */
CNP_API cnp_status cnp_ufunc_info_at(int32_t index, cnp_ufunc_info* out);

/** The loops of entry `index` (as cnp_ufunc_info_at) in the order the engine searches them
 *  (NumPy's), each spelled as numpy.<ufunc>.types spells a loop ("ii->i", "dd->dd"), one space
 *  between loops; int64/uint64 are 'l'/'L' (the Python ufunc adds NumPy's 'q'/'Q' twins). Errors: CNP_ERR_INDEX "ufunc index out of range";
 *  CNP_ERR_INVALID_HANDLE for a NULL out. \param[out] out new string, free with cnp_string_free
 *  (print.h). Since ABI 1 (cnumpy 0.1). */
CNP_API cnp_status cnp_ufunc_types_at(int32_t index, char** out);

/** The ufuncs: cnp_<name> is numpy.<name> (aliases as NumPy's: cnp_abs, cnp_conj, cnp_mod,
 *  cnp_true_divide, cnp_bitwise_not). *out is a new reference (the caller frees it), or a new
 *  reference to args->out[k] when given. Errors, with NumPy's messages: CNP_ERR_TYPE when no loop
 *  takes the input types ("ufunc 'bitwise_and' not supported for the input types, ...") or an
 *  output cast breaks the casting rule; CNP_ERR_VALUE when shapes do not broadcast;
 *  CNP_ERR_FLOATING_POINT under "raise" (cnp_seterr); CNP_ERR_INVALID_HANDLE for a NULL input.
 *  Unary ufuncs: out = f(x). */
CNP_API cnp_status cnp_negative(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_positive(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_absolute(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_abs(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_fabs(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_sign(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_reciprocal(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_square(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_sqrt(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_cbrt(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_exp(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_exp2(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_expm1(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_log(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_log2(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_log10(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_log1p(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_sin(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_cos(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_tan(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_arcsin(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_arccos(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_arctan(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_sinh(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_cosh(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_tanh(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_arcsinh(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_arccosh(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_arctanh(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_deg2rad(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_rad2deg(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_degrees(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_radians(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_floor(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_ceil(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_trunc(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_rint(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_logical_not(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_isnan(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_isinf(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_isfinite(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
/** numpy.isnat: True where x (datetime64 or timedelta64) is NaT; CNP_ERR_TYPE "ufunc 'isnat' is
 *  only defined for np.datetime64 and np.timedelta64." for any other dtype. */
CNP_API cnp_status cnp_isnat(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_signbit(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_spacing(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_invert(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_bitwise_not(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_conjugate(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_conj(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out);
/** Binary ufuncs: out = f(x1, x2), broadcast together. */
CNP_API cnp_status cnp_add(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_subtract(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_multiply(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_divide(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_true_divide(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_floor_divide(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_remainder(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_mod(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_fmod(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_power(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_float_power(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_logaddexp(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_logaddexp2(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_arctan2(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_hypot(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_equal(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_not_equal(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_less(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_less_equal(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_greater(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_greater_equal(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_maximum(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_minimum(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_fmax(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_fmin(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_logical_and(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_logical_or(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_logical_xor(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_copysign(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_nextafter(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
/** ldexp(x1, x2) = x1 * 2**x2: x1 floating (float16/32/64), x2 an integer that casts safely to
 *  int32 or int64 (NumPy's loops ei->e fi->f el->e fl->f di->d dl->d); an int64 exponent beyond
 *  C's int acts as INT_MAX/INT_MIN (inf with the overflow warning, or 0). Since ABI 1 (cnumpy 0.1). */
CNP_API cnp_status cnp_ldexp(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
/** heaviside(x1, x2): 0 where x1 < 0, x2 where x1 == 0, 1 where x1 > 0, NaN where x1 is NaN.
 *  Since ABI 1 (cnumpy 0.1). */
CNP_API cnp_status cnp_heaviside(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_bitwise_and(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_bitwise_or(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_bitwise_xor(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_left_shift(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_right_shift(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_gcd(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
CNP_API cnp_status cnp_lcm(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out);
/** divmod(x1, x2) -> (floor_divide, remainder); args->out[0..1] optional. */
CNP_API cnp_status cnp_divmod(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out1, cnp_array** out2);
/** modf(x) -> (fractional part, integral part), both signed like x and of x's floating type
 *  (integers take the float16/32/64 loop they cast to safely): modf(inf) = (0, inf).
 *  args->out[0..1] optional. Since ABI 1 (cnumpy 0.1). */
CNP_API cnp_status cnp_modf(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out1, cnp_array** out2);
/** frexp(x) -> (mantissa, exponent): x = mantissa * 2**exponent with |mantissa| in [0.5, 1), the
 *  exponent int32; zero, inf and NaN give themselves and exponent 0. args->out[0..1] optional.
 *  Since ABI 1 (cnumpy 0.1). */
CNP_API cnp_status cnp_frexp(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out1, cnp_array** out2);
/** clip(a, a_min, a_max): a_min or a_max may be NULL (None), not both
 *  (CNP_ERR_VALUE "One of max or min must be given"). */
CNP_API cnp_status cnp_clip(const cnp_array* a, const cnp_array* a_min, const cnp_array* a_max, const cnp_ufunc_args* args, cnp_array** out);

/** np.around / np.round: round half to even at `decimals` (negative rounds to tens...). out_array (NumPy's out=) may be NULL.
 *  decimals outside int32 (NumPy's C int): CNP_ERR_OVERFLOW "signed integer is less than minimum" /
 *  "... greater than maximum". */
CNP_API cnp_status cnp_around(const cnp_array* a, int64_t decimals, cnp_array* out_array, cnp_array** out);
CNP_API cnp_status cnp_round(const cnp_array* a, int64_t decimals, cnp_array* out_array, cnp_array** out);
/** np.fix: round towards zero (floating result like np.floor). out_array (NumPy's out=) may be NULL. */
CNP_API cnp_status cnp_fix(const cnp_array* x, cnp_array* out_array, cnp_array** out);
/** np.real / np.imag: views into complex arrays; real of a real array is the array itself, imag of
 *  a real array a read-only array of zeros. np.angle(z, deg). */
CNP_API cnp_status cnp_real(const cnp_array* val, cnp_array** out);
CNP_API cnp_status cnp_imag(const cnp_array* val, cnp_array** out);
CNP_API cnp_status cnp_angle(const cnp_array* z, int32_t deg, cnp_array** out);
/** np.isclose / np.allclose / np.array_equal. */
CNP_API cnp_status cnp_isclose(const cnp_array* a, const cnp_array* b, double rtol, double atol, int32_t equal_nan, cnp_array** out);
CNP_API cnp_status cnp_allclose(const cnp_array* a, const cnp_array* b, double rtol, double atol, int32_t equal_nan, int32_t* out);
CNP_API cnp_status cnp_array_equal(const cnp_array* a1, const cnp_array* a2, int32_t equal_nan, int32_t* out);
/** np.where(condition, x, y): elements of x where condition, else y, all broadcast together. */
CNP_API cnp_status cnp_where(const cnp_array* condition, const cnp_array* x, const cnp_array* y, cnp_array** out);

/* CNP_DECLS_END */

/** Default arguments, for C: cnp_ufunc_args args = CNP_UFUNC_ARGS_INIT; */
#define CNP_UFUNC_ARGS_INIT {{NULL, NULL}, NULL, NULL, CNP_CASTING_SAME_KIND, CNP_ORDER_K}

#ifdef __cplusplus
}
#endif

#endif /* CNUMPY_UFUNC_H */
