/* cnumpy core: versions, status codes, dtypes, arrays, creation, views and casting.
 *
 * Conventions (docs/api-conventions.md has the full text):
 *  - Every fallible function returns cnp_status (0 = CNP_OK). Results come through out-parameters
 *    placed last; they are written only on success, and handle out-parameters are set to NULL on
 *    failure. cnp_last_error() then holds NumPy's message for the mistake.
 *  - Every handle handed out is a new reference: free it with the matching cnp_*_free.
 *    Free functions accept NULL and never fail.
 *  - Optional arguments: a NULL dtype means "NumPy's default for this function"; a NULL array
 *    argument means "not given": an optional array, dtype, single axis (`const int64_t* axis`)
 *    or tuple of axes (`const int64_t* axes, int32_t naxes`); for *_like, ndim -1 keeps the
 *    prototype's shape. NumPy's out= array is `cnp_array* out_array`, the result `cnp_array** out`.
 *    docs/api-conventions.md has the full table.
 *  - Booleans are int32_t (0 or 1); enumerations are int32_t constants below.
 *
 * The block between CNP_DECLS_BEGIN and CNP_DECLS_END is plain C99 without preprocessor logic
 * so that the Python bindings can read their prototypes from it.
 */
#ifndef CNUMPY_CORE_H
#define CNUMPY_CORE_H

#include <stdint.h>
#include "cnumpy/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CNP_DECLS_BEGIN */

/** Status codes. Each maps onto the Python exception NumPy raises for the same mistake. Stable:
 *  values never change once released. */
typedef int32_t cnp_status;
enum {
    CNP_OK = 0,
    CNP_ERR_VALUE = 1,              /* ValueError */
    CNP_ERR_TYPE = 2,               /* TypeError */
    CNP_ERR_INDEX = 3,              /* IndexError */
    CNP_ERR_AXIS = 4,               /* numpy.AxisError (a ValueError and an IndexError) */
    CNP_ERR_ZERO_DIVISION = 5,      /* ZeroDivisionError */
    CNP_ERR_LINALG = 6,             /* numpy.linalg.LinAlgError */
    CNP_ERR_MEMORY = 7,             /* MemoryError */
    CNP_ERR_OS = 8,                 /* OSError */
    CNP_ERR_NOT_IMPLEMENTED = 9,    /* NotImplementedError */
    CNP_ERR_OVERFLOW = 10,          /* OverflowError */
    CNP_ERR_FLOATING_POINT = 11,    /* FloatingPointError */
    CNP_ERR_RUNTIME = 12,           /* RuntimeError */
    CNP_ERR_KEY = 13,               /* KeyError */
    CNP_ERR_INVALID_HANDLE = 14,    /* a NULL or foreign handle where an object was required (TypeError) */
    CNP_ERR_INTERNAL = 99           /* a bug in cnumpy: please report it (SystemError) */
};

/** Type numbers of the dtypes. Parametric kinds (datetime, strings, records) are described by a
 *  cnp_dtype handle that carries their parameters; the number names only the kind. */
enum {
    CNP_BOOL = 0,
    CNP_INT8 = 1,
    CNP_UINT8 = 2,
    CNP_INT16 = 3,
    CNP_UINT16 = 4,
    CNP_INT32 = 5,
    CNP_UINT32 = 6,
    CNP_INT64 = 7,
    CNP_UINT64 = 8,
    CNP_FLOAT16 = 9,
    CNP_FLOAT32 = 10,
    CNP_FLOAT64 = 11,
    CNP_COMPLEX64 = 12,
    CNP_COMPLEX128 = 13,
    CNP_NTYPES_BUILTIN = 14,
    CNP_DATETIME64 = 20,            /* datetime64[unit] (the handle carries unit and multiplier) */
    CNP_TIMEDELTA64 = 21,           /* timedelta64[unit] */
    CNP_BYTES = 22,                 /* fixed-width bytes "S n" */
    CNP_UNICODE = 23,               /* fixed-width UCS4 text "<U n" */
    CNP_VOID = 24,                  /* "V n", records with named fields, subarrays */
    CNP_OBJECT = 25                 /* "O": opaque references the host owns (docs/object-dtype.md) */
};

/** Memory layout orders (NumPy's order= argument). */
enum { CNP_ORDER_C = 0, CNP_ORDER_F = 1, CNP_ORDER_A = 2, CNP_ORDER_K = 3 };

