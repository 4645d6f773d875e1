/* cnumpy._speedups: creation functions, reductions, copies, attributes and conversions of
 * cnumpy.ndarray, and the scalars made from results (see _speedups.h).
 *
 * Handled here, each with the Python implementation as the fallback for anything else:
 *   zeros/ones/empty(shape[, dtype]) with an int or a tuple of ints and a builtin dtype,
 *   full(shape, number[, dtype]), arange(numbers...[, dtype=]),
 *   a.sum/prod/mean/min/max/all/any(axis=None|int|tuple of ints, keepdims=bool),
 *   a.copy(), a.astype(builtin dtype), len(a), a.shape/ndim/size/dtype, float(a)/int(a) of
 *   size-1 arrays of booleans, integers and floats.
 * Calls that fail hand over to the Python path (these calls write nothing), which raises its
 * own error; the warnings the failed call queued are dropped first. */
#include "_speedups.h"

#include <string.h>
#include <structmember.h>

#define BIG_CALL 16384 /* arrays with more elements release the GIL during a reduction */

static PyObject* g_wrap[CNP_NTYPES_BUILTIN]; /* typenum -> the scalar class's _wrap(value) */
static char g_kind[CNP_NTYPES_BUILTIN + 1];  /* typenum -> dtype kind */
static PyObject* g_true;                     /* cnumpy.True_ / False_ */
static PyObject* g_false;
static PyTypeObject* g_float64_direct; /* float64 when its objects are plain PyFloatObjects */
static PyObject* g_dtype_address;      /* dtype spec -> address of a builtin dtype, or None */
static PyObject* g_scalar_of;          /* _ndarray.scalar_of: 0-d array -> scalar of any dtype */

char typenum_kind(int32_t typenum) { return typenum >= 0 && typenum < CNP_NTYPES_BUILTIN ? g_kind[typenum] : 0; }

/* ---- scalars ------------------------------------------------------------------------------- */
PyObject* scalar_from_c(const cnp_scalar* s) {
  int32_t t = s->typenum;
  if (t < 0 || t >= CNP_NTYPES_BUILTIN || !g_wrap[t])
    return PyErr_Format(PyExc_SystemError, "cnumpy._speedups: scalar of unknown type %d", (int)t);
  PyObject* v;
  switch (g_kind[t]) {
    case 'b':
      v = s->value.i ? g_true : g_false;
      Py_INCREF(v);
      return v;
    case 'i':
      v = PyLong_FromLongLong(s->value.i);
      break;
    case 'u':
      v = PyLong_FromUnsignedLongLong(s->value.u);
      break;
    case 'f':
      if (t == CNP_FLOAT64 && g_float64_direct) {
        PyObject* o = g_float64_direct->tp_alloc(g_float64_direct, 0);
        if (o) ((PyFloatObject*)o)->ob_fval = s->value.f;
        return o;
      }
      v = PyFloat_FromDouble(s->value.f);
      break;
    default:
      v = PyComplex_FromDoubles(s->value.c[0], s->value.c[1]);
  }
  if (!v) return NULL;
  PyObject* r = PyObject_CallOneArg(g_wrap[t], v);
  Py_DECREF(v);
  return r;
}

PyObject* unwrap_result(PyObject* array) {
  cnp_array* h = ((ArrayBase*)array)->handle;
  int32_t nd = -1;
  if (!h || p_cnp_array_ndim(h, &nd) != 0 || nd != 0) return array;
  cnp_scalar s;
  cnp_status st = p_cnp_array_getitem(h, 0, NULL, &s);
  if (st && g_scalar_of) {
    /* An element a cnp_scalar cannot hold (datetime64, strings): the package's scalar_of. */
    PyObject* r = PyObject_CallOneArg(g_scalar_of, array);
    Py_DECREF(array);
    return r;
  }
  Py_DECREF(array);
  return st ? raise_status(st) : scalar_from_c(&s);
}

/* ---- dtype arguments ----------------------------------------------------------------------- */
/* Identity cache of dtype= arguments (dtype objects, classes, strings) naming builtin dtypes,
 * which are immortal in the library: the cache keeps a reference to each key, so an address
 * never comes back for another object. */
#define DTYPE_CACHE 64
static struct {
  PyObject* key;
  const cnp_dtype* dtype; /* NULL: not a builtin dtype (the Python path decides) */
} g_dtypes[DTYPE_CACHE];
static int g_dtype_next;

