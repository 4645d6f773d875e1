/* cnumpy._speedups: optional C fast paths for the per-call cost of view creation.
 *
 * Through ctypes or cffi, `a[::2]` or `a.reshape(4, 6)` costs ~2 us, almost all of it Python-level
 * argument marshalling around a ~50 ns library call; NumPy takes ~60 ns. This module provides
 * ArrayBase, the base type of cnumpy.ndarray when the module is available, which
 *   - owns the cnp_array* handle (tp_dealloc frees it: no Python __del__ per array),
 *   - keeps the _h/_shape/_strides/_dtype slots the Python code reads and writes,
 *   - answers `a[key]` for an int, a slice or a tuple of ints, slices, None and Ellipsis, and
 *     `a.reshape(ints...)`/`a.reshape((ints...))`, with one library call and no Python frame.
 * Everything else (scalar results, advanced indices, keyword arguments, errors) goes to the
 * package's Python implementation, which stays the reference: a fast-path failure re-runs the
 * Python code, which raises the library's error as usual.
 *
 * The module never links libcnumpy: install() receives the addresses of the functions from the
 * backend that loaded the library, so both always use the same library instance.
 *
 * Handles: the backends spell them differently (ctypes: ints; cffi: cdata pointers). The object
 * keeps the raw pointer and the backend's object side by side and makes whichever is missing on
 * first use (for cffi through the converters install() receives, or by reading the pointer out
 * of the cdata when its layout checked out), so the fast path creates arrays holding only the
 * raw pointer, and Python code that sets `a._h = cell[0]` stays cheap. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

#include <stdint.h>

#include "cnumpy/cnumpy.h"

#define MAX_ITEMS 32 /* index items handled here; longer keys take the Python path */
#define MAX_DIMS 64

static __typeof__(&cnp_array_free) p_free;
static __typeof__(&cnp_array_index) p_index;
static __typeof__(&cnp_reshape) p_reshape;
static __typeof__(&cnp_array_ndim) p_ndim;

static int g_int_handles;           /* 1: the backend's handles are ints (ctypes) */
static PyObject* g_to_handle;       /* int address -> backend handle (cffi only) */
static PyObject* g_to_address;      /* backend handle -> int address (cffi only) */
static PyTypeObject* g_cdata_type;  /* cffi's pointer cdata type when its layout was verified */
static PyObject* g_pending;         /* _errors.pending: library warnings not yet emitted */
static PyObject* g_flush;           /* _errors.flush_warnings */
static PyObject* g_getitem_slow;    /* the Python ndarray.__getitem__ */
static PyObject* g_reshape_slow;    /* the Python ndarray.reshape */
static PyTypeObject* g_ndarray;     /* cnumpy.ndarray: the type of the arrays made here */

typedef struct {
  PyObject_HEAD
  cnp_array* handle;  /* owned; NULL while only `h` is known (resolved on first use) */
  PyObject* h;        /* the backend's spelling of the handle, or NULL until asked for */
  PyObject* shape;
  PyObject* strides;
  PyObject* dtype;
  PyObject* weakreflist;
} ArrayBase;

/* The start of cffi's CDataObject (c/_cffi_backend.c, unchanged since cffi 1.0): a pointer
 * cdata keeps the pointer value in c_data. install() checks this on a probe cdata before it is
 * relied on; otherwise the address comes from the backend's Python converter. */
typedef struct {
  PyObject_HEAD
  void* c_type;
  char* c_data;
} CDataHead;

/* The raw handle (NULL without an exception for an array without a handle). */
static cnp_array* resolve(ArrayBase* self) {
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
  Py_CLEAR(self->h);
  if (p) p_free(p);
}

static void ArrayBase_dealloc(ArrayBase* self) {
  if (self->weakreflist) PyObject_ClearWeakRefs((PyObject*)self);
  release(self);
  Py_CLEAR(self->shape);
  Py_CLEAR(self->strides);
  Py_CLEAR(self->dtype);
  Py_TYPE(self)->tp_free((PyObject*)self);
}

