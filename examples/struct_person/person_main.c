/* The C side alone: a table of struct person wrapped without copying, its record descriptor
 * checked against the struct, fields read and written through views, a slice shared with the
 * table, every handle released (CTest runs it under valgrind). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "person.h"

static int failures = 0;
#define CHECK(cond)                                                                      \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "%s:%d: CHECK failed: %s (%s)\n", __FILE__, __LINE__, #cond, \
                    cnp_last_error());                                                   \
            ++failures;                                                                  \
        }                                                                                \
    } while (0)

int main(void) {
    cnp_dtype* dt = NULL;
    cnp_array* table = NULL;
    cnp_array* tail = NULL;
    cnp_array* bad = NULL;
    struct person* people = NULL;
    const char* text = NULL;
    int64_t expect_count = 0, i;
    double expect_total = 0.0;
    int64_t itemsize = 0, off = 0, count = 0;
    double total = 0.0;
    cnp_index idx[1];

    CHECK(person_dtype(&dt) == CNP_OK);
    CHECK(cnp_dtype_itemsize(dt, &itemsize) == CNP_OK && itemsize == (int64_t)sizeof(struct person));
    CHECK(cnp_dtype_field_offset(dt, 2, &off) == CNP_OK && off == (int64_t)offsetof(struct person, salary));
    CHECK(cnp_dtype_repr(dt, &text) == CNP_OK);
    if (text) printf("%s\n", text);

    CHECK(person_table_new(10, &table, &people) == CNP_OK);
    if (!people) return 1;
    for (i = 0; i < 10; ++i) {      /* the same question asked of the structs directly */
        if (people[i].age >= 40) {
            ++expect_count;
            expect_total += people[i].salary;
        }
    }
    CHECK(person_stats(table, 40, &count, &total) == CNP_OK);
    printf("%d people aged 40 or more earn %.2f\n", (int)count, total);
    CHECK(count == expect_count && total == expect_total);

    /* a write through the view is a write into the structs themselves */
    CHECK(person_give_raise(table, 2.0) == CNP_OK);
    CHECK(people[3].salary == 2.0 * 1030.0);

    /* a slice of the table is a view of the same structs: table[5:] */
    idx[0].kind = CNP_INDEX_SLICE;
    idx[0].flags = CNP_SLICE_HAS_START;
    idx[0].start = 5;
    idx[0].stop = 0;
    idx[0].step = 1;
    idx[0].array = NULL;
    CHECK(cnp_array_index(table, 1, idx, &tail) == CNP_OK);
    CHECK(person_stats(tail, 0, &count, &total) == CNP_OK && count == 5);
    cnp_array_free(table);      /* the slice keeps the structs alive: free() runs after it */
    CHECK(person_stats(tail, 0, &count, &total) == CNP_OK && count == 5);
    cnp_array_free(tail);

    /* NumPy's error for a field that is not there, and no handle after a failure */
    CHECK(person_table_new(2, &table, &people) == CNP_OK);
    CHECK(cnp_array_field(table, "height", &bad) == CNP_ERR_VALUE && bad == NULL);
    CHECK(strcmp(cnp_last_error(), "no field of name height") == 0);
    cnp_array_free(table);
    cnp_dtype_free(dt);
    if (failures) fprintf(stderr, "%d failures\n", failures);
    return failures ? 1 : 0;
}
