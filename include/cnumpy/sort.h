/*
 * cnumpy/sort.h: sorting, searching and set kernels (numpy.sort, argsort, partition,
 * argpartition, lexsort, searchsorted, unique, in1d; ndarray.sort/partition in place).
 * The set functions (union1d, intersect1d, setdiff1d, setxor1d, isin) are composed from these
 * in the bindings, as NumPy composes them in arraysetops.py. docs/sort.md has the details.
 *
 * Common scheme:
 *  - axis: a pointer to one axis (negative counts from the end; NumPy's AxisError), NULL for
 *    NumPy's axis=None (the array flattened in C order first).
 *  - kind: NumPy's spelling, NULL for the default; sort kinds are recognised by their first
 *    letter as NumPy does ("quicksort", "mergesort", "heapsort", "stable"), else CNP_ERR_VALUE
 *    "sort kind must be one of 'quick', 'heap', or 'stable' (got 'bogus')". Partition kinds:
 *    NULL or "introselect".
 *  - Order: NumPy's (NaNs last, -0.0 == 0.0, complex by real then imaginary part with NaNs
 *    last). argsort returns the stable permutation for every kind (NumPy's quick/heap kinds may
 *    order equal keys differently); sort's stable/merge kinds keep equal values in input order.
 *  - Results are int64 (NumPy's intp) for indices; *out is a new array, written only on success.
 *  - kth: an integer array (0-d or 1-D); negative values count from the end; CNP_ERR_VALUE
 *    "kth(=10) out of bounds (7)"; CNP_ERR_TYPE "Partition index must be integer".
 *  - Records (issue 26): NumPy's record order (VOID_compare): field by field in dtype order,
 *    each field by its own type's compare (float16 NaNs first, other floats' NaNs last, S, plain
 *    V and subarray fields by their raw bytes, U by code points, nested records recursively).
 *    The *_order variants take NumPy's order=: `order` is a list of `norder` field names
 *    compared first (the other fields follow in dtype order); order NULL (with norder 0) is
 *    None. CNP_ERR_VALUE "unknown field name: x", "duplicate field name: x", "Cannot specify
 *    order when the array has no fields."; a NULL list with norder > 0, or a NULL name,
 *    CNP_ERR_INVALID_HANDLE. Partitions of records are full sorts (as NumPy's: it has no
 *    selection for records either).
 *  - Version: every function of this header appeared in ABI 1 (cnumpy 0.1, libcnumpy.so.1).
 *
 * The block between CNP_DECLS_BEGIN and CNP_DECLS_END is plain C99 (read by the bindings).
 */
#ifndef CNUMPY_SORT_H
#define CNUMPY_SORT_H

#include "cnumpy/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CNP_DECLS_BEGIN */

/** numpy.sort(a, axis, kind): a sorted copy (in a's memory order; 1-D for axis NULL). */
CNP_API cnp_status cnp_sort(const cnp_array* a, const int64_t* axis, const char* kind, cnp_array** out);
/** ndarray.sort(axis, kind): in place (CNP_ERR_VALUE "assignment destination is read-only"). */
CNP_API cnp_status cnp_array_sort(cnp_array* a, int64_t axis, const char* kind);
/** numpy.argsort(a, axis, kind): int64 indices, C order (a 0-d a gives [0]). */
CNP_API cnp_status cnp_argsort(const cnp_array* a, const int64_t* axis, const char* kind, cnp_array** out);
/** numpy.partition(a, kth, axis, kind): a copy with every kth element in its sorted place. */
CNP_API cnp_status cnp_partition(const cnp_array* a, const cnp_array* kth, const int64_t* axis, const char* kind, cnp_array** out);
/** ndarray.partition(kth, axis, kind): in place. */
CNP_API cnp_status cnp_array_partition(cnp_array* a, const cnp_array* kth, int64_t axis, const char* kind);
/** numpy.argpartition(a, kth, axis, kind): int64 indices (ties broken by index). */
CNP_API cnp_status cnp_argpartition(const cnp_array* a, const cnp_array* kth, const int64_t* axis, const char* kind, cnp_array** out);
/** numpy.sort(a, axis, kind, order): cnp_sort with order= (see the header comment). */
CNP_API cnp_status cnp_sort_order(const cnp_array* a, const int64_t* axis, const char* kind, const char* const* order, int32_t norder, cnp_array** out);
/** ndarray.sort(axis, kind, order): cnp_array_sort with order=. */
CNP_API cnp_status cnp_array_sort_order(cnp_array* a, int64_t axis, const char* kind, const char* const* order, int32_t norder);
/** numpy.argsort(a, axis, kind, order): cnp_argsort with order=. */
CNP_API cnp_status cnp_argsort_order(const cnp_array* a, const int64_t* axis, const char* kind, const char* const* order, int32_t norder, cnp_array** out);
/** numpy.partition(a, kth, axis, kind, order): cnp_partition with order=. */
CNP_API cnp_status cnp_partition_order(const cnp_array* a, const cnp_array* kth, const int64_t* axis, const char* kind, const char* const* order, int32_t norder, cnp_array** out);
/** ndarray.partition(kth, axis, kind, order): cnp_array_partition with order=. */
CNP_API cnp_status cnp_array_partition_order(cnp_array* a, const cnp_array* kth, int64_t axis, const char* kind, const char* const* order, int32_t norder);
/** numpy.argpartition(a, kth, axis, kind, order): cnp_argpartition with order=. */
CNP_API cnp_status cnp_argpartition_order(const cnp_array* a, const cnp_array* kth, const int64_t* axis, const char* kind, const char* const* order, int32_t norder, cnp_array** out);
/** numpy.lexsort(keys, axis): the stable permutation sorting by keys[n-1], then keys[n-2], ...
 *  CNP_ERR_TYPE "need sequence of keys with len > 0 in lexsort"; CNP_ERR_VALUE "all keys need
 *  to be the same shape". */
CNP_API cnp_status cnp_lexsort(int32_t n, const cnp_array* const* keys, int64_t axis, cnp_array** out);
/** numpy.searchsorted(a, v, side, sorter): a 1-D, v any shape (the result has v's shape); both
 *  compared in their promoted dtype. side NULL = "left". sorter NULL or int indices sorting a:
 *  CNP_ERR_VALUE "sorter.size must equal a.size", "Sorter index out of range.". */
CNP_API cnp_status cnp_searchsorted(const cnp_array* a, const cnp_array* v, const char* side, const cnp_array* sorter, cnp_array** out);
/** numpy.unique of the flattened a (NumPy 1.24's rules, equal_nan 0/1): values (required), and
 *  optionally index (first occurrences), inverse (1-D, a.size) and counts; NULL = not wanted. */
CNP_API cnp_status cnp_unique(const cnp_array* a, int32_t equal_nan, cnp_array** values, cnp_array** index, cnp_array** inverse, cnp_array** counts);
/** numpy.in1d(a, b, invert=...): a 1-D bool array of a.size. */
CNP_API cnp_status cnp_in1d(const cnp_array* a, const cnp_array* b, int32_t invert, cnp_array** out);

/* CNP_DECLS_END */

#ifdef __cplusplus
}
#endif

#endif