/** Casting rules (NumPy's casting= argument), weakest to loosest. */
enum {
    CNP_CASTING_NO = 0,
    CNP_CASTING_EQUIV = 1,
    CNP_CASTING_SAFE = 2,
    CNP_CASTING_SAME_KIND = 3,
    CNP_CASTING_UNSAFE = 4
};

/** Array flags, with NumPy's bit values. */
enum {
    CNP_FLAG_C_CONTIGUOUS = 1,
    CNP_FLAG_F_CONTIGUOUS = 2,
    CNP_FLAG_OWNDATA = 4,
    CNP_FLAG_ALIGNED = 256,
    CNP_FLAG_WRITEABLE = 1024
};

/** Warning categories passed to a cnp_warning_fn. */
enum {
    CNP_WARN_RUNTIME = 1,           /* RuntimeWarning */
    CNP_WARN_COMPLEX = 2,           /* numpy ComplexWarning */
    CNP_WARN_DEPRECATION = 3,       /* DeprecationWarning */
    CNP_WARN_USER = 4               /* UserWarning (textio.h: loadtxt's max_rows notice) */
};

/** Scalar flags. */
enum {
    CNP_SCALAR_WEAK = 1             /* a Python int/float/complex: NumPy 2's weak promotion (NEP 50) */
};

/** Opaque handles. */
typedef struct cnp_array cnp_array;
typedef struct cnp_dtype cnp_dtype;

/** A single value with its type, used to pass scalars in and out (fill values, arange bounds,
 *  element get/set). typenum is one of the builtin CNP_* type numbers. The value lives in the
 *  union member of its kind: bool and signed integers in i, unsigned integers in u, floats
 *  (float16 and float32 exactly representable) in f, complex in c (real, imaginary). */
typedef struct cnp_scalar {
    int32_t typenum;
    int32_t flags;                  /* CNP_SCALAR_* bits */
    union {
        int64_t i;
        uint64_t u;
        double f;
        double c[2];
    } value;
} cnp_scalar;

/** Releases memory the library did not allocate: called exactly once with the data pointer and
 *  the context given to cnp_array_wrap, possibly on another thread. */
typedef void (*cnp_deleter)(void* data, void* ctx);

/** Receives warnings (e.g. ComplexWarning) raised by a call that still succeeds. Called on the
 *  calling thread during that call. */
typedef void (*cnp_warning_fn)(int32_t category, const char* message, void* ctx);

/** A reference hook of the object dtype: adds (incref) or drops (decref) one reference to each of
 *  the n (>= 1) objects, none of them NULL. Called on the calling thread during a library call,
 *  with runs of at most 4096 references (docs/object-dtype.md). */
typedef void (*cnp_object_refs_fn)(void* const* objects, int64_t n, void* ctx);

/* ---- versions and errors ------------------------------------------------------------------ */

/** Library version as MAJOR*10000 + MINOR*100 + PATCH. */
CNP_API int32_t cnp_version_number(void);
/** Library version as "MAJOR.MINOR.PATCH"; static storage, never freed. */
CNP_API const char* cnp_version_string(void);
/** ABI number (CNP_ABI_VERSION the library was built with). */
CNP_API int32_t cnp_abi_version(void);
/** Message of the last failing call on this thread ("" if none). Owned by the library; valid
 *  until the next failing call on this thread. */
CNP_API const char* cnp_last_error(void);
/** Status of the last failing call on this thread (CNP_OK if none). */
CNP_API cnp_status cnp_last_status(void);
/** Name of a status code ("CNP_ERR_VALUE"), or "CNP_UNKNOWN"; static storage. */
CNP_API const char* cnp_status_name(cnp_status status);
/** Installs a process-wide warning handler (NULL: warnings are dropped). */
CNP_API void cnp_set_warning_handler(cnp_warning_fn fn, void* ctx);
/** Installs the process-wide reference hooks of the object dtype (both non-NULL), or removes them
 *  (both NULL). Object arrays hold opaque references (NULL = None) that the library never
 *  interprets: it increfs every reference it stores and decrefs every one it drops; without
 *  hooks, making an object array fails with CNP_ERR_TYPE. Errors: CNP_ERR_VALUE "cnumpy: the
 *  object hooks cannot change while object arrays are alive" (their references were taken with
 *  the old hooks), "cnumpy: give both object hooks or neither". */
