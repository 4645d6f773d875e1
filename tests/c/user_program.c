/* A plain C99 user of libcnumpy: builds arrays, views and reads them, checks errors, frees all.
 * Run under valgrind by CTest: every handle must be released exactly once. */
#include <stdio.h>
#include <string.h>

#include <cnumpy/cnumpy.h>

static int failures = 0;
#define CHECK(cond)                                                   \
    do {                                                              \
        if (!(cond)) {                                                \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            ++failures;                                               \
        }                                                             \
    } while (0)

static int deleter_calls = 0;
static void count_deleter(void* data, void* ctx) {
    (void)data;
    (void)ctx;
    ++deleter_calls;
}

int main(void) {
    cnp_dtype* f8 = NULL;
    cnp_dtype* i4 = NULL;
    cnp_array* a = NULL;
    cnp_array* b = NULL;
    cnp_array* t = NULL;
    cnp_array* s = NULL;
    const int64_t* shape = NULL;
    const int64_t* strides = NULL;
    int64_t shp[2] = {2, 3};
    int64_t newshape[1] = {4};
    int32_t ndim = 0;
    cnp_scalar start, stop, item;
    cnp_index idx[2];
    double* data = NULL;
    double external[6] = {1, 2, 3, 4, 5, 6};
    int64_t i;

    CHECK(cnp_abi_version() == CNP_ABI_VERSION);
    CHECK(strcmp(cnp_version_string(), "0.1.0") == 0);
    CHECK(cnp_dtype_from_string("float64", &f8) == CNP_OK);
    CHECK(cnp_dtype_from_string("<i4", &i4) == CNP_OK);

    /* arange(6.0).reshape(2, 3) */
    memset(&start, 0, sizeof start);
    memset(&stop, 0, sizeof stop);
    start.typenum = CNP_FLOAT64;
    start.value.f = 0.0;
    stop.typenum = CNP_FLOAT64;
    stop.value.f = 6.0;
    CHECK(cnp_arange(&start, &stop, NULL, NULL, &a) == CNP_OK);
    CHECK(cnp_reshape(a, 2, shp, CNP_ORDER_C, &b) == CNP_OK);
    CHECK(cnp_array_ndim(b, &ndim) == CNP_OK && ndim == 2);
    CHECK(cnp_array_shape(b, &shape) == CNP_OK && shape[0] == 2 && shape[1] == 3);

    /* transpose is a view with swapped strides */
    CHECK(cnp_transpose(b, NULL, -1, &t) == CNP_OK);
    CHECK(cnp_array_strides(t, &strides) == CNP_OK && strides[0] == 8 && strides[1] == 24);
    {
        int64_t at[2] = {2, 1};
        CHECK(cnp_array_getitem(t, 2, at, &item) == CNP_OK && item.typenum == CNP_FLOAT64 && item.value.f == 5.0);
    }

    /* b[:, ::-2] */
    memset(idx, 0, sizeof idx);
    idx[0].kind = CNP_INDEX_SLICE;
    idx[1].kind = CNP_INDEX_SLICE;
    idx[1].flags = CNP_SLICE_HAS_STEP;
    idx[1].step = -2;
    CHECK(cnp_array_index(b, 2, idx, &s) == CNP_OK);
    CHECK(cnp_array_shape(s, &shape) == CNP_OK && shape[0] == 2 && shape[1] == 2);
    CHECK(cnp_array_data(s, (void**)&data) == CNP_OK && data[0] == 2.0);

    /* errors: status, message, and NULL out-parameter */
    {
        cnp_array* bad = (cnp_array*)&i; /* anything non-NULL: must be reset to NULL */
        CHECK(cnp_reshape(a, 1, newshape, CNP_ORDER_C, &bad) == CNP_ERR_VALUE);
        CHECK(bad == NULL);
        CHECK(strcmp(cnp_last_error(), "cannot reshape array of size 6 into shape (4,)") == 0);
        CHECK(cnp_array_ndim(NULL, &ndim) == CNP_ERR_INVALID_HANDLE);
        CHECK(cnp_zeros(1, newshape, NULL, CNP_ORDER_C, NULL) == CNP_ERR_INVALID_HANDLE);
        newshape[0] = -1;
        CHECK(cnp_zeros(1, newshape, f8, CNP_ORDER_C, &bad) == CNP_ERR_VALUE);
        CHECK(strcmp(cnp_last_error(), "negative dimensions are not allowed") == 0);
    }

    /* zero-copy wrap of caller memory, handed over with a deleter */
    {
        cnp_array* w = NULL;
        cnp_array* wv = NULL;
        CHECK(cnp_array_wrap(external, f8, 2, shp, NULL, 1, count_deleter, NULL, &w) == CNP_OK);
        CHECK(cnp_transpose(w, NULL, -1, &wv) == CNP_OK);
        cnp_array_free(w);
        CHECK(deleter_calls == 0); /* the view still holds the memory */
        {
            int64_t at[2] = {0, 1};
            memset(&item, 0, sizeof item);
            item.typenum = CNP_FLOAT64;
            item.value.f = 42.0;
            CHECK(cnp_array_setitem(wv, 2, at, &item) == CNP_OK);
            CHECK(external[3] == 42.0);
        }
        cnp_array_free(wv);
        CHECK(deleter_calls == 1);
    }

    cnp_array_free(NULL);
    cnp_dtype_free(NULL);
    cnp_array_free(s);
    cnp_array_free(t);
    cnp_array_free(b);
    cnp_array_free(a);
    cnp_dtype_free(i4);
    cnp_dtype_free(f8);
    if (failures) {
        fprintf(stderr, "%d checks failed\n", failures);
        return 1;
    }
    printf("C user program: all checks passed\n");
    return 0;
}
