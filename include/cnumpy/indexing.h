/*
 * cnumpy/indexing.h: NumPy's indexing, a[index] and a[index] = value. An index expression is a
 * list of cnp_index items (integers, slices, newaxis, an ellipsis, index arrays), as Python's
 * tuple inside the brackets; single elements also have scalar getters and setters.
 * (numpy.take, nonzero, diagonal and the other indexing routines are in cnumpy/manip.h.)
 *
 * The block between CNP_DECLS_BEGIN and CNP_DECLS_END is plain C99 (read by the bindings).
 */
#ifndef CNUMPY_INDEXING_H
#define CNUMPY_INDEXING_H

#include "cnumpy/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CNP_DECLS_BEGIN */

/** Kinds of index items for cnp_array_index. */
enum {
    CNP_INDEX_INTEGER = 0,          /* start holds the index; the axis is removed */
    CNP_INDEX_SLICE = 1,            /* start:stop:step, each present per the CNP_SLICE_HAS_* flags */
    CNP_INDEX_NEWAXIS = 2,          /* None / numpy.newaxis: inserts an axis of length 1 */
    CNP_INDEX_ELLIPSIS = 3,         /* ...: as many full slices as needed */
    CNP_INDEX_ARRAY = 4             /* array holds an integer or boolean index array (advanced indexing) */
};
enum { CNP_SLICE_HAS_START = 1, CNP_SLICE_HAS_STOP = 2, CNP_SLICE_HAS_STEP = 4 };

/** One item of a NumPy index expression (see CNP_INDEX_*). */
typedef struct cnp_index {
    int32_t kind;
    int32_t flags;                  /* CNP_SLICE_HAS_* for slices */
    int64_t start;
    int64_t stop;
    int64_t step;
    const cnp_array* array;         /* the index array of a CNP_INDEX_ARRAY item, else NULL */
} cnp_index;

/** Indexing a[items]: integers, slices, newaxis and an ellipsis give a view (a 0-d view when
 *  every axis is taken by an integer); with any CNP_INDEX_ARRAY item (integer or boolean arrays,
 *  NumPy's advanced indexing) the result is a new array. Errors also: CNP_ERR_INDEX "boolean
 *  index did not match indexed array along dimension 0; dimension is 3 but corresponding boolean
 *  dimension is 2", "shape mismatch: indexing arrays could not be broadcast together with shapes
 *  (2,) (3,) ", "only integers, slices (`:`), ...". Errors: CNP_ERR_INDEX "index 7 is out of bounds for
 *  axis 0 with size 5", "too many indices for array: array is 1-dimensional, but 2 were indexed",
 *  "an index can only have a single ellipsis ('...')"; CNP_ERR_VALUE "slice step cannot be zero". */
CNP_API cnp_status cnp_array_index(const cnp_array* array, int32_t nitems, const cnp_index* items, cnp_array** out);
/** One element a[index] (nindex == ndim, negative indices allowed) as a scalar of the array's
 *  type. Errors: CNP_ERR_INDEX. */
CNP_API cnp_status cnp_array_getitem(const cnp_array* array, int32_t nindex, const int64_t* index, cnp_scalar* out);
/** a[index] = value, cast as NumPy casts (2.7 into int32 gives 2). Errors: CNP_ERR_INDEX,
 *  CNP_ERR_VALUE "assignment destination is read-only", CNP_ERR_OVERFLOW for weak integers out
 *  of range, CNP_ERR_TYPE for complex into real with CNP_SCALAR_WEAK... (NumPy's rules). */
CNP_API cnp_status cnp_array_setitem(cnp_array* array, int32_t nindex, const int64_t* index, const cnp_scalar* value);
/** a[items] = value for any index (basic or advanced, see cnp_array_index). value broadcasts to
 *  the indexed shape and is cast unsafely to a's dtype (2.7 into int32 gives 2); duplicate
 *  indices take the last value. Errors: CNP_ERR_VALUE "assignment destination is read-only",
 *  "shape mismatch: value array of shape (3,) could not be broadcast to indexing result of
 *  shape (2,)", and the errors of cnp_array_index. Nothing is written when an error is raised. */
CNP_API cnp_status cnp_array_index_assign(cnp_array* array, int32_t nitems, const cnp_index* items, const cnp_array* value);

/** One element as its raw bytes (any dtype; the bytes are in the array's byte order): size must
 *  be the itemsize. Errors: CNP_ERR_INDEX as cnp_array_getitem; CNP_ERR_VALUE for another size. */
CNP_API cnp_status cnp_array_getitem_bytes(const cnp_array* array, int32_t nindex, const int64_t* idx, void* buf, int64_t size);
/** Writes one element from raw bytes (in the array's byte order). Errors as
 *  cnp_array_getitem_bytes; CNP_ERR_VALUE "assignment destination is read-only". */
CNP_API cnp_status cnp_array_setitem_bytes(cnp_array* array, int32_t nindex, const int64_t* idx, const void* buf, int64_t size);
/* CNP_DECLS_END */

#ifdef __cplusplus
}
#endif

#endif /* CNUMPY_INDEXING_H */