CNP_API cnp_status cnp_set_object_hooks(cnp_object_refs_fn incref, cnp_object_refs_fn decref, void* ctx);
/** Object arrays alive in the process (buffers holding references); for leak checks.
 *  \param[out] out the count. */
CNP_API cnp_status cnp_object_live(int64_t* out);
/** a[...] = object for an object array: every element becomes a new reference to `object` (NULL
 *  stores None); the references overwritten are dropped. Errors: CNP_ERR_TYPE (not an object
 *  array), CNP_ERR_VALUE "assignment destination is read-only". */
CNP_API cnp_status cnp_object_fill(cnp_array* array, void* object);

/* ---- dtypes ------------------------------------------------------------------------------- */

/** numpy.dtype(spec) for every string NumPy 1.24 accepts: names and codes with an optional byte
 *  order ("float32", ">f8", "=i4", "?"), sized kinds ("U10", "S3", "a5", "V8"), datetimes
 *  ("M8[25s]", "datetime64[D]", "m8", "timedelta64[2W]") and comma-separated records
 *  ("i4, f8, S3", "(2,3)f8, i4", "3i4" a subarray). \param[out] out new reference.
 *  Errors: CNP_ERR_TYPE "data type 'xyz' not understood", "Invalid datetime unit in metadata
 *  string \"[xx]\"" ...; CNP_ERR_VALUE for malformed comma strings ('format number 2 of "..." is
 *  not recognized'); "O", "|O", "object" ... give the object dtype (CNP_OBJECT, records
 *  with object fields are CNP_ERR_TYPE) and CNP_ERR_NOT_IMPLEMENTED comes for long
 *  double and datetime unit divisors ("M8[2M/3]"), which cnumpy does not support. */
CNP_API cnp_status cnp_dtype_from_string(const char* spec, cnp_dtype** out);
/** The dtype of a builtin type number. \param[out] out new reference. Errors: CNP_ERR_TYPE. */
CNP_API cnp_status cnp_dtype_from_typenum(int32_t typenum, cnp_dtype** out);
/** Releases a dtype reference. NULL is ignored. */
CNP_API void cnp_dtype_free(cnp_dtype* dtype);
/** numpy.dtype({'names': names, 'formats': dtypes, 'offsets': offsets, 'titles': titles,
 *  'itemsize': itemsize}, align=align): a record of nfields fields. offsets NULL places each field
 *  after the previous one (padded to its alignment when align); titles NULL, or a NULL entry,
 *  means no title; itemsize -1 means the end of the last field (rounded up to the record's
 *  alignment when align). \param[out] out new reference. Errors: CNP_ERR_VALUE "field 'a' occurs
 *  more than once", "NumPy dtype descriptor requires 8 bytes, cannot override to smaller itemsize
 *  of 4", "offset 1 for NumPy dtype with fields is not divisible by the field alignment 4 with
 *  align=True", "title already used as a name or title."; CNP_ERR_INVALID_HANDLE. */
CNP_API cnp_status cnp_dtype_record(int64_t nfields, const char* const* names, const cnp_dtype* const* dtypes, const int64_t* offsets, const char* const* titles, int64_t itemsize, int32_t align, cnp_dtype** out);
/** numpy.dtype((base, shape)): a subarray descriptor (ndim 0 gives base itself).
 *  \param[out] out new reference. Errors: CNP_ERR_VALUE "invalid shape in fixed-type tuple:
 *  dimension smaller then zero.", "... dtype size in bytes must fit into a C int.". */
CNP_API cnp_status cnp_dtype_subarray(const cnp_dtype* base, int32_t ndim, const int64_t* shape, cnp_dtype** out);
/** dtype.newbyteorder(order): order is one of the characters 'S' (swap), '<', '>', '=', '|' (or
 *  NumPy's aliases L/B/N/I, lower case too); applied to every field of a record.
 *  \param[out] out new reference. Errors: CNP_ERR_VALUE for another character. */
CNP_API cnp_status cnp_dtype_newbyteorder(const cnp_dtype* dtype, int32_t order, cnp_dtype** out);
/** Type number (CNP_*). */
CNP_API cnp_status cnp_dtype_typenum(const cnp_dtype* dtype, int32_t* out);
/** Bytes per element. */
CNP_API cnp_status cnp_dtype_itemsize(const cnp_dtype* dtype, int64_t* out);
/** Required alignment in bytes. */
CNP_API cnp_status cnp_dtype_alignment(const cnp_dtype* dtype, int64_t* out);
/** NumPy's kind character as an int: 'b' bool, 'i' signed, 'u' unsigned, 'f' float, 'c' complex,
 *  'S' bytes, 'U' str, 'V' void/records, 'M' datetime64, 'm' timedelta64. */
