/* The person table's side in C: builds the record descriptor from the struct layout, wraps
 * struct arrays without copying and works on fields through libcnumpy's field views. Built as
 * a shared library (libperson_demo) for struct_person.py and linked into person_main. */
#include "person.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

cnp_status person_dtype(cnp_dtype** out) {
    const char* names[3] = {"name", "age", "salary"};
    const int64_t offsets[3] = {offsetof(struct person, name), offsetof(struct person, age),
                                offsetof(struct person, salary)};
    cnp_dtype* members[3] = {NULL, NULL, NULL};
    cnp_status st = cnp_dtype_from_string("S16", &members[0]);
    if (st == CNP_OK) st = cnp_dtype_from_typenum(CNP_INT32, &members[1]);
    if (st == CNP_OK) st = cnp_dtype_from_typenum(CNP_FLOAT64, &members[2]);
    /* align=1: the offsets are the C compiler's, so NumPy's aligned-struct checks hold and the
     * descriptor says isalignedstruct, as numpy.dtype(..., align=True) does. */
    if (st == CNP_OK)
        st = cnp_dtype_record(3, names, (const cnp_dtype* const*)members, offsets, NULL,
                              (int64_t)sizeof(struct person), 1, out);
    cnp_dtype_free(members[0]);
    cnp_dtype_free(members[1]);
    cnp_dtype_free(members[2]);
    return st;
}

static void free_table(void* data, void* ctx) {
    (void)ctx;
    free(data);
}

cnp_status person_table_new(int64_t n, cnp_array** out, struct person** data) {
    static const char* first[5] = {"ann", "bob", "cy", "dee", "eve"};
    cnp_dtype* dt = NULL;
    struct person* p;
    int64_t i;
    cnp_status st;
    *out = NULL;
    *data = NULL;
    if (n < 0) return CNP_ERR_VALUE;
    p = (struct person*)calloc((size_t)(n ? n : 1), sizeof(struct person));
    if (!p) return CNP_ERR_MEMORY;
    for (i = 0; i < n; ++i) {
        snprintf(p[i].name, sizeof p[i].name, "%s%d", first[i % 5], (int)(i / 5));
        p[i].age = (int32_t)(20 + (i * 7) % 50);
        p[i].salary = 1000.0 + 10.0 * (double)i;
    }
    st = person_dtype(&dt);
    if (st == CNP_OK) st = cnp_array_wrap(p, dt, 1, &n, NULL, 1, free_table, NULL, out);
    cnp_dtype_free(dt);
    if (st != CNP_OK) {
        free(p);        /* on failure the deleter is not called: the memory is still ours */
        return st;
    }
    *data = p;
    return CNP_OK;
}

void person_table_free(cnp_array* table) { cnp_array_free(table); }

/* A field view's data, stride and length (the view is 1-d like the table). */
static cnp_status field_of(const cnp_array* table, const char* name, cnp_array** view, char** data, int64_t* stride, int64_t* n) {
    const int64_t* shape = NULL;
    const int64_t* strides = NULL;
    int32_t ndim = 0;
    cnp_status st = cnp_array_field(table, name, view);
    if (st == CNP_OK) st = cnp_array_ndim(*view, &ndim);
    if (st == CNP_OK && ndim != 1) st = CNP_ERR_VALUE;
    if (st == CNP_OK) st = cnp_array_shape(*view, &shape);
    if (st == CNP_OK) st = cnp_array_strides(*view, &strides);
    if (st == CNP_OK) st = cnp_array_data(*view, (void**)data);
    if (st != CNP_OK) return st;
    *stride = strides[0];
    *n = shape[0];
    return CNP_OK;
}

cnp_status person_stats(const cnp_array* table, int32_t min_age, int64_t* count, double* total) {
    cnp_array* ages = NULL;
    cnp_array* salaries = NULL;
    char *a, *s;
    int64_t as, ss, n, m, i;
    cnp_status st = field_of(table, "age", &ages, &a, &as, &n);
    if (st == CNP_OK) st = field_of(table, "salary", &salaries, &s, &ss, &m);
    *count = 0;
    *total = 0.0;
    if (st == CNP_OK) {
        for (i = 0; i < n; ++i) {
            int32_t age;
            double salary;
            memcpy(&age, a + i * as, sizeof age);       /* a view may be unaligned */
            memcpy(&salary, s + i * ss, sizeof salary);
            if (age >= min_age) {
                ++*count;
                *total += salary;
            }
        }
    }
    cnp_array_free(ages);
    cnp_array_free(salaries);
    return st;
}

cnp_status person_give_raise(cnp_array* table, double factor) {
    cnp_array* salaries = NULL;
    char* s;
    int64_t ss, n, i;
    cnp_status st = field_of(table, "salary", &salaries, &s, &ss, &n);
    if (st == CNP_OK) {
        for (i = 0; i < n; ++i) {
            double v;
            memcpy(&v, s + i * ss, sizeof v);
            v *= factor;
            memcpy(s + i * ss, &v, sizeof v);
        }
    }
    cnp_array_free(salaries);
    return st;
}

cnp_status person_stats_borrowed(void* data, int64_t n, int64_t stride, int32_t min_age, int64_t* count, double* total) {
    cnp_dtype* dt = NULL;
    cnp_array* table = NULL;
    cnp_status st = person_dtype(&dt);
    if (st == CNP_OK) st = cnp_array_wrap(data, dt, 1, &n, &stride, 0, NULL, NULL, &table);
    if (st == CNP_OK) st = person_stats(table, min_age, count, total);
    cnp_array_free(table);
    cnp_dtype_free(dt);
    return st;
}