const cnp_dtype* builtin_dtype(PyObject* spec) {
  for (int i = 0; i < DTYPE_CACHE; ++i)
    if (g_dtypes[i].key == spec) return g_dtypes[i].dtype;
  if (!g_dtype_address) return NULL;
  PyObject* a = PyObject_CallOneArg(g_dtype_address, spec);
  if (!a) {
    PyErr_Clear(); /* the Python path raises it */
    return NULL;
  }
  const cnp_dtype* d = a == Py_None ? NULL : (const cnp_dtype*)PyLong_AsVoidPtr(a);
  Py_DECREF(a);
  if (PyErr_Occurred()) {
    PyErr_Clear();
    return NULL;
  }
  int i = g_dtype_next;
  g_dtype_next = (g_dtype_next + 1) % DTYPE_CACHE;
  Py_INCREF(spec);
  Py_XSETREF(g_dtypes[i].key, spec);
  g_dtypes[i].dtype = d;
  return d;
}

/* ---- creation: zeros, ones, empty ---------------------------------------------------------- */
typedef cnp_status (*create_fn)(int32_t, const int64_t*, const cnp_dtype*, int32_t, cnp_array**);

typedef struct {
  PyObject_HEAD
  vectorcallfunc vectorcall;
  int kind; /* 0 zeros, 1 ones, 2 empty, 3 full, 4 arange, 5/6 format_float_positional/scientific */
  PyObject* python; /* the Python implementation */
} FastFunction;

static PyObject* s_dtype;

/* An int or a tuple of ints as a shape; 0 when the Python path must decide. */
static int parse_shape(PyObject* sh, int64_t* shape, int32_t* nd) {
  if (PyLong_CheckExact(sh)) {
    *nd = 1;
    return exact_int64(sh, &shape[0]);
  }
  if (!PyTuple_CheckExact(sh) || PyTuple_GET_SIZE(sh) > MAX_DIMS) return 0;
  *nd = (int32_t)PyTuple_GET_SIZE(sh);
  for (int32_t i = 0; i < *nd; ++i)
    if (!exact_int64(PyTuple_GET_ITEM(sh, i), &shape[i])) return 0;
  return 1;
}

/* The dtype= keyword (the only one taken) of a call with npos positional arguments at most;
 * *dtype stays NULL without it. 0 when the Python path must decide. */
static int dtype_keyword(PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames, PyObject** dtype) {
  Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
  if (nkw == 0) return 1;
  PyObject* k = PyTuple_GET_ITEM(kwnames, 0);
  if (nkw != 1 || (k != s_dtype && PyUnicode_Compare(k, s_dtype) != 0)) return 0;
  *dtype = args[nargs];
  return 1;
}

/* full(shape, fill_value[, dtype]) with a Python/cnumpy number: its 0-d array as
 * _convert.as_source makes it (weak Python numbers), cnp_full in C order. */
static PyObject* fast_full(PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames, int* handled) {
  PyObject* dtype = NULL;
  int64_t shape[MAX_DIMS];
  int32_t nd;
  cnp_scalar s;
  *handled = 0;
  if (nargs < 2 || nargs > 3 || (nargs == 3 && kwnames && PyTuple_GET_SIZE(kwnames))) return NULL;
  if (nargs == 3) dtype = args[2];
  else if (!dtype_keyword(args, nargs, kwnames, &dtype)) return NULL;
  if (!parse_shape(args[0], shape, &nd) || !scalar_operand(args[1], &s)) return NULL;
  const cnp_dtype* d = dtype && dtype != Py_None ? builtin_dtype(dtype) : NULL;
  if (!d && dtype && dtype != Py_None) return NULL;
  if (s.typenum != CNP_COMPLEX128) s.value.c[1] = 0.0;
  cnp_array *fill = NULL, *out = NULL;
  Py_ssize_t before = PyList_GET_SIZE(g_pending);
  cnp_status st = p_cnp_array_from_scalar(&s, NULL, &fill);
  if (!st) {
    st = p_cnp_full(nd, shape, fill, d, CNP_ORDER_C, &out);
    p_cnp_array_free(fill);
  }
  if (st) {
    drop_pending_after(before);
    return NULL;
  }
  *handled = 1;
  return wrap_new(out);
}

/* arange(start[, stop[, step]][, dtype]) with Python/cnumpy numbers, as _creation.arange passes
 * them (arange(stop) counts from 0: the library takes one bound as the stop). */