CNP_API cnp_status cnp_dtype_kind(const cnp_dtype* dtype, int32_t* out);
/** NumPy's type character ('d' for float64, '?' for bool, ...). */
CNP_API cnp_status cnp_dtype_char(const cnp_dtype* dtype, int32_t* out);
/** NumPy's name ("float64"). \param[out] out owned by the dtype, valid while it lives. */
CNP_API cnp_status cnp_dtype_name(const cnp_dtype* dtype, const char** out);
/** NumPy's array-protocol string ("<f8", "|b1"). \param[out] out owned by the dtype. */
CNP_API cnp_status cnp_dtype_str(const cnp_dtype* dtype, const char** out);
/** dtype.num: NumPy's type number (NPY_TYPES on LP64 Linux: float64 12, bytes 18, str 19,
 *  void 20, datetime64 21, timedelta64 22). */
CNP_API cnp_status cnp_dtype_num(const cnp_dtype* dtype, int32_t* out);
/** repr(dtype) exactly as NumPy: "dtype('<U5')", "dtype([('a', '<i4')], align=True)".
 *  \param[out] out owned by the dtype. */
CNP_API cnp_status cnp_dtype_repr(const cnp_dtype* dtype, const char** out);
/** str(dtype) exactly as NumPy ("float64", ">f8", "<U5", "[('a', '<i4')]"). \param[out] out owned by the dtype. */
CNP_API cnp_status cnp_dtype_text(const cnp_dtype* dtype, const char** out);
/** repr(dtype) as NumPy spells it under the legacy print modes '1.13' and '1.21'
 *  (numpy/core/_dtype.py: dict forms without spaces, "dtype({'names':['a','b'], ...})"; every
 *  other descriptor as cnp_dtype_repr). \param[out] out owned by the dtype. */
CNP_API cnp_status cnp_dtype_repr_legacy(const cnp_dtype* dtype, const char** out);
/** str(dtype) under the legacy print modes '1.13' and '1.21' (as cnp_dtype_repr_legacy, for
 *  cnp_dtype_text). \param[out] out owned by the dtype. */
CNP_API cnp_status cnp_dtype_text_legacy(const cnp_dtype* dtype, const char** out);
/** A canonical text equal for equal descriptors (for hashing). \param[out] out owned by the dtype. */
CNP_API cnp_status cnp_dtype_key(const cnp_dtype* dtype, const char** out);
/** dtype.descr as a Python literal ("[('', '<f8')]", "[('a', '<i4'), ('', '|V4')]").
 *  \param[out] out owned by the dtype. Errors: CNP_ERR_VALUE "dtype.descr is not defined for
 *  types with overlapping or out-of-order fields". */
CNP_API cnp_status cnp_dtype_descr(const cnp_dtype* dtype, const char** out);
/** dtype.byteorder as a character: '=' native, '<', '>', '|' not applicable. */
CNP_API cnp_status cnp_dtype_byteorder(const cnp_dtype* dtype, int32_t* out);
/** dtype.isnative: 1 when every scalar in it (fields included) is in native byte order. */
CNP_API cnp_status cnp_dtype_isnative(const cnp_dtype* dtype, int32_t* out);
/** dtype.isbuiltin: 1 for the builtin descriptors (native numbers, unsized S/U/V), else 0. */
CNP_API cnp_status cnp_dtype_isbuiltin(const cnp_dtype* dtype, int32_t* out);
/** dtype.isalignedstruct: 1 for a record made with align=True. */
CNP_API cnp_status cnp_dtype_isalignedstruct(const cnp_dtype* dtype, int32_t* out);
/** numpy.datetime_data(dtype)[0]: "s", "ms", "generic", ... \param[out] out static storage.
 *  Errors: CNP_ERR_TYPE "cannot get datetime metadata from non-datetime type". */
