/* cnumpy._speedups: optional C fast paths for the per-call cost of cnumpy's hot entry points.
 *
 * Through ctypes or cffi, `a + b`, `np.zeros(10)` or `a[::2]` cost 1-3 us, almost all of it
 * Python-level argument marshalling around a ~50 ns library call; NumPy takes 0.1-0.6 us. This
 * module provides ArrayBase, the base type of cnumpy.ndarray when the module is available, which
 *   - owns the cnp_array* handle (tp_dealloc frees it: no Python __del__ per array),
 *   - keeps the _h/_shape/_strides/_dtype slots the Python code reads and writes,
 *   - answers the common calls with one library call and no Python frame: views (`a[key]`,
 *     reshape), operators, ufunc calls, creation, reductions, `a[key] = v`, attributes, the
 *     buffer protocol (the files are listed in _speedups.h).
 * Everything else (other argument types, keywords, subclasses, and the cases listed in each
 * file) goes to the package's Python implementation, which stays the reference: install()
 * receives those functions (its `fallbacks`) and the fast paths call them for any case they do
 * not handle. A library error either raises exactly what the Python path raises (_capi.error on
 * the same status, for calls the Python path makes the same way) or, where the Python path
 * validates first, re-runs the Python path (only for calls that wrote nothing), dropping the
 * warnings the failed call queued so they are not emitted twice.
 *
 * The module never links libcnumpy: install() receives the addresses of the functions from the
 * backend that loaded the library, so both always use the same library instance.
 *
 * Handles: the backends spell them differently (ctypes: ints; cffi: cdata pointers). The object
 * keeps the raw pointer and the backend's object side by side and makes whichever is missing on
 * first use (for cffi through the converters install() receives, or by reading the pointer out
 * of the cdata when its layout checked out), so the fast path creates arrays holding only the
 * raw pointer, and Python code that sets `a._h = cell[0]` stays cheap.
 *
 * The GIL: library calls on small arrays keep it (releasing and taking it back costs more than
 * the call); the calls that can run long (operands with more than BIG_CALL elements) release it
 * as ctypes does, so other threads run meanwhile. Ctrl-C is seen when the call returns, as with
 * ctypes. */
#include "_speedups.h"

#include <structmember.h>

#define SPEEDUP_DEFINE(name) __typeof__(&name) p_##name;
SPEEDUP_FUNCTIONS(SPEEDUP_DEFINE)
#undef SPEEDUP_DEFINE

static int g_int_handles;          /* 1: the backend's handles are ints (ctypes) */
static PyObject* g_to_handle;      /* int address -> backend handle (cffi only) */
static PyObject* g_to_address;     /* backend handle -> int address (cffi only) */
static PyTypeObject* g_cdata_type; /* cffi's pointer cdata type when its layout was verified */
PyObject* g_pending;
PyObject* g_flush;
PyObject* g_error;
PyObject* g_fallbacks;
PyTypeObject* g_ndarray;

/* The start of cffi's CDataObject (c/_cffi_backend.c, unchanged since cffi 1.0): a pointer
 * cdata keeps the pointer value in c_data. install() checks this on a probe cdata before it is
 * relied on; otherwise the address comes from the backend's Python converter. */
typedef struct {
  PyObject_HEAD
  void* c_type;
  char* c_data;
} CDataHead;

cnp_array* resolve(ArrayBase* self) {
  if (self->handle || !self->h || self->h == Py_None) return self->handle;
  if (g_cdata_type && Py_TYPE(self->h) == g_cdata_type) {
    self->handle = (cnp_array*)((CDataHead*)self->h)->c_data;
    return self->handle;
  }
  PyObject* addr = g_int_handles ? (Py_INCREF(self->h), self->h) : PyObject_CallOneArg(g_to_address, self->h);
  if (!addr) return NULL;
  void* p = PyLong_AsVoidPtr(addr);
  Py_DECREF(addr);
  if (!p && PyErr_Occurred()) return NULL;
  self->handle = (cnp_array*)p;
  return self->handle;
}

