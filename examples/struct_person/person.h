/* A C struct shared with NumPy-style code through libcnumpy: the record descriptor mirrors the
 * struct (names, member dtypes, offsetof, sizeof), the table is wrapped without copying, and
 * fields are read and written through strided field views (docs/records.md). */
#ifndef PERSON_DEMO_H
#define PERSON_DEMO_H

#include <stdint.h>

#include <cnumpy/cnumpy.h>

struct person {
    char name[16];     /* 'S16': bytes, NUL-padded */
    int32_t age;       /* '<i4' */
    double salary;     /* '<f8' (after 4 bytes of padding: offsetof is 24) */
};

/* numpy.dtype([('name', 'S16'), ('age', '<i4'), ('salary', '<f8')], align=True), built from the
 * struct's own offsetof/sizeof. \param[out] out new reference. */
cnp_status person_dtype(cnp_dtype** out);

/* A table of n people in malloc'ed memory owned by the returned array: free() runs when the
 * last view of it goes. \param[out] data the structs (valid while the array lives). */
cnp_status person_table_new(int64_t n, cnp_array** out, struct person** data);

/* Releases a table handle (cnp_array_free), for callers that do not link libcnumpy. */
void person_table_free(cnp_array* table);

/* Over any array of struct person (a wrapped table, a slice, a Python-made array): the number of
 * people at least min_age old and their total salary, read through the field views. */
cnp_status person_stats(const cnp_array* table, int32_t min_age, int64_t* count, double* total);

/* Multiplies every salary by factor in place through the salary field's view. */
cnp_status person_give_raise(cnp_array* table, double factor);

/* person_stats over memory someone else owns (e.g. a Python array's __array_interface__):
 * wrapped borrowed (no deleter) for the duration of the call. stride is the bytes between
 * records. */
cnp_status person_stats_borrowed(void* data, int64_t n, int64_t stride, int32_t min_age, int64_t* count, double* total);

#endif