CNP_API cnp_status cnp_dtype_datetime_unit(const cnp_dtype* dtype, const char** out);
/** numpy.datetime_data(dtype)[1]: the unit multiplier (25 for "M8[25s]"). Errors as above. */
CNP_API cnp_status cnp_dtype_datetime_count(const cnp_dtype* dtype, int64_t* out);
/** len(dtype.names), or -1 when dtype.names is None (not a record). */
CNP_API cnp_status cnp_dtype_nfields(const cnp_dtype* dtype, int64_t* out);
/** Name of field i (in order). \param[out] out owned by the dtype. Errors: CNP_ERR_KEY for a
 *  dtype without fields, CNP_ERR_INDEX for i out of range. */
CNP_API cnp_status cnp_dtype_field_name(const cnp_dtype* dtype, int64_t i, const char** out);
/** Descriptor of field i. \param[out] out new reference. Errors as cnp_dtype_field_name. */
CNP_API cnp_status cnp_dtype_field_dtype(const cnp_dtype* dtype, int64_t i, cnp_dtype** out);
/** Byte offset of field i. Errors as cnp_dtype_field_name. */
CNP_API cnp_status cnp_dtype_field_offset(const cnp_dtype* dtype, int64_t i, int64_t* out);
/** Title of field i, or NULL when it has none. \param[out] out owned by the dtype. */
CNP_API cnp_status cnp_dtype_field_title(const cnp_dtype* dtype, int64_t i, const char** out);
/** dtype.base: the element descriptor of a subarray, the dtype itself otherwise. \param[out] out new reference. */
CNP_API cnp_status cnp_dtype_base(const cnp_dtype* dtype, cnp_dtype** out);
/** len(dtype.shape): 0 unless a subarray. */
CNP_API cnp_status cnp_dtype_ndim(const cnp_dtype* dtype, int32_t* out);
/** dtype.shape. \param[out] out points at ndim int64_t owned by the dtype. */
CNP_API cnp_status cnp_dtype_shape(const cnp_dtype* dtype, const int64_t** out);
/** str() of one element of dtype at `element` (its bytes in the dtype's byte order), as NumPy
 *  writes it: numbers ("1.5", "True", "(1+2j)"), datetimes ("2024-01-01T12:00", "NaT"),
 *  timedeltas ("5 seconds"), S/U text (UTF-8, trailing NULs dropped). \param[out] out malloc'd,
 *  release with cnp_string_free. Errors: CNP_ERR_TYPE for records and void. */
CNP_API cnp_status cnp_dtype_format_element(const cnp_dtype* dtype, const void* element, char** out);
/** 1 if the two dtypes are equivalent (NumPy's ==: '<f8' == 'float64', '>f8' != '<f8'), else 0. */
CNP_API cnp_status cnp_dtype_equal(const cnp_dtype* a, const cnp_dtype* b, int32_t* out);
/** numpy.can_cast(from, to, casting): 1 or 0. Errors: CNP_ERR_VALUE for a bad casting value. */
CNP_API cnp_status cnp_can_cast(const cnp_dtype* from, const cnp_dtype* to, int32_t casting, int32_t* out);
/** numpy.promote_types(a, b), for every kind (strings long enough for numbers, the finer of two
 *  datetime units, records field by field). \param[out] out new reference. Errors: CNP_ERR_TYPE
 *  with NumPy's message when no common dtype exists. */
CNP_API cnp_status cnp_promote_types(const cnp_dtype* a, const cnp_dtype* b, cnp_dtype** out);
/** numpy.result_type over n dtypes (n >= 1). \param[out] out new reference.
 *  Errors: CNP_ERR_VALUE "at least one array or dtype is required". */
CNP_API cnp_status cnp_result_type(int64_t n, const cnp_dtype* const* dtypes, cnp_dtype** out);

/* ---- array lifetime and introspection ----------------------------------------------------- */