int array_meta(ArrayBase* a, int32_t* ndim, int64_t* size) {
  if (!a->ndim1) {
    cnp_array* h = resolve(a);
    if (!h) return PyErr_Occurred() ? -1 : 0;
    int32_t nd = 0;
    int64_t n = 0;
    cnp_status st;
    if ((st = p_cnp_array_ndim(h, &nd)) || (st = p_cnp_array_size(h, &n))) {
      raise_status(st);
      return -1;
    }
    a->ndim1 = nd + 1;
    a->size = n;
  }
  *ndim = a->ndim1 - 1;
  *size = a->size;
  return 1;
}

int array_typenum(ArrayBase* a) {
  if (!a->typenum2) {
    cnp_array* h = resolve(a);
    if (!h) return PyErr_Occurred() ? -2 : -1;
    cnp_dtype* d = NULL;
    int32_t num = -1;
    Py_ssize_t before = PyList_GET_SIZE(g_pending);
    if (p_cnp_array_dtype(h, &d) || p_cnp_dtype_num(d, &num)) {
      drop_pending_after(before); /* the Python path reports whatever went wrong */
      num = -1;
    }
    p_cnp_dtype_free(d);
    a->typenum2 = (num >= 0 && num < CNP_NTYPES_BUILTIN ? num : -1) + 2;
  }
  return a->typenum2 - 2;
}

/* Frees the handle, whichever spelling holds it. */
static void release(ArrayBase* self) {
  cnp_array* p = self->handle;
  if (!p && self->h && self->h != Py_None) {
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb); /* dealloc may run with an exception set */
    p = resolve(self);
    if (!p) PyErr_WriteUnraisable(self->h);
    PyErr_Restore(type, value, tb);
  }
  self->handle = NULL;
  self->ndim1 = 0;
  self->typenum2 = 0;
  Py_CLEAR(self->h);
  if (p) p_cnp_array_free(p);
}

static void ArrayBase_dealloc(ArrayBase* self) {
  if (self->weakreflist) PyObject_ClearWeakRefs((PyObject*)self);
  release(self);
  Py_CLEAR(self->shape);
  Py_CLEAR(self->strides);
  Py_CLEAR(self->dtype);
  Py_CLEAR(self->base);
  Py_TYPE(self)->tp_free((PyObject*)self);
}

PyObject* ArrayBase_get_h(PyObject* obj, void* closure) {
  (void)closure;
  ArrayBase* self = (ArrayBase*)obj;
  if (!self->h) {
    if (!self->handle) Py_RETURN_NONE;
    PyObject* addr = PyLong_FromVoidPtr(self->handle);
    if (!addr) return NULL;
    if (g_int_handles) {
      self->h = addr;
    } else {
      self->h = PyObject_CallOneArg(g_to_handle, addr);
      Py_DECREF(addr);
      if (!self->h) return NULL;
    }
  }
  Py_INCREF(self->h);
  return self->h;
}

/* `a._h = h` hands the array a new handle (a reference the array now owns); the previous one,
 * if any, is freed. None leaves the array without a handle. */
int ArrayBase_set_h(PyObject* obj, PyObject* value, void* closure) {
  (void)closure;
  ArrayBase* self = (ArrayBase*)obj;
  cnp_array* p = NULL;
  if (value && value != Py_None && g_int_handles) {
    p = (cnp_array*)PyLong_AsVoidPtr(value);
    if (!p && PyErr_Occurred()) return -1;
  }
  release(self);
  if (value && value != Py_None) {
    Py_INCREF(value);
    self->h = value;
    self->handle = p;
  }
  return 0;
}