static PyObject* fast_arange(PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames, int* handled) {
  PyObject* dtype = NULL;
  cnp_scalar b[3];
  *handled = 0;
  if (nargs < 1 || nargs > 3 || !dtype_keyword(args, nargs, kwnames, &dtype)) return NULL;
  for (Py_ssize_t i = 0; i < nargs; ++i)
    if (!scalar_operand(args[i], &b[i])) return NULL;
  const cnp_dtype* d = dtype && dtype != Py_None ? builtin_dtype(dtype) : NULL;
  if (!d && dtype && dtype != Py_None) return NULL;
  cnp_array* out = NULL;
  Py_ssize_t before = PyList_GET_SIZE(g_pending);
  if (p_cnp_arange(&b[0], nargs > 1 ? &b[1] : NULL, nargs > 2 ? &b[2] : NULL, d, &out)) {
    drop_pending_after(before);
    return NULL;
  }
  *handled = 1;
  return wrap_new(out);
}

/* format_float_positional(x) / format_float_scientific(x) of a Python float, every option at
 * NumPy's default (the common call, where the Python wrapper's argument handling and the
 * string hand-over were most of the cost): cnp_format_float with the default options. */
static PyObject* fast_format_float(int scientific, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames,
                                   int* handled) {
  static cnp_format_float_options opts[2];
  static int ready;
  *handled = 0;
  if (nargs != 1 || (kwnames && PyTuple_GET_SIZE(kwnames)) || !PyFloat_CheckExact(args[0])) return NULL;
  if (!ready) {
    if (p_cnp_format_float_defaults(&opts[0]) || p_cnp_format_float_defaults(&opts[1])) return NULL;
    opts[1].scientific = 1;
    ready = 1;
  }
  char* s = NULL;
  Py_ssize_t before = PyList_GET_SIZE(g_pending);
  if (p_cnp_format_float(PyFloat_AS_DOUBLE(args[0]), CNP_FLOAT64, &opts[scientific], &s)) {
    drop_pending_after(before);
    return NULL;
  }
  *handled = 1;
  PyObject* r = PyUnicode_FromString(s);
  p_cnp_string_free(s);
  if (r && flush_pending() < 0) Py_CLEAR(r);
  return r;
}

static PyObject* FastFunction_vectorcall(PyObject* obj, PyObject* const* args, size_t nargsf, PyObject* kwnames) {
  FastFunction* self = (FastFunction*)obj;
  Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
  Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
  PyObject* dtype = NULL;
  if (g_ndarray && self->kind >= 5) {
    int handled;
    PyObject* r = fast_format_float(self->kind - 5, args, nargs, kwnames, &handled);
    if (handled || PyErr_Occurred()) return r;
    goto slow;
  }
  if (g_ndarray && self->kind >= 3) {
    int handled;
    PyObject* r = self->kind == 3 ? fast_full(args, nargs, kwnames, &handled) : fast_arange(args, nargs, kwnames, &handled);
    if (handled || PyErr_Occurred()) return r;
    goto slow;
  }
  if (!g_ndarray || nargs < 1 || nargs + nkw > 2) goto slow;
  if (nargs == 2) dtype = args[1];
  else if (nkw == 1) {
    PyObject* k = PyTuple_GET_ITEM(kwnames, 0);
    if (k != s_dtype && PyUnicode_Compare(k, s_dtype) != 0) goto slow;
    dtype = args[1];
  }
  int64_t shape[MAX_DIMS];
  int32_t nd;
  PyObject* sh = args[0];
  static const cnp_dtype* float64_dtype; /* the default, looked up once */
  if (PyLong_CheckExact(sh)) {
    if (!exact_int64(sh, &shape[0])) goto slow;
    nd = 1;
  } else if (PyTuple_CheckExact(sh) && PyTuple_GET_SIZE(sh) <= MAX_DIMS) {
    nd = (int32_t)PyTuple_GET_SIZE(sh);
    for (int32_t i = 0; i < nd; ++i)
      if (!exact_int64(PyTuple_GET_ITEM(sh, i), &shape[i])) goto slow;
  } else {
    goto slow;
  }
  if (!dtype && !float64_dtype) float64_dtype = builtin_dtype((PyObject*)&PyFloat_Type);
  const cnp_dtype* d = dtype ? builtin_dtype(dtype) : float64_dtype;
  if (!d && dtype != Py_None) goto slow; /* None: the library's default (float64), as in Python */
  create_fn fn = self->kind == 0 ? p_cnp_zeros : self->kind == 1 ? p_cnp_ones : p_cnp_empty;
  cnp_array* out = NULL;
  Py_ssize_t before = PyList_GET_SIZE(g_pending);
  if (fn(nd, shape, d, CNP_ORDER_C, &out) != 0) {
    drop_pending_after(before);
    goto slow;
  }
  return wrap_new(out);
slow:
  return PyObject_Vectorcall(self->python, args, nargsf, kwnames);
}