/** Releases an array reference; the buffer goes when its last view goes. NULL is ignored. */
CNP_API void cnp_array_free(cnp_array* array);
/** A new reference to the same array object (not a view: the same handle state). */
CNP_API cnp_status cnp_array_retain(cnp_array* array, cnp_array** out);
/** Number of dimensions (0..32). */
CNP_API cnp_status cnp_array_ndim(const cnp_array* array, int32_t* out);
/** Shape. \param[out] out points at ndim int64_t owned by the handle, valid while it lives. */
CNP_API cnp_status cnp_array_shape(const cnp_array* array, const int64_t** out);
/** Strides in bytes. \param[out] out points at ndim int64_t owned by the handle. */
CNP_API cnp_status cnp_array_strides(const cnp_array* array, const int64_t** out);
/** The element type. \param[out] out new reference. */
CNP_API cnp_status cnp_array_dtype(const cnp_array* array, cnp_dtype** out);
/** Number of elements. */
CNP_API cnp_status cnp_array_size(const cnp_array* array, int64_t* out);
/** Bytes per element. */
CNP_API cnp_status cnp_array_itemsize(const cnp_array* array, int64_t* out);
/** size * itemsize. */
CNP_API cnp_status cnp_array_nbytes(const cnp_array* array, int64_t* out);
/** Address of the first element (offset applied). Borrowed: valid while any view of the buffer lives. */
CNP_API cnp_status cnp_array_data(const cnp_array* array, void** out);
/** CNP_FLAG_* bits. */
CNP_API cnp_status cnp_array_flags(const cnp_array* array, int32_t* out);
/** Sets or clears CNP_FLAG_WRITEABLE on this handle. Errors: CNP_ERR_VALUE "cannot set WRITEABLE
 *  flag to True of this array" when the memory itself is read-only. */
CNP_API cnp_status cnp_array_set_writeable(cnp_array* array, int32_t writeable);
/** 1 if the memory ranges of a and b overlap (numpy.may_share_memory), else 0. */
CNP_API cnp_status cnp_may_share_memory(const cnp_array* a, const cnp_array* b, int32_t* out);
/** Whether a and b have a byte in common (numpy.shares_memory / may_share_memory with max_work),
 *  solved exactly as NumPy does (a bounded linear Diophantine problem over the strides).
 *  max_work: -1 (NumPy's MAY_SHARE_EXACT; any value down to -2) = exact, 0 (MAY_SHARE_BOUNDS) =
 *  compare the byte ranges only, n > 0 = give up after n rejected candidate solutions.
 *  *out is NumPy's answer code: 1 shared, 0 not shared, -1 undecided within max_work (NumPy's
 *  TooHardError "Exceeded max_work"; always the answer of max_work 0 when the ranges overlap),
 *  -2 the problem overflows 64-bit integers (NumPy's OverflowError "Integer overflow in computing
 *  overlap"). Errors: CNP_ERR_VALUE "Invalid value for max_work" when max_work < -2.
 *  Since ABI 1 (cnumpy 0.1). */
CNP_API cnp_status cnp_shares_memory(const cnp_array* a, const cnp_array* b, int64_t max_work, int32_t* out);

/* ---- creation ----------------------------------------------------------------------------- */

/** numpy.empty(shape, dtype=float64, order). Errors: CNP_ERR_VALUE "negative dimensions are not
 *  allowed", "maximum supported dimension for an ndarray is 32, found 33", CNP_ERR_VALUE "array is
 *  too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
 *  CNP_ERR_MEMORY "Unable to allocate ...". \param[out] out new reference. */
CNP_API cnp_status cnp_empty(int32_t ndim, const int64_t* shape, const cnp_dtype* dtype, int32_t order, cnp_array** out);
/** numpy.zeros. As cnp_empty, filled with 0. */
CNP_API cnp_status cnp_zeros(int32_t ndim, const int64_t* shape, const cnp_dtype* dtype, int32_t order, cnp_array** out);
/** numpy.ones. As cnp_empty, filled with 1. */
CNP_API cnp_status cnp_ones(int32_t ndim, const int64_t* shape, const cnp_dtype* dtype, int32_t order, cnp_array** out);
/** numpy.full(shape, fill_value, dtype=None, order). fill_value is any array broadcastable to
 *  shape (a 0-d array for a scalar); a NULL dtype takes fill_value's dtype. */
CNP_API cnp_status cnp_full(int32_t ndim, const int64_t* shape, const cnp_array* fill_value, const cnp_dtype* dtype, int32_t order, cnp_array** out);
/** numpy.empty_like(prototype, dtype=None, order='K', shape=None): ndim -1 keeps the prototype's
 *  shape; order K keeps its memory layout. */
CNP_API cnp_status cnp_empty_like(const cnp_array* prototype, const cnp_dtype* dtype, int32_t order, int32_t ndim, const int64_t* shape, cnp_array** out);
/** numpy.zeros_like, as cnp_empty_like: ndim -1 keeps the prototype's shape. */
CNP_API cnp_status cnp_zeros_like(const cnp_array* prototype, const cnp_dtype* dtype, int32_t order, int32_t ndim, const int64_t* shape, cnp_array** out);
/** numpy.ones_like, as cnp_empty_like: ndim -1 keeps the prototype's shape. */
CNP_API cnp_status cnp_ones_like(const cnp_array* prototype, const cnp_dtype* dtype, int32_t order, int32_t ndim, const int64_t* shape, cnp_array** out);
/** numpy.full_like, as cnp_empty_like with a fill value broadcast to the shape: ndim -1 keeps
 *  the prototype's shape. */
