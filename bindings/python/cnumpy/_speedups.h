/* cnumpy._speedups: what the extension's files share (see _speedups.c for the module's rules).
 *
 *   _speedups.c          the module: ArrayBase (the handle), views (a[key], reshape), install()
 *   _speedups_buffer.c   the buffer protocol (memoryview(a), bytes(a), ndarray.data)
 *   _speedups_ops.c      operators (+, -, ..., **, in place, unary, comparisons) and the ufunc
 *                        objects' calls
 *   _speedups_methods.c  creation functions, reductions, a[key] = v, copy/astype, attributes,
 *                        float()/int(), scalars made from results
 *   _speedups_scalars.c  float64/int64 scalar arithmetic and comparisons (ScalarOp)
 */
#ifndef CNUMPY_SPEEDUPS_H
#define CNUMPY_SPEEDUPS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdint.h>

#include "cnumpy/cnumpy.h"

#define MAX_ITEMS 32 /* index items handled here; longer keys take the Python path */
#define MAX_DIMS 64

/* The library functions the fast paths call, by the addresses the loaded backend resolved
 * (install() receives them; _accel.py asks for the names in the module's FUNCTIONS). */
#define SPEEDUP_FUNCTIONS(X)                                                                       \
  X(cnp_array_free) X(cnp_array_index) X(cnp_reshape) X(cnp_array_ndim) X(cnp_array_shape)          \
  X(cnp_array_strides) X(cnp_array_data) X(cnp_array_flags) X(cnp_array_size) X(cnp_array_itemsize) \
  X(cnp_array_getitem) X(cnp_array_setitem) X(cnp_array_fill) X(cnp_array_from_scalar) X(cnp_zeros) \
  X(cnp_ones) X(cnp_empty) X(cnp_sum) X(cnp_prod) X(cnp_min) X(cnp_max) X(cnp_mean) X(cnp_all)      \
  X(cnp_any) X(cnp_copy) X(cnp_array_dtype) X(cnp_dtype_num) X(cnp_astype) X(cnp_full) X(cnp_arange)   \
  X(cnp_dtype_free) X(cnp_copyto) X(cnp_format_float) X(cnp_format_float_defaults) X(cnp_string_free) \
  X(cnp_array_field)

#define SPEEDUP_DECLARE(name) extern __typeof__(&name) p_##name;
SPEEDUP_FUNCTIONS(SPEEDUP_DECLARE)
#undef SPEEDUP_DECLARE

typedef struct {
  PyObject_HEAD
  cnp_array* handle; /* owned; NULL while only `h` is known (resolved on first use) */
  PyObject* h;       /* the backend's spelling of the handle, or NULL until asked for */
  PyObject* shape;
  PyObject* strides;
  PyObject* dtype;
  PyObject* weakreflist;
  PyObject* base;    /* ndarray.base: the Python object whose memory a view shows (NULL: None) */
  int32_t ndim1; /* ndim + 1 once asked for (0: not yet), with size: a handle never changes them */
  int32_t typenum2; /* the dtype's builtin type number + 2 once asked for (1: not a builtin) */
  int64_t size;
} ArrayBase;

/* ndim and size of the array's handle, asked once per object (-1 on error, with an exception;
 * 0 without one when the array has no handle). */
int array_meta(ArrayBase* a, int32_t* ndim, int64_t* size);

/* The builtin type number of the array's dtype: -1 for other dtypes (and arrays without a
 * handle), -2 on error (with an exception). Asked once per object. */
int array_typenum(ArrayBase* a);
/* The dtype kind ('b', 'i', 'u', 'f', 'c') of a builtin type number. */
char typenum_kind(int32_t typenum);

extern PyTypeObject ArrayBase_Type;
extern PyTypeObject UfuncBase_Type;
extern PyTypeObject FastFunction_Type;
extern PyTypeObject ScalarOp_Type;

/* Set by install(): NULL until then (every fast path then takes the Python one). */
extern PyTypeObject* g_ndarray; /* cnumpy.ndarray */
extern PyObject* g_pending;     /* _capi.pending: library warnings not yet emitted */
extern PyObject* g_flush;       /* _capi.flush_warnings */
extern PyObject* g_error;       /* _capi.error: status -> exception */
extern PyObject* g_fallbacks;   /* {name: the Python implementation} of what C took over */

/* The raw handle (NULL without an exception for an array without a handle). */
cnp_array* resolve(ArrayBase* self);
/* A new cnumpy.ndarray owning `out`; frees `out` on failure. Emits pending library warnings. */
PyObject* wrap_new(cnp_array* out);
/* wrap_new for a view of `src`: the new array's base is set by NumPy's collapsing rule
 * (_capi.set_base). maybe: the call may have copied instead (reshape), so OWNDATA decides. */
PyObject* wrap_view(cnp_array* out, PyObject* src, int maybe);
/* The array as its scalar when 0-d (NumPy 1.24's unwrapping of results), else itself.
 * Steals the reference to `array`. */
PyObject* unwrap_result(PyObject* array);
/* Raises the exception _capi.error makes for a failed call's status (NULL returned). */
PyObject* raise_status(cnp_status st);
/* Emits the library's pending warnings; -1 when one became an exception. */
int flush_pending(void);
/* Drops the warnings queued after position n (a fast path that hands over to the Python one,
 * which repeats the call and queues them again). */
void drop_pending_after(Py_ssize_t n);
/* The Python implementation `name` called with self prepended (vectorcall convention). */
PyObject* call_fallback(const char* name, PyObject* self, PyObject* const* args, size_t nargsf, PyObject* kwnames);
PyObject* fallback(const char* name);
/* An exact int in int64 range; 0 when the value is something else (the Python path decides). */
int exact_int64(PyObject* o, int64_t* v);
/* Python scalar operand -> cnp_scalar as _scalars.to_cscalar makes it (weak Python numbers,
 * strong bools and cnumpy float64/int64/complex128); 0 when the Python path must decide. */
int scalar_operand(PyObject* o, cnp_scalar* s);
/* The library dtype a dtype= argument names, when it is a builtin (immortal) one; NULL without
 * an exception when the Python path must decide. Py_None gives NULL too (caller checks). */
const cnp_dtype* builtin_dtype(PyObject* spec);
/* A cnumpy scalar for a cnp_scalar (the classes _scalars makes). */
PyObject* scalar_from_c(const cnp_scalar* s);

/* Module-level registration of each file's part (called from install / module init). */
int ops_install(PyObject* ndarray_dict);
int methods_install(PyObject* scalar_types);
int buffer_install(PyObject* glue);
int scalars_install(PyObject* glue);
extern PyBufferProcs ArrayBase_as_buffer;
extern PyNumberMethods ArrayBase_as_number;
extern PyMethodDef ArrayBase_extra_methods[];
extern PyGetSetDef ArrayBase_extra_getset[];
int ArrayBase_ass_subscript(PyObject* self, PyObject* key, PyObject* value);
PyObject* ArrayBase_richcompare(PyObject* x, PyObject* y, int op);
Py_ssize_t ArrayBase_length(PyObject* self);
PyObject* ArrayBase_reshape(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames);
PyObject* ArrayBase_get_h(PyObject* self, void* closure);
int ArrayBase_set_h(PyObject* self, PyObject* value, void* closure);
PyObject* make_fast_function(PyObject* mod, PyObject* args);

#endif