static void FastFunction_dealloc(FastFunction* self) {
  Py_CLEAR(self->python);
  Py_TYPE(self)->tp_free((PyObject*)self);
}

/* Attributes (__name__, __doc__, __module__, __signature__, ...) are the Python function's. */
static PyObject* FastFunction_getattro(PyObject* self, PyObject* name) {
  PyObject* r = PyObject_GenericGetAttr(self, name);
  if (r || !PyErr_ExceptionMatches(PyExc_AttributeError)) return r;
  PyErr_Clear();
  return PyObject_GetAttr(((FastFunction*)self)->python, name);
}

static PyObject* FastFunction_repr(PyObject* self) { return PyObject_Repr(((FastFunction*)self)->python); }

static PyObject* FastFunction_get(PyObject* self, PyObject* obj, PyObject* type) {
  (void)obj;
  (void)type;
  Py_INCREF(self); /* as a builtin: not bound when stored on a class */
  return self;
}

/* Pickled by reference, as the Python function was: its module attribute of the same name. */
static PyObject* FastFunction_reduce(PyObject* self, PyObject* unused) {
  (void)unused;
  return PyObject_GetAttrString(((FastFunction*)self)->python, "__name__");
}

static PyObject* FastFunction_doc(PyObject* self, void* c) {
  (void)c;
  return PyObject_GetAttrString(((FastFunction*)self)->python, "__doc__");
}