CNP_API cnp_status cnp_full_like(const cnp_array* prototype, const cnp_array* fill_value, const cnp_dtype* dtype, int32_t order, int32_t ndim, const int64_t* shape, cnp_array** out);
/** numpy.arange(start, stop, step, dtype). stop NULL: arange(start) (0 to start); step NULL: 1.
 *  The default dtype is the result type of the arguments (Python ints give int64).
 *  Errors: CNP_ERR_ZERO_DIVISION "division by zero" for step 0 (NumPy's exception),
 *  CNP_ERR_VALUE "Maximum allowed size exceeded". */
CNP_API cnp_status cnp_arange(const cnp_scalar* start, const cnp_scalar* stop, const cnp_scalar* step, const cnp_dtype* dtype, cnp_array** out);
/** numpy.linspace(start, stop, num, endpoint, retstep, dtype, axis). start/stop are arrays
 *  (0-d for scalars) that broadcast together. \param[out] step_out if not NULL receives the step
 *  as an array (retstep=True); new reference. Errors: CNP_ERR_VALUE "Number of samples, -1, must
 *  be non-negative.". */
CNP_API cnp_status cnp_linspace(const cnp_array* start, const cnp_array* stop, int64_t num, int32_t endpoint, const cnp_dtype* dtype, int64_t axis, cnp_array** out, cnp_array** step_out);
/** numpy.logspace(start, stop, num, endpoint, base, dtype, axis). base NULL means 10.0. */
CNP_API cnp_status cnp_logspace(const cnp_array* start, const cnp_array* stop, int64_t num, int32_t endpoint, const cnp_array* base, const cnp_dtype* dtype, int64_t axis, cnp_array** out);
/** numpy.geomspace(start, stop, num, endpoint, dtype, axis). Errors: CNP_ERR_VALUE
 *  "Geometric sequence cannot include zero". */
CNP_API cnp_status cnp_geomspace(const cnp_array* start, const cnp_array* stop, int64_t num, int32_t endpoint, const cnp_dtype* dtype, int64_t axis, cnp_array** out);
/** numpy.eye(N, M, k, dtype=float64, order). m -1 means M = N; other negative m and n are
 *  CNP_ERR_VALUE "negative dimensions are not allowed". */
CNP_API cnp_status cnp_eye(int64_t n, int64_t m, int64_t k, const cnp_dtype* dtype, int32_t order, cnp_array** out);
/** numpy.identity(n, dtype=float64). */
CNP_API cnp_status cnp_identity(int64_t n, const cnp_dtype* dtype, cnp_array** out);
/** numpy.copy(a, order='K'): a new array that owns its data. */
CNP_API cnp_status cnp_copy(const cnp_array* array, int32_t order, cnp_array** out);
/** An array built from a scalar: 0-d, of dtype (NULL: the scalar's own typenum). The scalar's
 *  CNP_SCALAR_WEAK flag is kept for promotion. Errors: CNP_ERR_OVERFLOW "Python integer 300 out
 *  of bounds for int8" when a weak integer does not fit the dtype. */
CNP_API cnp_status cnp_array_from_scalar(const cnp_scalar* value, const cnp_dtype* dtype, cnp_array** out);
/** numpy.array from a C buffer, copying. strides NULL means C-contiguous. */
CNP_API cnp_status cnp_array_from_data(const void* data, const cnp_dtype* dtype, int32_t ndim, const int64_t* shape, const int64_t* strides, cnp_array** out);
/** Wraps external memory without copying. strides NULL means C-contiguous. deleter NULL: borrowed,
 *  the caller keeps the memory alive while any view lives; otherwise the library owns it and calls
 *  deleter(data, deleter_ctx) exactly once when the last view goes. On failure the deleter is not
 *  called and ownership stays with the caller. */
CNP_API cnp_status cnp_array_wrap(void* data, const cnp_dtype* dtype, int32_t ndim, const int64_t* shape, const int64_t* strides, int32_t writeable, cnp_deleter deleter, void* deleter_ctx, cnp_array** out);