static PyObject* get_h(ArrayBase* self, void* closure) {
  (void)closure;
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
static int set_h(ArrayBase* self, PyObject* value, void* closure) {
  (void)closure;
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

static PyGetSetDef ArrayBase_getset[] = {
    {"_h", (getter)get_h, (setter)set_h, "the cnp_array* handle, as the backend spells it", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef ArrayBase_members[] = {
    {"_shape", T_OBJECT, offsetof(ArrayBase, shape), 0, NULL},
    {"_strides", T_OBJECT, offsetof(ArrayBase, strides), 0, NULL},
    {"_dtype", T_OBJECT, offsetof(ArrayBase, dtype), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

/* A new cnumpy.ndarray owning `out`; frees `out` on failure. Emits pending library warnings. */
static PyObject* wrap_new(cnp_array* out) {
  ArrayBase* r = (ArrayBase*)g_ndarray->tp_alloc(g_ndarray, 0);
  if (!r) {
    p_free(out);
    return NULL;
  }
  r->handle = out;
  if (PyList_GET_SIZE(g_pending)) {
    PyObject* x = PyObject_CallNoArgs(g_flush);
    if (!x) {
      Py_DECREF(r);
      return NULL;
    }
    Py_DECREF(x);
  }
  return (PyObject*)r;
}

/* An exact int in int64 range; 0 when the value is something else (the Python path decides). */
static int exact_int64(PyObject* o, int64_t* v) {
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

static PyObject* getitem_slow(PyObject* self, PyObject* key) {
  return PyObject_CallFunctionObjArgs(g_getitem_slow, self, key, NULL);
}

static PyObject* ArrayBase_subscript(PyObject* self, PyObject* key) {
  cnp_index items[MAX_ITEMS];
  int32_t n = 0, nint = 0;
  int is_int = 0;
  if (PyTuple_CheckExact(key)) {
    Py_ssize_t len = PyTuple_GET_SIZE(key);
    if (len > MAX_ITEMS) return getitem_slow(self, key);
    for (; n < len; ++n) {
      if (!parse_item(PyTuple_GET_ITEM(key, n), &items[n], &is_int)) return getitem_slow(self, key);
      nint += is_int;
    }
  } else {
    if (!parse_item(key, &items[0], &is_int)) return getitem_slow(self, key);
    n = 1;
    nint = is_int;
  }
  cnp_array* h = resolve((ArrayBase*)self);
  if (!h) return PyErr_Occurred() ? NULL : getitem_slow(self, key);
  if (nint == n) {
    /* Only integers: as many as the array has axes is an element (a scalar, made by the Python
     * path), more is an error (raised there). */
    int32_t nd = 0;
    if (p_ndim(h, &nd) != 0 || nint >= nd) return getitem_slow(self, key);
  }
  cnp_array* out = NULL;
  if (p_index(h, n, items, &out) != 0) return getitem_slow(self, key);
  return wrap_new(out);
}

static PyObject* reshape_slow(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  PyObject* small[8];
  Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0, total = nargs + nkw + 1;
  PyObject** stack = total <= 8 ? small : PyMem_Malloc(sizeof(PyObject*) * (size_t)total);
  if (!stack) return PyErr_NoMemory();
  stack[0] = self;
  for (Py_ssize_t i = 0; i < nargs + nkw; ++i) stack[i + 1] = args[i];
  PyObject* r = PyObject_Vectorcall(g_reshape_slow, stack, (size_t)(nargs + 1), kwnames);
  if (stack != small) PyMem_Free(stack);
  return r;
}

static PyObject* ArrayBase_reshape(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  if (kwnames && PyTuple_GET_SIZE(kwnames)) return reshape_slow(self, args, nargs, kwnames);
  PyObject* const* dims = args;
  Py_ssize_t nd = nargs;
  if (nargs == 1 && PyTuple_CheckExact(args[0])) {
    dims = &PyTuple_GET_ITEM(args[0], 0);
    nd = PyTuple_GET_SIZE(args[0]);
  }
  if (nargs == 0 || nd > MAX_DIMS) return reshape_slow(self, args, nargs, kwnames);
  int64_t shape[MAX_DIMS];
  for (Py_ssize_t i = 0; i < nd; ++i)
    if (!exact_int64(dims[i], &shape[i])) return reshape_slow(self, args, nargs, kwnames);
  cnp_array* h = resolve((ArrayBase*)self);
  if (!h) return PyErr_Occurred() ? NULL : reshape_slow(self, args, nargs, kwnames);
  cnp_array* out = NULL;
  if (p_reshape(h, (int32_t)nd, shape, CNP_ORDER_C, &out) != 0) return reshape_slow(self, args, nargs, kwnames);
  return wrap_new(out);
}

static PyMethodDef ArrayBase_methods[] = {
    {"reshape", (PyCFunction)(void (*)(void))ArrayBase_reshape, METH_FASTCALL | METH_KEYWORDS,
     "a.reshape(shape, order='C')"},
    {NULL, NULL, 0, NULL},
};

static PyMappingMethods ArrayBase_mapping = {NULL, ArrayBase_subscript, NULL};

static PyTypeObject ArrayBase_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "cnumpy._speedups.ArrayBase",
    .tp_basicsize = sizeof(ArrayBase),
    .tp_dealloc = (destructor)ArrayBase_dealloc,
    .tp_as_mapping = &ArrayBase_mapping,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Base of cnumpy.ndarray: owns the cnp_array* handle; C fast paths for views.",
    .tp_weaklistoffset = offsetof(ArrayBase, weakreflist),
    .tp_methods = ArrayBase_methods,
    .tp_members = ArrayBase_members,
    .tp_getset = ArrayBase_getset,
};

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

/* install(ndarray, addresses, int_handles, to_handle, to_address, pending, flush, getitem, reshape,
 *         probe): probe is a cffi handle for the address 0x5a5a5a5a5a40 (None for ctypes). */
static PyObject* install(PyObject* mod, PyObject* args) {
  (void)mod;
  PyObject *cls, *addrs, *to_handle, *to_address, *pending, *flush, *getitem, *reshape, *probe;
  int int_handles;
  if (!PyArg_ParseTuple(args, "O!O!pOOO!OOOO:install", &PyType_Type, &cls, &PyDict_Type, &addrs, &int_handles,
                        &to_handle, &to_address, &PyList_Type, &pending, &flush, &getitem, &reshape, &probe))
    return NULL;
  if (!PyType_IsSubtype((PyTypeObject*)cls, &ArrayBase_Type))
    return PyErr_Format(PyExc_TypeError, "cnumpy._speedups.install: the class must derive from ArrayBase");
  void *f_free, *f_index, *f_reshape, *f_ndim;
  if (address_arg(addrs, "cnp_array_free", &f_free) || address_arg(addrs, "cnp_array_index", &f_index) ||
      address_arg(addrs, "cnp_reshape", &f_reshape) || address_arg(addrs, "cnp_array_ndim", &f_ndim))
    return NULL;
  p_free = (__typeof__(p_free))f_free;
  p_index = (__typeof__(p_index))f_index;
  p_reshape = (__typeof__(p_reshape))f_reshape;
  p_ndim = (__typeof__(p_ndim))f_ndim;
  g_int_handles = int_handles;
  g_cdata_type = NULL;
  if (!int_handles && probe != Py_None && Py_TYPE(probe)->tp_basicsize >= (Py_ssize_t)sizeof(CDataHead) &&
      ((CDataHead*)probe)->c_data == (char*)(uintptr_t)0x5a5a5a5a5a40) {
    g_cdata_type = Py_TYPE(probe);
    Py_INCREF(g_cdata_type);
  }
  PyObject** slots[] = {(PyObject**)&g_ndarray, &g_to_handle, &g_to_address, &g_pending,
                        &g_flush, &g_getitem_slow, &g_reshape_slow};
  PyObject* values[] = {cls, to_handle, to_address, pending, flush, getitem, reshape};
  for (size_t i = 0; i < sizeof(slots) / sizeof(slots[0]); ++i) {
    Py_INCREF(values[i]);
    Py_XSETREF(*slots[i], values[i]);
  }
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
    {"install", install, METH_VARARGS,
     "install(ndarray, addresses, int_handles, to_handle, to_address, pending, flush, getitem, reshape, probe)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "_speedups", "C fast paths for cnumpy.ndarray (optional).", -1, module_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__speedups(void) {
  /* object.__new__(ndarray) must stay allowed (the package creates arrays that way): that needs
   * the base's tp_new to be object's own. */
  ArrayBase_Type.tp_new = PyBaseObject_Type.tp_new;
  if (PyType_Ready(&ArrayBase_Type) < 0) return NULL;
  PyObject* m = PyModule_Create(&module_def);
  if (!m) return NULL;
  Py_INCREF(&ArrayBase_Type);
  if (PyModule_AddObject(m, "ArrayBase", (PyObject*)&ArrayBase_Type) < 0) {
    Py_DECREF(&ArrayBase_Type);
    Py_DECREF(m);
    return NULL;
  }
  return m;
}