static PyMemberDef ArrayBase_members[] = {
    {"_shape", T_OBJECT, offsetof(ArrayBase, shape), 0, NULL},
    {"_strides", T_OBJECT, offsetof(ArrayBase, strides), 0, NULL},
    {"_dtype", T_OBJECT, offsetof(ArrayBase, dtype), 0, NULL},
    {"_base", T_OBJECT, offsetof(ArrayBase, base), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

int flush_pending(void) {
  if (!g_pending || !PyList_GET_SIZE(g_pending)) return 0;
  PyObject* x = PyObject_CallNoArgs(g_flush);
  if (!x) return -1;
  Py_DECREF(x);
  return 0;
}

void drop_pending_after(Py_ssize_t n) {
  if (g_pending && PyList_GET_SIZE(g_pending) > n) PyList_SetSlice(g_pending, n, PyList_GET_SIZE(g_pending), NULL);
}

PyObject* wrap_new(cnp_array* out) {
  ArrayBase* r = (ArrayBase*)g_ndarray->tp_alloc(g_ndarray, 0);
  if (!r) {
    p_cnp_array_free(out);
    return NULL;
  }
  r->handle = out;
  if (flush_pending() < 0) {
    Py_DECREF(r);
    return NULL;
  }
  return (PyObject*)r;
}

PyObject* wrap_view(cnp_array* out, PyObject* src, int maybe) {
  int32_t flags = 0;
  if (maybe && p_cnp_array_flags(out, &flags) == 0 && (flags & CNP_FLAG_OWNDATA)) return wrap_new(out);
  PyObject* r = wrap_new(out);
  if (!r) return NULL;
  /* the owner: src, or src's own base when that is an array of r's type (chains collapse) */
  PyObject* b = ((ArrayBase*)src)->base;
  PyObject* owner = (b && Py_TYPE(b) == Py_TYPE(r)) ? b : src;
  Py_INCREF(owner);
  ((ArrayBase*)r)->base = owner;
  return r;
}

PyObject* raise_status(cnp_status st) {
  PyObject* code = PyLong_FromLong((long)st);
  if (!code) return NULL;
  PyObject* exc = PyObject_CallOneArg(g_error, code);
  Py_DECREF(code);
  if (!exc) return NULL;
  PyErr_SetObject((PyObject*)Py_TYPE(exc), exc);
  Py_DECREF(exc);
  return NULL;
}

PyObject* fallback(const char* name) {
  PyObject* f = g_fallbacks ? PyDict_GetItemString(g_fallbacks, name) : NULL; /* borrowed */
  if (!f) PyErr_Format(PyExc_SystemError, "cnumpy._speedups: no Python implementation of %s", name);
  return f;
}

PyObject* call_fallback(const char* name, PyObject* self, PyObject* const* args, size_t nargsf, PyObject* kwnames) {
  PyObject* f = fallback(name);
  if (!f) return NULL;
  Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
  PyObject* small[8];
  Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0, total = nargs + nkw + 1;
  PyObject** stack = total <= 8 ? small : PyMem_Malloc(sizeof(PyObject*) * (size_t)total);
  if (!stack) return PyErr_NoMemory();
  stack[0] = self;
  for (Py_ssize_t i = 0; i < nargs + nkw; ++i) stack[i + 1] = args[i];
  PyObject* r = PyObject_Vectorcall(f, stack, (size_t)(nargs + 1), kwnames);
  if (stack != small) PyMem_Free(stack);
  return r;
}

int exact_int64(PyObject* o, int64_t* v) {
  if (!PyLong_CheckExact(o)) return 0;
  int overflow = 0;
  long long x = PyLong_AsLongLongAndOverflow(o, &overflow);
  if (overflow || (x == -1 && PyErr_Occurred())) {
    PyErr_Clear();
    return 0;
  }
  *v = (int64_t)x;
  return 1;
}

/* ---- views: a[key], reshape ----------------------------------------------------------------- */
/* One index item; 0 when the key item needs the Python path. *is_int tells integer items. */
static int parse_item(PyObject* k, cnp_index* it, int* is_int) {
  it->flags = 0;
  it->start = it->stop = 0;
  it->step = 1;
  it->array = NULL;
  *is_int = 0;
  if (PyLong_CheckExact(k)) {
    it->kind = CNP_INDEX_INTEGER;
    *is_int = 1;
    return exact_int64(k, &it->start);
  }
  if (PySlice_Check(k)) {
    PySliceObject* s = (PySliceObject*)k;
    it->kind = CNP_INDEX_SLICE;
    if (s->start != Py_None) {
      if (!exact_int64(s->start, &it->start)) return 0;
      it->flags |= CNP_SLICE_HAS_START;
    }
    if (s->stop != Py_None) {
      if (!exact_int64(s->stop, &it->stop)) return 0;
      it->flags |= CNP_SLICE_HAS_STOP;
    }
    if (s->step != Py_None) {
      if (!exact_int64(s->step, &it->step) || it->step == INT64_MIN) return 0;
      it->flags |= CNP_SLICE_HAS_STEP;
    }
    return 1;
  }
  if (k == Py_None) {
    it->kind = CNP_INDEX_NEWAXIS;
    return 1;
  }
  if (k == Py_Ellipsis) {
    it->kind = CNP_INDEX_ELLIPSIS;
    return 1;
  }
  return 0;
}

/* The items of a basic key (n of them, nint integers); 0 when the Python path must decide. */
static int parse_key(PyObject* key, cnp_index* items, int32_t* n, int32_t* nint) {
  int is_int = 0;
  *n = *nint = 0;
  if (PyTuple_CheckExact(key)) {
    Py_ssize_t len = PyTuple_GET_SIZE(key);
    if (len > MAX_ITEMS) return 0;
    for (; *n < len; ++*n) {
      if (!parse_item(PyTuple_GET_ITEM(key, *n), &items[*n], &is_int)) return 0;
      *nint += is_int;
    }
    return 1;
  }
  if (!parse_item(key, &items[0], &is_int)) return 0;
  *n = 1;
  *nint = is_int;
  return 1;
}

static PyObject* getitem_slow(PyObject* self, PyObject* key) {
  return call_fallback("__getitem__", self, &key, 1, NULL);
}

/* a['name']: the field as a view (cnp_array_field); anything the library refuses (no fields,
 * no such field: the Python path words the error) or a name with a NUL goes to the Python path. */
static PyObject* field_view(PyObject* self, PyObject* key) {
  Py_ssize_t len;
  const char* name = PyUnicode_AsUTF8AndSize(key, &len);
  if (!name || (Py_ssize_t)strlen(name) != len) {
    PyErr_Clear();
    return getitem_slow(self, key);
  }
  cnp_array* h = resolve((ArrayBase*)self);
  if (!h) return PyErr_Occurred() ? NULL : getitem_slow(self, key);
  cnp_array* out = NULL;
  Py_ssize_t before = PyList_GET_SIZE(g_pending);
  if (p_cnp_array_field(h, name, &out) != 0) {
    drop_pending_after(before);
    return getitem_slow(self, key);
  }
  return wrap_view(out, self, 0);
}

static PyObject* ArrayBase_subscript(PyObject* self, PyObject* key) {
  cnp_index items[MAX_ITEMS];
  int32_t n, nint;
  if (PyUnicode_CheckExact(key) && g_ndarray) return field_view(self, key);
  if (!g_ndarray || !parse_key(key, items, &n, &nint)) return getitem_slow(self, key);
  cnp_array* h = resolve((ArrayBase*)self);
  if (!h) return PyErr_Occurred() ? NULL : getitem_slow(self, key);
  if (nint == n) {
    /* Only integers: as many as the array has axes is an element (a scalar), more is an error
     * (raised by the Python path). */
    int32_t nd = 0;
    int64_t size;
    int m = array_meta((ArrayBase*)self, &nd, &size);
    if (m < 0) return NULL;
    if (!m || nint > nd) return getitem_slow(self, key);
    if (nint == nd) {
      int64_t idx[MAX_ITEMS];
      for (int32_t i = 0; i < n; ++i) idx[i] = items[i].start;
      cnp_scalar s;
      Py_ssize_t before = PyList_GET_SIZE(g_pending);
      if (p_cnp_array_getitem(h, n, idx, &s) != 0) {
        drop_pending_after(before);
        return getitem_slow(self, key);
      }
      if (flush_pending() < 0) return NULL;
      return scalar_from_c(&s);
    }
  }
  cnp_array* out = NULL;
  Py_ssize_t before = PyList_GET_SIZE(g_pending);
  if (p_cnp_array_index(h, n, items, &out) != 0) {
    drop_pending_after(before);
    return getitem_slow(self, key);
  }
  return wrap_view(out, self, 0);
}

/* a[key] = value for a basic key and a Python/cnumpy number: cnp_array_setitem for an element,
 * a view filled with cnp_array_fill for a region (as _indexing.setitem does). */
/* a[key] = array for a basic key, both arrays of builtin dtypes: cnp_copyto into the view with
 * unsafe casting (as _indexing.setitem). The Python path keeps the cases it words specially: a
 * complex source into a real destination (its ComplexWarning comes before the call) and a
 * source with more axes than the view (leading length-1 axes dropped). 1 done, 0 when the
 * Python path must decide, -1 on error. */
static int assign_array(PyObject* self, cnp_array* h, const cnp_index* items, int32_t n, PyObject* value) {
  int td = array_typenum((ArrayBase*)self), ts = array_typenum((ArrayBase*)value);
  if (td == -2 || ts == -2) return -1;
  if (td < 0 || ts < 0) return 0;
  char kd = typenum_kind(td), ks = typenum_kind(ts);
  if (ks == 'c' && kd != 'c' && kd != 'b') return 0;
  cnp_array* src = resolve((ArrayBase*)value);
  int32_t nds = 0, ndv = 0;
  int64_t size;
  if (!src || array_meta((ArrayBase*)value, &nds, &size) <= 0) return PyErr_Occurred() ? -1 : 0;
  cnp_array* view = NULL;
  Py_ssize_t before = PyList_GET_SIZE(g_pending);
  cnp_status st = p_cnp_array_index(h, n, items, &view);
  if (!st && !(st = p_cnp_array_ndim(view, &ndv)) && nds > ndv) {
    p_cnp_array_free(view);
    return 0;
  }
  if (!st) st = p_cnp_copyto(view, src, CNP_CASTING_UNSAFE, NULL);
  p_cnp_array_free(view);
  if (st) {
    drop_pending_after(before); /* nothing was written: the Python path words the error */
    return 0;
  }
  return flush_pending() < 0 ? -1 : 1;
}

int ArrayBase_ass_subscript(PyObject* self, PyObject* key, PyObject* value) {
  cnp_index items[MAX_ITEMS];
  int32_t n, nint;
  cnp_scalar s;
  cnp_array* h;
  if (g_ndarray && value && Py_TYPE(value) == g_ndarray && parse_key(key, items, &n, &nint) &&
      (h = resolve((ArrayBase*)self))) {
    int r = assign_array(self, h, items, n, value);
    if (r) return r > 0 ? 0 : -1;
  }
  if (g_ndarray && value && parse_key(key, items, &n, &nint) && scalar_operand(value, &s) &&
      (h = resolve((ArrayBase*)self))) {
    int32_t nd = 0;
    int64_t size;
    Py_ssize_t before = PyList_GET_SIZE(g_pending);
    if (array_meta((ArrayBase*)self, &nd, &size) < 0) return -1;
    cnp_status st = 0;
    if (nint == n && nint == nd) {
      int64_t idx[MAX_ITEMS];
      for (int32_t i = 0; i < n; ++i) idx[i] = items[i].start;
      st = p_cnp_array_setitem(h, n, idx, &s);
    } else {
      cnp_array* view = NULL;
      st = p_cnp_array_index(h, n, items, &view);
      if (!st) {
        st = p_cnp_array_fill(view, &s);
        p_cnp_array_free(view);
      }
    }
    if (!st) return flush_pending();
    drop_pending_after(before); /* the Python path words the error (nothing was written) */
  }
  if (PyErr_Occurred()) return -1;
  PyObject* args[2] = {key, value};
  if (!value && !PyDict_GetItemString(g_fallbacks, "__delitem__")) {
    PyErr_SetString(PyExc_AttributeError, "__delitem__"); /* what the Python class raised */
    return -1;
  }
  PyObject* r = value ? call_fallback("__setitem__", self, args, 2, NULL) : call_fallback("__delitem__", self, args, 1, NULL);
  if (!r) return -1;
  Py_DECREF(r);
  return 0;
}

PyObject* ArrayBase_reshape(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  if (!g_ndarray || (kwnames && PyTuple_GET_SIZE(kwnames))) return call_fallback("reshape", self, args, nargs, kwnames);
  PyObject* const* dims = args;
  Py_ssize_t nd = nargs;
  if (nargs == 1 && PyTuple_CheckExact(args[0])) {
    dims = &PyTuple_GET_ITEM(args[0], 0);
    nd = PyTuple_GET_SIZE(args[0]);
  }
  if (nargs == 0 || nd > MAX_DIMS) return call_fallback("reshape", self, args, nargs, kwnames);
  int64_t shape[MAX_DIMS];
  for (Py_ssize_t i = 0; i < nd; ++i)
    if (!exact_int64(dims[i], &shape[i])) return call_fallback("reshape", self, args, nargs, kwnames);
  cnp_array* h = resolve((ArrayBase*)self);
  if (!h) return PyErr_Occurred() ? NULL : call_fallback("reshape", self, args, nargs, kwnames);
  cnp_array* out = NULL;
  Py_ssize_t before = PyList_GET_SIZE(g_pending);
  if (p_cnp_reshape(h, (int32_t)nd, shape, CNP_ORDER_C, &out) != 0) {
    drop_pending_after(before);
    return call_fallback("reshape", self, args, nargs, kwnames);
  }
  return wrap_view(out, self, 1);
}

static PyMappingMethods ArrayBase_mapping = {ArrayBase_length, ArrayBase_subscript, ArrayBase_ass_subscript};

PyTypeObject ArrayBase_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "cnumpy._speedups.ArrayBase",
    .tp_basicsize = sizeof(ArrayBase),
    .tp_dealloc = (destructor)ArrayBase_dealloc,
    .tp_as_number = &ArrayBase_as_number,
    .tp_as_mapping = &ArrayBase_mapping,
    .tp_richcompare = ArrayBase_richcompare,
    .tp_as_buffer = &ArrayBase_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Base of cnumpy.ndarray: owns the cnp_array* handle; C fast paths (cnumpy._speedups).",
    .tp_weaklistoffset = offsetof(ArrayBase, weakreflist),
    .tp_members = ArrayBase_members,
};

/* The names ndarray's Python class must not define for the C slots and methods to be found
 * (_accel.install moves each one found in the class into `fallbacks`). */
static const char* const TAKES_OVER[] = {
    "__getitem__", "__setitem__", "__delitem__", "reshape", "__del__", "__len__",
    "__add__", "__radd__", "__iadd__", "__sub__", "__rsub__", "__isub__", "__mul__", "__rmul__", "__imul__",
    "__truediv__", "__rtruediv__", "__itruediv__", "__floordiv__", "__rfloordiv__", "__ifloordiv__",
    "__mod__", "__rmod__", "__imod__", "__and__", "__rand__", "__iand__", "__or__", "__ror__", "__ior__",
    "__xor__", "__rxor__", "__ixor__", "__lshift__", "__rlshift__", "__ilshift__", "__rshift__",
    "__rrshift__", "__irshift__", "__neg__", "__abs__", "__invert__", "__float__", "__int__",
    "__pow__", "__rpow__", "__ipow__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__",
    "sum", "prod", "min", "max", "mean", "all", "any", "copy", "astype",
    "shape", "ndim", "size", "dtype", "data", "__buffer__", NULL};

static int address_arg(PyObject* dict, const char* name, void** out) {
  PyObject* v = PyDict_GetItemString(dict, name); /* borrowed */
  if (!v) {
    PyErr_Format(PyExc_KeyError, "cnumpy._speedups.install: no address for %s", name);
    return -1;
  }
  *out = PyLong_AsVoidPtr(v);
  if (!*out) {
    if (!PyErr_Occurred()) PyErr_Format(PyExc_ValueError, "cnumpy._speedups.install: NULL address for %s", name);
    return -1;
  }
  return 0;
}

static PyObject* glue_item(PyObject* glue, const char* name) {
  PyObject* v = PyDict_GetItemString(glue, name);
  if (!v) PyErr_Format(PyExc_KeyError, "cnumpy._speedups.install: no %s", name);
  return v;
}

/* install(ndarray, addresses, int_handles, to_handle, to_address, probe, glue): probe is a cffi
 * handle for the address 0x5a5a5a5a5a40 (None for ctypes); glue the package's objects the fast
 * paths use: pending, flush, error, fallbacks, and those listed in methods_install/ops_install. */
static PyObject* install(PyObject* mod, PyObject* args) {
  (void)mod;
  PyObject *cls, *addrs, *to_handle, *to_address, *probe, *glue;
  int int_handles;
  if (!PyArg_ParseTuple(args, "O!O!pOOOO!:install", &PyType_Type, &cls, &PyDict_Type, &addrs, &int_handles,
                        &to_handle, &to_address, &probe, &PyDict_Type, &glue))
    return NULL;
  if (!PyType_IsSubtype((PyTypeObject*)cls, &ArrayBase_Type))
    return PyErr_Format(PyExc_TypeError, "cnumpy._speedups.install: the class must derive from ArrayBase");
#define SPEEDUP_RESOLVE(name)                                    \
  {                                                              \
    void* f;                                                     \
    if (address_arg(addrs, #name, &f)) return NULL;              \
    p_##name = (__typeof__(p_##name))f;                          \
  }
  SPEEDUP_FUNCTIONS(SPEEDUP_RESOLVE)
#undef SPEEDUP_RESOLVE
  g_int_handles = int_handles;
  g_cdata_type = NULL;
  if (!int_handles && probe != Py_None && Py_TYPE(probe)->tp_basicsize >= (Py_ssize_t)sizeof(CDataHead) &&
      ((CDataHead*)probe)->c_data == (char*)(uintptr_t)0x5a5a5a5a5a40) {
    g_cdata_type = Py_TYPE(probe);
    Py_INCREF(g_cdata_type);
  }
  PyObject *pending, *flush, *error, *fallbacks;
  if (!(pending = glue_item(glue, "pending")) || !(flush = glue_item(glue, "flush")) ||
      !(error = glue_item(glue, "error")) || !(fallbacks = glue_item(glue, "fallbacks")))
    return NULL;
  if (!PyList_Check(pending) || !PyDict_Check(fallbacks))
    return PyErr_Format(PyExc_TypeError, "cnumpy._speedups.install: pending must be a list, fallbacks a dict");
  PyObject** slots[] = {&g_to_handle, &g_to_address, &g_pending, &g_flush, &g_error, &g_fallbacks};
  PyObject* values[] = {to_handle, to_address, pending, flush, error, fallbacks};
  for (size_t i = 0; i < sizeof(slots) / sizeof(slots[0]); ++i) {
    Py_INCREF(values[i]);
    Py_XSETREF(*slots[i], values[i]);
  }
  if (methods_install(glue) < 0 || ops_install(glue) < 0 || buffer_install(glue) < 0 || scalars_install(glue) < 0)
    return NULL;
  Py_INCREF(cls);
  Py_XSETREF(g_ndarray, (PyTypeObject*)cls); /* last: the fast paths are on from here */
  Py_RETURN_NONE;
}

static PyObject* reads_cdata(PyObject* mod, PyObject* unused) {
  (void)mod;
  (void)unused;
  return PyBool_FromLong(g_cdata_type != NULL);
}

static PyMethodDef module_methods[] = {
    {"reads_cdata", reads_cdata, METH_NOARGS,
     "Whether cffi handles are read directly (their layout checked out at install)."},
    {"install", install, METH_VARARGS, "install(ndarray, addresses, int_handles, to_handle, to_address, probe, glue)"},
    {"fast_function", make_fast_function, METH_VARARGS,
     "fast_function(kind, python_function): the C fast path of a module function ('zeros', 'ones', "
     "'empty', 'full', 'arange'), handing over to python_function for anything it does not handle."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "_speedups", "C fast paths for cnumpy (optional).", -1, module_methods,
    NULL, NULL, NULL, NULL,
};

/* The object dtype's reference hooks (cnp_object_refs_fn, docs/object-dtype.md): the library
 * calls them with the GIL released by the ctypes/cffi call (or held, from these fast paths),
 * so each batch takes it. A decref may run __del__ code: it runs with the GIL, as usual. */
static void objrefs_incref(void* const* objects, int64_t n, void* ctx) {
  (void)ctx;
  PyGILState_STATE g = PyGILState_Ensure();
  for (int64_t i = 0; i < n; ++i) Py_INCREF((PyObject*)objects[i]);
  PyGILState_Release(g);
}

static void objrefs_decref(void* const* objects, int64_t n, void* ctx) {
  (void)ctx;
  PyGILState_STATE g = PyGILState_Ensure();
  for (int64_t i = 0; i < n; ++i) Py_DECREF((PyObject*)objects[i]);
  PyGILState_Release(g);
}

static int add_type(PyObject* m, PyTypeObject* t, const char* name) {
  if (PyType_Ready(t) < 0) return -1;
  Py_INCREF(t);
  if (PyModule_AddObject(m, name, (PyObject*)t) < 0) {
    Py_DECREF(t);
    return -1;
  }
  return 0;
}

PyMODINIT_FUNC PyInit__speedups(void) {
  /* object.__new__(ndarray) must stay allowed (the package creates arrays that way): that needs
   * the base's tp_new to be object's own. The same for the ufunc base. */
  ArrayBase_Type.tp_new = PyBaseObject_Type.tp_new;
  ArrayBase_Type.tp_methods = ArrayBase_extra_methods;
  ArrayBase_Type.tp_getset = ArrayBase_extra_getset;
  UfuncBase_Type.tp_new = PyBaseObject_Type.tp_new;
  PyObject* m = PyModule_Create(&module_def);
  if (!m) return NULL;
  if (add_type(m, &ArrayBase_Type, "ArrayBase") < 0 || add_type(m, &UfuncBase_Type, "UfuncBase") < 0 ||
      add_type(m, &FastFunction_Type, "FastFunction") < 0 || add_type(m, &ScalarOp_Type, "ScalarOp") < 0)
    goto fail;
  PyObject* names = PyTuple_New(0);
  if (!names) goto fail;
#define SPEEDUP_NAME(name)                                         \
  {                                                                \
    PyObject* s = PyUnicode_FromString(#name);                     \
    if (!s || _PyTuple_Resize(&names, PyTuple_GET_SIZE(names) + 1) < 0) { \
      Py_XDECREF(s);                                               \
      Py_XDECREF(names);                                           \
      goto fail;                                                   \
    }                                                              \
    PyTuple_SET_ITEM(names, PyTuple_GET_SIZE(names) - 1, s);       \
  }
  SPEEDUP_FUNCTIONS(SPEEDUP_NAME)
#undef SPEEDUP_NAME
  if (PyModule_AddObject(m, "FUNCTIONS", names) < 0) {
    Py_DECREF(names);
    goto fail;
  }
  PyObject* taken = PyList_New(0);
  if (!taken) goto fail;
  for (const char* const* p = TAKES_OVER; *p; ++p) {
    PyObject* s = PyUnicode_FromString(*p);
    if (!s || PyList_Append(taken, s) < 0) {
      Py_XDECREF(s);
      Py_DECREF(taken);
      goto fail;
    }
    Py_DECREF(s);
  }
  if (PyModule_AddObject(m, "TAKES_OVER", taken) < 0) {
    Py_DECREF(taken);
    goto fail;
  }
  PyObject* hooks = Py_BuildValue("(NN)", PyLong_FromVoidPtr((void*)objrefs_incref),
                                  PyLong_FromVoidPtr((void*)objrefs_decref));
  if (!hooks || PyModule_AddObject(m, "OBJECT_HOOKS", hooks) < 0) {
    Py_XDECREF(hooks);
    goto fail;
  }
  return m;
fail:
  Py_DECREF(m);
  return NULL;
}