/* ---- views, shape, elements, casting ------------------------------------------------------ */

/** ndarray.reshape(shape, order): a view when the strides allow, a copy otherwise. One entry may
 *  be -1. Errors: CNP_ERR_VALUE "cannot reshape array of size 6 into shape (4,)", "can only
 *  specify one unknown dimension". */
CNP_API cnp_status cnp_reshape(const cnp_array* array, int32_t ndim, const int64_t* shape, int32_t order, cnp_array** out);
/** numpy.ravel(a, order): a 1-d view when possible, else a copy. */
CNP_API cnp_status cnp_ravel(const cnp_array* array, int32_t order, cnp_array** out);
/** ndarray.flatten(order): always a copy. */
CNP_API cnp_status cnp_flatten(const cnp_array* array, int32_t order, cnp_array** out);
/** numpy.transpose(a, axes): a view. axes NULL (None) reverses the axes. Errors: CNP_ERR_VALUE "axes
 *  don't match array", "repeated axis in transpose", CNP_ERR_AXIS "axis 3 is out of bounds for
 *  array of dimension 2". */
CNP_API cnp_status cnp_transpose(const cnp_array* array, const int64_t* axes, int32_t naxes, cnp_array** out);
/** ndarray.fill(value). */
CNP_API cnp_status cnp_array_fill(cnp_array* array, const cnp_scalar* value);
/** ndarray.astype(dtype, order='K', casting='unsafe', copy=True). With copy 0 the input itself is
 *  returned (a new reference) when no conversion is needed. Errors: CNP_ERR_TYPE "Cannot cast array
 *  data from dtype('float64') to dtype('int32') according to the rule 'safe'". */
CNP_API cnp_status cnp_astype(const cnp_array* array, const cnp_dtype* dtype, int32_t order, int32_t casting, int32_t copy, cnp_array** out);
/** ndarray.view(dtype): the same memory seen as another descriptor. A different itemsize
 *  rescales the last axis (NumPy 1.24's rules). \param[out] out new view. Errors: CNP_ERR_VALUE
 *  "Changing the dtype of a 0d array is only supported if the itemsize is unchanged", "To change
 *  to a dtype of a different size, the last axis must be contiguous", "When changing to a smaller
 *  dtype, its size must be a divisor of the size of original dtype", "When changing to a larger
 *  dtype, its size must be a divisor of the total size in bytes of the last axis of the array." */
CNP_API cnp_status cnp_array_view(const cnp_array* array, const cnp_dtype* dtype, cnp_array** out);
/** a[name] for a record array: a view of one field (a subarray field adds its axes).
 *  \param[out] out new view. Errors: CNP_ERR_VALUE "no field of name x". */
CNP_API cnp_status cnp_array_field(const cnp_array* array, const char* name, cnp_array** out);
/** ndarray.byteswap(inplace): every scalar's bytes reversed (each part of a complex, every field
 *  of a record); the dtype is unchanged. inplace 1 swaps the array itself and hands out a new
 *  reference to it. \param[out] out. Errors: CNP_ERR_VALUE "assignment destination is read-only". */
CNP_API cnp_status cnp_array_byteswap(cnp_array* array, int32_t inplace, cnp_array** out);
/** numpy.equal(a, b) (not_equal 0) or numpy.not_equal (1) for arrays of any descriptors with a
 *  common dtype (strings of different widths compare as NumPy's, padded; void and records
 *  bytewise), broadcasting. \param[out] out new bool array. Errors: CNP_ERR_TYPE when the
 *  dtypes have no common dtype; CNP_ERR_VALUE when the shapes do not broadcast. */
CNP_API cnp_status cnp_equal_any(const cnp_array* a, const cnp_array* b, int32_t not_equal, cnp_array** out);
/** numpy.copyto(dst, src, casting='same_kind', where=None): src broadcasts to dst's shape; where
 *  (NULL: everywhere) is a bool array broadcast likewise. Overlapping src and dst are handled.
 *  Errors: CNP_ERR_VALUE "could not broadcast input array from shape (3,) into shape (2,)",
 *  "assignment destination is read-only"; CNP_ERR_TYPE "Cannot cast array data from ...". */
CNP_API cnp_status cnp_copyto(cnp_array* dst, const cnp_array* src, int32_t casting, const cnp_array* where);

/* CNP_DECLS_END */

#ifdef __cplusplus
}
#endif

#endif
