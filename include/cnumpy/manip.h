/*
 * cnumpy/manip.h: array manipulation primitives (concatenate, take, repeat, nonzero, broadcast_to, diagonal). The rest of NumPy's shape
 * manipulation surface (stack, split, flip, pad, ...) is composed from these in the bindings.
 *
 * Conventions (docs/api-conventions.md): an optional single axis is `const int64_t* axis`, NULL
 * meaning NumPy's axis=None (the input is flattened in C order first); a required one is
 * `int64_t axis`. Negative axes count from the end; CNP_ERR_AXIS "axis 2 is out of bounds for
 * array of dimension 2". out_array is NumPy's out= (NULL: not given), *out the result.
 *
 * The block between CNP_DECLS_BEGIN and CNP_DECLS_END is plain C99 (read by the bindings).
 */
#ifndef CNUMPY_MANIP_H
#define CNUMPY_MANIP_H

#include "cnumpy/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CNP_DECLS_BEGIN */

/** numpy.take's mode= argument. */
enum { CNP_MODE_RAISE = 0, CNP_MODE_WRAP = 1, CNP_MODE_CLIP = 2 };

/** numpy.nonzero as one int64 array of shape (ndim, count): row k holds the indices along axis k
 *  of the nonzero elements in C order (NaN counts as nonzero, -0.0 as zero). 0-d input is
 *  treated as shape (1,), as NumPy 1.24 does. */
CNP_API cnp_status cnp_nonzero(const cnp_array* a, cnp_array** out);
/** numpy.take(a, indices, axis, mode): integer indices of any shape; the result has shape
 *  a.shape[:axis] + indices.shape + a.shape[axis+1:]. mode CNP_MODE_RAISE/WRAP/CLIP. Errors:
 *  CNP_ERR_INDEX "index 12 is out of bounds for axis 0 with size 10", "cannot do a non-empty
 *  take from an empty axes."; CNP_ERR_TYPE "Cannot cast array data from dtype('float64') to
 *  dtype('int64') according to the rule 'safe'". */
CNP_API cnp_status cnp_take(const cnp_array* a, const cnp_array* indices, const int64_t* axis, int32_t mode, cnp_array** out);
/** numpy.concatenate(arrays, axis, out, dtype, casting). out_array (may be NULL) receives the result
 *  and a new reference to it is returned; dtype NULL promotes the inputs' dtypes. Errors:
 *  CNP_ERR_VALUE "need at least one array to concatenate", "zero-dimensional arrays cannot be
 *  concatenated", "all the input array dimensions except for the concatenation axis must match
 *  exactly, but along dimension 1, the array at index 0 has size 2 and the array at index 1 has
 *  size 3", "Output array is the wrong shape"; CNP_ERR_TYPE for a cast breaking `casting` and
 *  "concatenate() only takes `out` or `dtype` as an argument, but both were provided.". */
CNP_API cnp_status cnp_concatenate(int32_t n, const cnp_array* const* arrays, const int64_t* axis, cnp_array* out_array, const cnp_dtype* dtype, int32_t casting, cnp_array** out);
/** numpy.stack(arrays, axis, out, dtype, casting): the inputs (all of one shape) joined along a
 *  new axis. Errors: CNP_ERR_VALUE "need at least one array to stack", "all input arrays must
 *  have the same shape", and those of cnp_concatenate. */
CNP_API cnp_status cnp_stack(int32_t n, const cnp_array* const* arrays, int64_t axis, cnp_array* out_array, const cnp_dtype* dtype, int32_t casting, cnp_array** out);
/** numpy.vstack(arrays, dtype, casting): inputs made at least 2-d ((n,) -> (1, n)), joined along
 *  axis 0. Errors: those of cnp_concatenate. */
CNP_API cnp_status cnp_vstack(int32_t n, const cnp_array* const* arrays, const cnp_dtype* dtype, int32_t casting, cnp_array** out);
/** numpy.hstack(arrays, dtype, casting): inputs made at least 1-d, joined along axis 0 when the
 *  first is 1-d, else axis 1. Errors: those of cnp_concatenate. */
CNP_API cnp_status cnp_hstack(int32_t n, const cnp_array* const* arrays, const cnp_dtype* dtype, int32_t casting, cnp_array** out);
/** numpy.repeat(a, repeats, axis): repeats is an integer array of shape () or (1,) or
 *  (a.shape[axis],). Errors: CNP_ERR_VALUE "repeats may not contain negative values.",
 *  "operands could not be broadcast together with shape (3,) (2,)". */
CNP_API cnp_status cnp_repeat(const cnp_array* a, const cnp_array* repeats, const int64_t* axis, cnp_array** out);
/** numpy.broadcast_to(a, shape): a read-only view with zero strides on the stretched axes.
 *  Errors: CNP_ERR_VALUE "operands could not be broadcast together with remapped shapes
 *  [original->remapped]: (3,)  and requested shape (4,)", "cannot broadcast a non-scalar to a
 *  scalar array", "all elements of broadcast shape must be non-negative". */
CNP_API cnp_status cnp_broadcast_to(const cnp_array* a, int32_t ndim, const int64_t* shape, cnp_array** out);
/** numpy.diagonal(a, offset, axis1, axis2): a read-only view whose last axis is the diagonal.
 *  Errors: CNP_ERR_VALUE "diag requires an array of at least two dimensions", "axis1 and axis2
 *  cannot be the same"; CNP_ERR_AXIS "axis1: axis 5 is out of bounds for array of dimension 3". */
CNP_API cnp_status cnp_diagonal(const cnp_array* a, int64_t offset, int64_t axis1, int64_t axis2, cnp_array** out);
/** A view of a with a new shape and byte strides starting at element offset 0 (numpy.lib.
 *  stride_tricks.as_strided without bounds checks beyond the buffer). writeable 0 makes it
 *  read-only. Errors: CNP_ERR_VALUE "as_strided view would reach outside the array's memory". */
CNP_API cnp_status cnp_as_strided(const cnp_array* a, int32_t ndim, const int64_t* shape, const int64_t* strides, int32_t writeable, cnp_array** out);

/* CNP_DECLS_END */

#ifdef __cplusplus
}
#endif

#endif /* CNUMPY_MANIP_H */