static PyGetSetDef FastFunction_getset[] = {
    {"__doc__", FastFunction_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef FastFunction_methods[] = {
    {"__reduce__", FastFunction_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef FastFunction_members[] = {
    {"__wrapped__", T_OBJECT, offsetof(FastFunction, python), READONLY, "the Python implementation"},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject FastFunction_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "cnumpy._speedups.FastFunction",
    .tp_basicsize = sizeof(FastFunction),
    .tp_dealloc = (destructor)FastFunction_dealloc,
    .tp_vectorcall_offset = offsetof(FastFunction, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_getattro = FastFunction_getattro,
    .tp_repr = FastFunction_repr,
    .tp_descr_get = FastFunction_get,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "A module function with a C fast path (cnumpy._speedups); __wrapped__ is the Python one.",
    .tp_members = FastFunction_members,
    .tp_methods = FastFunction_methods,
    .tp_getset = FastFunction_getset,
};

PyObject* make_fast_function(PyObject* mod, PyObject* args) {
  (void)mod;
  const char* kind;
  PyObject* python;
  if (!PyArg_ParseTuple(args, "sO:fast_function", &kind, &python)) return NULL;
  int k = strcmp(kind, "zeros") == 0   ? 0
          : strcmp(kind, "ones") == 0  ? 1
          : strcmp(kind, "empty") == 0 ? 2
          : strcmp(kind, "full") == 0  ? 3
          : strcmp(kind, "arange") == 0 ? 4
          : strcmp(kind, "format_float_positional") == 0 ? 5
          : strcmp(kind, "format_float_scientific") == 0 ? 6
                                        : -1;
  if (k < 0) return PyErr_Format(PyExc_ValueError, "cnumpy._speedups.fast_function: unknown kind %s", kind);
  if (!s_dtype && !(s_dtype = PyUnicode_InternFromString("dtype"))) return NULL;
  FastFunction* f = PyObject_New(FastFunction, &FastFunction_Type);
  if (!f) return NULL;
  f->vectorcall = FastFunction_vectorcall;
  f->kind = k;
  Py_INCREF(python);
  f->python = python;
  return (PyObject*)f;
}

/* ---- reductions ---------------------------------------------------------------------------- */
enum { R_SUM, R_PROD, R_MEAN, R_MIN, R_MAX, R_ALL, R_ANY };
static const char* const REDUCTION_NAMES[] = {"sum", "prod", "mean", "min", "max", "all", "any"};
static PyObject* s_axis;
static PyObject* s_keepdims;

typedef cnp_status (*red_dtype_init)(const cnp_array*, const int64_t*, int32_t, const cnp_dtype*, cnp_array*, int32_t,
                                     const cnp_array*, const cnp_array*, cnp_array**);
typedef cnp_status (*red_init)(const cnp_array*, const int64_t*, int32_t, cnp_array*, int32_t, const cnp_array*,
                               const cnp_array*, cnp_array**);

static int is_name(PyObject* k, PyObject* interned) { return k == interned || PyUnicode_Compare(k, interned) == 0; }

static cnp_status run_reduction(int kind, cnp_array* h, const int64_t* axes, int32_t naxes, int32_t keepdims, cnp_array** out) {
  switch (kind) {
    case R_SUM:
      return p_cnp_sum(h, axes, naxes, NULL, NULL, keepdims, NULL, NULL, out);
    case R_PROD:
      return p_cnp_prod(h, axes, naxes, NULL, NULL, keepdims, NULL, NULL, out);
    case R_MEAN:
      return p_cnp_mean(h, axes, naxes, NULL, NULL, keepdims, NULL, out);
    case R_MIN:
      return p_cnp_min(h, axes, naxes, NULL, keepdims, NULL, NULL, out);
    case R_MAX:
      return p_cnp_max(h, axes, naxes, NULL, keepdims, NULL, NULL, out);
    case R_ALL:
      return p_cnp_all(h, axes, naxes, NULL, keepdims, NULL, out);
    default:
      return p_cnp_any(h, axes, naxes, NULL, keepdims, NULL, out);
  }
}

static PyObject* reduction(int kind, PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  PyObject *axis = Py_None, *keep = Py_False;
  Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
  cnp_array* h;
  if (!g_ndarray || Py_TYPE(self) != g_ndarray || nargs > 1) goto slow;
  if (nargs == 1) axis = args[0];
  for (Py_ssize_t i = 0; i < nkw; ++i) {
    PyObject* k = PyTuple_GET_ITEM(kwnames, i);
    if (nargs == 0 && is_name(k, s_axis)) axis = args[nargs + i];
    else if (is_name(k, s_keepdims)) keep = args[nargs + i];
    else goto slow;
  }
  if (keep != Py_True && keep != Py_False) goto slow;
  int64_t axes[MAX_DIMS] = {0};
  int32_t naxes;
  if (axis == Py_None) {
    naxes = -1;
  } else if (PyLong_CheckExact(axis)) {
    if (!exact_int64(axis, &axes[0])) goto slow;
    naxes = 1;
  } else if (PyTuple_CheckExact(axis) && PyTuple_GET_SIZE(axis) <= MAX_DIMS) {
    naxes = (int32_t)PyTuple_GET_SIZE(axis);
    for (int32_t i = 0; i < naxes; ++i)
      if (!exact_int64(PyTuple_GET_ITEM(axis, i), &axes[i])) goto slow;
  } else {
    goto slow;
  }
  int32_t nd;
  int64_t n = 0;
  if (array_meta((ArrayBase*)self, &nd, &n) <= 0) goto slow;
  h = ((ArrayBase*)self)->handle;
  cnp_array* out = NULL;
  Py_ssize_t before = PyList_GET_SIZE(g_pending);
  cnp_status st;
  if (n > BIG_CALL) {
    Py_BEGIN_ALLOW_THREADS
    st = run_reduction(kind, h, naxes < 0 ? NULL : axes, naxes, keep == Py_True, &out);
    Py_END_ALLOW_THREADS
  } else {
    st = run_reduction(kind, h, naxes < 0 ? NULL : axes, naxes, keep == Py_True, &out);
  }
  if (st) {
    drop_pending_after(before);
    goto slow;
  }
  PyObject* r = wrap_new(out);
  return r ? unwrap_result(r) : NULL;
slow:
  if (PyErr_Occurred()) return NULL;
  return call_fallback(REDUCTION_NAMES[kind], self, args, (size_t)nargs, kwnames);
}

#define REDUCTION_METHOD(NAME, KIND)                                                                  \
  static PyObject* m_##NAME(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) { \
    return reduction(KIND, self, args, nargs, kwnames);                                               \
  }
REDUCTION_METHOD(sum, R_SUM)
REDUCTION_METHOD(prod, R_PROD)
REDUCTION_METHOD(mean, R_MEAN)
REDUCTION_METHOD(min, R_MIN)
REDUCTION_METHOD(max, R_MAX)
REDUCTION_METHOD(all, R_ALL)
REDUCTION_METHOD(any, R_ANY)

/* ---- copies ---------------------------------------------------------------------------------- */
static PyObject* m_copy(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  cnp_array *h, *out = NULL;
  if (g_ndarray && Py_TYPE(self) == g_ndarray && nargs == 0 && !(kwnames && PyTuple_GET_SIZE(kwnames)) &&
      (h = resolve((ArrayBase*)self))) {
    Py_ssize_t before = PyList_GET_SIZE(g_pending);
    if (p_cnp_copy(h, CNP_ORDER_C, &out) == 0) return wrap_new(out);
    drop_pending_after(before);
  }
  if (PyErr_Occurred()) return NULL;
  return call_fallback("copy", self, args, (size_t)nargs, kwnames);
}

static PyObject* m_astype(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  cnp_array *h, *out = NULL;
  const cnp_dtype* d;
  if (g_ndarray && Py_TYPE(self) == g_ndarray && nargs == 1 && !(kwnames && PyTuple_GET_SIZE(kwnames)) &&
      args[0] != Py_None && (d = builtin_dtype(args[0])) && (h = resolve((ArrayBase*)self))) {
    Py_ssize_t before = PyList_GET_SIZE(g_pending);
    if (p_cnp_astype(h, d, CNP_ORDER_K, CNP_CASTING_UNSAFE, 1, &out) == 0) return wrap_new(out);
    drop_pending_after(before);
  }
  if (PyErr_Occurred()) return NULL;
  return call_fallback("astype", self, args, (size_t)nargs, kwnames);
}

PyMethodDef ArrayBase_extra_methods[] = {
    {"sum", (PyCFunction)(void (*)(void))m_sum, METH_FASTCALL | METH_KEYWORDS, "a.sum(axis=None, ...)"},
    {"prod", (PyCFunction)(void (*)(void))m_prod, METH_FASTCALL | METH_KEYWORDS, "a.prod(axis=None, ...)"},
    {"mean", (PyCFunction)(void (*)(void))m_mean, METH_FASTCALL | METH_KEYWORDS, "a.mean(axis=None, ...)"},
    {"min", (PyCFunction)(void (*)(void))m_min, METH_FASTCALL | METH_KEYWORDS, "a.min(axis=None, ...)"},
    {"max", (PyCFunction)(void (*)(void))m_max, METH_FASTCALL | METH_KEYWORDS, "a.max(axis=None, ...)"},
    {"all", (PyCFunction)(void (*)(void))m_all, METH_FASTCALL | METH_KEYWORDS, "a.all(axis=None, ...)"},
    {"any", (PyCFunction)(void (*)(void))m_any, METH_FASTCALL | METH_KEYWORDS, "a.any(axis=None, ...)"},
    {"copy", (PyCFunction)(void (*)(void))m_copy, METH_FASTCALL | METH_KEYWORDS, "a.copy(order='C')"},
    {"astype", (PyCFunction)(void (*)(void))m_astype, METH_FASTCALL | METH_KEYWORDS, "a.astype(dtype, ...)"},
    {"reshape", (PyCFunction)(void (*)(void))ArrayBase_reshape, METH_FASTCALL | METH_KEYWORDS,
     "a.reshape(shape, order='C')"},
    {NULL, NULL, 0, NULL},
};

/* ---- attributes, len, float(), int() -------------------------------------------------------- */
static PyObject* shape_of(ArrayBase* self) {
  if (self->shape && self->shape != Py_None) {
    Py_INCREF(self->shape);
    return self->shape;
  }
  cnp_array* h = resolve(self);
  int32_t nd = 0;
  const int64_t* dims = NULL;
  cnp_status st;
  if (!h) {
    if (PyErr_Occurred()) return NULL;
    PyObject* prop = fallback("shape"); /* no handle: the Python property raises its error */
    return prop ? Py_TYPE(prop)->tp_descr_get(prop, (PyObject*)self, (PyObject*)Py_TYPE(self)) : NULL;
  }
  if ((st = p_cnp_array_ndim(h, &nd)) || (st = p_cnp_array_shape(h, &dims))) return raise_status(st);
  PyObject* t = PyTuple_New(nd);
  if (!t) return NULL;
  for (int32_t i = 0; i < nd; ++i) {
    PyObject* v = PyLong_FromLongLong(dims[i]);
    if (!v) {
      Py_DECREF(t);
      return NULL;
    }
    PyTuple_SET_ITEM(t, i, v);
  }
  Py_INCREF(t);
  Py_XSETREF(self->shape, t);
  return t;
}

static PyObject* get_shape(PyObject* self, void* c) {
  (void)c;
  return shape_of((ArrayBase*)self);
}

static int set_shape(PyObject* self, PyObject* value, void* c) {
  (void)c;
  PyObject* prop = fallback("shape");
  if (!prop) return -1;
  if (!value) {
    PyErr_SetString(PyExc_AttributeError, "cannot delete array shape");
    return -1;
  }
  return Py_TYPE(prop)->tp_descr_set ? Py_TYPE(prop)->tp_descr_set(prop, self, value) : -1;
}

static PyObject* get_ndim(PyObject* self, void* c) {
  (void)c;
  PyObject* s = shape_of((ArrayBase*)self);
  if (!s) return NULL;
  PyObject* r = PyLong_FromSsize_t(PyTuple_GET_SIZE(s));
  Py_DECREF(s);
  return r;
}

static PyObject* get_size(PyObject* self, void* c) {
  (void)c;
  PyObject* s = shape_of((ArrayBase*)self);
  if (!s) return NULL;
  PyObject* r = PyLong_FromLong(1);
  for (Py_ssize_t i = 0; r && i < PyTuple_GET_SIZE(s); ++i) Py_SETREF(r, PyNumber_Multiply(r, PyTuple_GET_ITEM(s, i)));
  Py_DECREF(s);
  return r;
}

static PyObject* get_dtype(PyObject* self, void* c) {
  (void)c;
  ArrayBase* a = (ArrayBase*)self;
  if (a->dtype && a->dtype != Py_None) {
    Py_INCREF(a->dtype);
    return a->dtype;
  }
  PyObject* prop = fallback("dtype");
  if (!prop) return NULL;
  return Py_TYPE(prop)->tp_descr_get(prop, self, (PyObject*)Py_TYPE(self));
}

static PyObject* get_data(PyObject* self, void* c) {
  (void)c;
  return PyMemoryView_FromObject(self);
}

PyGetSetDef ArrayBase_extra_getset[] = {
    {"_h", ArrayBase_get_h, ArrayBase_set_h, "the cnp_array* handle, as the backend spells it", NULL},
    {"shape", get_shape, set_shape, "Tuple of array dimensions.", NULL},
    {"ndim", get_ndim, NULL, "Number of array dimensions.", NULL},
    {"size", get_size, NULL, "Number of elements in the array.", NULL},
    {"dtype", get_dtype, NULL, "Data-type of the array's elements.", NULL},
    {"data", get_data, NULL, "A memoryview of the array's memory (NumPy's .data).", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

Py_ssize_t ArrayBase_length(PyObject* self) {
  PyObject* s = shape_of((ArrayBase*)self);
  if (!s) return -1;
  Py_ssize_t n = PyTuple_GET_SIZE(s);
  Py_ssize_t r = n ? PyLong_AsSsize_t(PyTuple_GET_ITEM(s, 0)) : -1;
  Py_DECREF(s);
  if (!n) PyErr_SetString(PyExc_TypeError, "len() of unsized object");
  return r;
}

/* The element of a size-1 array of a builtin dtype; 0 when the Python path must decide. */
static int size1_element(PyObject* self, cnp_scalar* s) {
  cnp_array* h;
  int64_t n = 0, idx[MAX_DIMS] = {0};
  int32_t nd = 0;
  if (!g_ndarray || Py_TYPE(self) != g_ndarray || !(h = resolve((ArrayBase*)self))) return 0;
  if (p_cnp_array_size(h, &n) || n != 1 || p_cnp_array_ndim(h, &nd) || nd > MAX_DIMS) return 0;
  Py_ssize_t before = PyList_GET_SIZE(g_pending);
  if (p_cnp_array_getitem(h, nd, idx, s)) {
    drop_pending_after(before);
    return 0;
  }
  return s->typenum >= 0 && s->typenum < CNP_NTYPES_BUILTIN && g_kind[s->typenum] != 'c';
}

PyObject* ArrayBase_float(PyObject* self) {
  cnp_scalar s;
  if (!size1_element(self, &s)) {
    if (PyErr_Occurred()) return NULL;
    PyObject* f = fallback("__float__");
    return f ? PyObject_CallOneArg(f, self) : NULL;
  }
  if (flush_pending() < 0) return NULL;
  switch (g_kind[s.typenum]) {
    case 'b':
      return PyFloat_FromDouble(s.value.i ? 1.0 : 0.0);
    case 'i':
      return PyFloat_FromDouble((double)s.value.i);
    case 'u':
      return PyFloat_FromDouble((double)s.value.u);
    default:
      return PyFloat_FromDouble(s.value.f);
  }
}

PyObject* ArrayBase_int(PyObject* self) {
  cnp_scalar s;
  if (!size1_element(self, &s)) {
    if (PyErr_Occurred()) return NULL;
    PyObject* f = fallback("__int__");
    return f ? PyObject_CallOneArg(f, self) : NULL;
  }
  if (flush_pending() < 0) return NULL;
  switch (g_kind[s.typenum]) {
    case 'b':
      return PyLong_FromLong(s.value.i != 0);
    case 'i':
      return PyLong_FromLongLong(s.value.i);
    case 'u':
      return PyLong_FromUnsignedLongLong(s.value.u);
    default:
      return PyLong_FromDouble(s.value.f);
  }
}

/* ---- install ---------------------------------------------------------------------------------- */
/* glue: scalar_wrap (the 14 scalar classes' _wrap by typenum), kinds (their dtype kinds, a
 * str), true/false (cnumpy.True_/False_), float64, dtype_address. */
int methods_install(PyObject* glue) {
  PyObject* wraps = PyDict_GetItemString(glue, "scalar_wrap");
  PyObject* kinds = PyDict_GetItemString(glue, "kinds");
  PyObject* t = PyDict_GetItemString(glue, "true");
  PyObject* f = PyDict_GetItemString(glue, "false");
  PyObject* f64 = PyDict_GetItemString(glue, "float64");
  PyObject* addr = PyDict_GetItemString(glue, "dtype_address");
  if (!wraps || !kinds || !t || !f || !f64 || !addr || !PyList_Check(wraps) ||
      PyList_GET_SIZE(wraps) != CNP_NTYPES_BUILTIN || !PyUnicode_Check(kinds) ||
      PyUnicode_GET_LENGTH(kinds) != CNP_NTYPES_BUILTIN || !PyType_Check(f64)) {
    PyErr_SetString(PyExc_ValueError, "cnumpy._speedups.install: bad scalar glue");
    return -1;
  }
  for (int i = 0; i < CNP_NTYPES_BUILTIN; ++i) {
    PyObject* w = PyList_GET_ITEM(wraps, i);
    Py_INCREF(w);
    Py_XSETREF(g_wrap[i], w);
    g_kind[i] = (char)PyUnicode_READ_CHAR(kinds, i);
  }
  Py_INCREF(t);
  Py_XSETREF(g_true, t);
  Py_INCREF(f);
  Py_XSETREF(g_false, f);
  Py_INCREF(addr);
  Py_XSETREF(g_dtype_address, addr);
  PyObject* sof = PyDict_GetItemString(glue, "scalar_of"); /* optional */
  Py_XINCREF(sof);
  Py_XSETREF(g_scalar_of, sof);
  PyTypeObject* ft = (PyTypeObject*)f64;
  /* float64 objects can be made as PyFloatObjects of that type when the class adds nothing to
   * float's layout (__slots__ = () all the way up). */
  Py_XSETREF(g_float64_direct, NULL);
  if (PyType_IsSubtype(ft, &PyFloat_Type) && ft->tp_basicsize == PyFloat_Type.tp_basicsize && ft->tp_dictoffset == 0 &&
      ft->tp_weaklistoffset == 0 && ft->tp_itemsize == 0) {
    Py_INCREF(ft);
    g_float64_direct = ft;
  }
  for (int i = 0; i < DTYPE_CACHE; ++i) {
    Py_CLEAR(g_dtypes[i].key);
    g_dtypes[i].dtype = NULL;
  }
  if (!s_axis && !(s_axis = PyUnicode_InternFromString("axis"))) return -1;
  if (!s_keepdims && !(s_keepdims = PyUnicode_InternFromString("keepdims"))) return -1;
  if (!s_dtype && !(s_dtype = PyUnicode_InternFromString("dtype"))) return -1;
  return 0;
}
