/* cnumpy._speedups: ndarray's operators and the ufunc objects' calls (see _speedups.h).
 *
 * Handled here: +, -, *, /, //, %, **, &, |, ^, <<, >> (plain, reflected and in place), unary -,
 * abs(), ~ and the comparisons between exact cnumpy.ndarray objects and Python/cnumpy numbers
 * (scalar_operand), and ufunc(x[, y][, out]) / ufunc(x[, y], out=o) for ufuncs with one output.
 * Python's weak scalars (NEP 50) are 0-d arrays made with CNP_SCALAR_WEAK, as _operands makes
 * them; the library applies the promotion rules. Everything else (subclasses, other operand
 * types, Python ints beyond int64, keywords other than out=, comparisons of strings, records and
 * datetimes, and for ** and the comparisons any call the library refuses) goes to the Python
 * implementation. Results: a 0-d result of a call without out= is returned as
 * its scalar, as NumPy 1.24 does. */
#include "_speedups.h"

#include <string.h>

#define BIG_CALL 16384 /* operands with more elements release the GIL during the call */

typedef cnp_status (*binary_fn)(const cnp_array*, const cnp_array*, const cnp_ufunc_args*, cnp_array**);
typedef cnp_status (*unary_fn)(const cnp_array*, const cnp_ufunc_args*, cnp_array**);

/* ---- operands -------------------------------------------------------------------------------- */
static PyTypeObject* g_float64; /* cnumpy scalar classes whose value is the Python number they subclass */
static PyTypeObject* g_int64;
static PyTypeObject* g_complex128;

int scalar_operand(PyObject* o, cnp_scalar* s) {
  PyTypeObject* t = Py_TYPE(o);
  s->flags = 0;
  if (t == &PyFloat_Type || t == g_float64) {
    s->typenum = CNP_FLOAT64;
    s->flags = t == &PyFloat_Type ? CNP_SCALAR_WEAK : 0;
    s->value.f = PyFloat_AS_DOUBLE(o);
    return 1;
  }
  if (t == &PyBool_Type) {
    s->typenum = CNP_BOOL;
    s->value.i = o == Py_True;
    return 1;
  }
  if (t == &PyLong_Type || t == g_int64) {
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
    if (overflow || (v == -1 && PyErr_Occurred())) {
      PyErr_Clear();
      if (t != &PyLong_Type) return 0;
      unsigned long long u = PyLong_AsUnsignedLongLong(o); /* int64 < v <= uint64: a weak uint64 */
      if (u == (unsigned long long)-1 && PyErr_Occurred()) {
        PyErr_Clear();
        return 0; /* beyond uint64: _operands.huge_operand decides */
      }
      s->typenum = CNP_UINT64;
      s->flags = CNP_SCALAR_WEAK;
      s->value.u = u;
      return 1;
    }
    s->typenum = CNP_INT64;
    s->flags = t == &PyLong_Type ? CNP_SCALAR_WEAK : 0;
    s->value.i = v;
    return 1;
  }
  if (t == &PyComplex_Type || t == g_complex128) {
    Py_complex c = ((PyComplexObject*)o)->cval;
    s->typenum = CNP_COMPLEX128;
    s->flags = t == &PyComplex_Type ? CNP_SCALAR_WEAK : 0;
    s->value.c[0] = c.real;
    s->value.c[1] = c.imag;
    return 1;
  }
  return 0;
}

/* 0-d arrays of scalar operands, cached by value (type, flags, bits): the library only reads its
 * inputs, so one array serves every call made under the GIL. Direct-mapped; an evicted entry is
 * freed, but never while a call uses it (`busy`: a library warning handler runs Python code,
 * which may let another thread in during the call); calls that release the GIL make their own
 * arrays, uncached. */
#define CACHE_SIZE 256
typedef struct {
  cnp_scalar key;
  cnp_array* array;
  int busy;
} CacheEntry;
static CacheEntry* g_last_entry; /* the entry scalar_array used last (NULL: none) */
static CacheEntry g_cache[CACHE_SIZE];

static int same_scalar(const cnp_scalar* a, const cnp_scalar* b) {
  return a->typenum == b->typenum && a->flags == b->flags && memcmp(&a->value, &b->value, sizeof(a->value)) == 0;
}

/* The 0-d array of a scalar operand; *owned tells whether the caller frees it. */
static cnp_status scalar_array(cnp_scalar* s, int cached, cnp_array** out, int* owned) {
  if (s->typenum != CNP_COMPLEX128) s->value.c[1] = 0.0; /* the whole union is the cache key */
  if (!cached) {
    *owned = 1;
    return p_cnp_array_from_scalar(s, NULL, out);
  }
  uint64_t bits;
  memcpy(&bits, &s->value, sizeof(bits));
  uint64_t hsh = (bits ^ (bits >> 29) ^ ((uint64_t)s->typenum << 7) ^ (uint64_t)s->flags) * 0x9E3779B97F4A7C15ull;
  CacheEntry* e = &g_cache[hsh >> 56];
  g_last_entry = NULL;
  if (e->array && same_scalar(&e->key, s)) {
    *owned = 0;
    *out = e->array;
    g_last_entry = e;
    return 0;
  }
  cnp_array* a = NULL;
  cnp_status st = p_cnp_array_from_scalar(s, NULL, &a);
  if (st) return st;
  if (e->busy) { /* in use by a call in progress: this one gets its own */
    *owned = 1;
    *out = a;
    return 0;
  }
  g_last_entry = e;
  if (e->array) p_cnp_array_free(e->array);
  e->key = *s;
  e->array = a;
  *owned = 0;
  *out = a;
  return 0;
}

/* The handle of an operand: an exact ndarray, or a scalar (*tmp set when it must be freed);
 * *nd and *n its ndim and size. 0 when the Python path must decide; -1 on error. */
static int operand(PyObject* o, int cached, cnp_array** h, cnp_array** tmp, int32_t* nd, int64_t* n,
                   CacheEntry** entry) {
  *tmp = NULL;
  *entry = NULL;
  if (Py_TYPE(o) == g_ndarray) {
    int m = array_meta((ArrayBase*)o, nd, n);
    if (m <= 0) return m;
    *h = ((ArrayBase*)o)->handle;
    return 1;
  }
  cnp_scalar s;
  if (!scalar_operand(o, &s)) return 0;
  int owned = 0;
  if (scalar_array(&s, cached, h, &owned) != 0) return 0; /* the Python path words any error */
  if (owned) *tmp = *h;
  else *entry = g_last_entry;
  *nd = 0;
  *n = 1;
  return 1;
}

/* An object array (NumPy's type number 17): the library has no loops for it, its ufunc calls
 * are the Python object loops (docs/object-dtype.md). Asked only after a call failed. */
static int is_object_array(PyObject* o) {
  if (!o || Py_TYPE(o) != g_ndarray) return 0;
  cnp_array* h = resolve((ArrayBase*)o);
  if (!h) {
    PyErr_Clear();
    return 0;
  }
  cnp_dtype* d = NULL;
  int32_t num = -1;
  if (p_cnp_array_dtype(h, &d) == 0) p_cnp_dtype_num(d, &num);
  p_cnp_dtype_free(d);
  return num == 17;
}

/* ---- the calls --------------------------------------------------------------------------------- */
/* fn(x, y) (y NULL: unary) with an optional out array; the result (a scalar when 0-d and out is
 * not given, out itself when given), or NULL with *handled 0 when the Python path must decide. */
static PyObject* ufunc_call_mode(void* fn, PyObject* x, PyObject* y, PyObject* out_obj, int soft, int* handled) {
  cnp_array *a, *b = NULL, *ta = NULL, *tb = NULL, *o = NULL;
  int32_t nda, ndb = 0;
  int64_t na, nb = 0;
  *handled = 0;
  if (out_obj) {
    if (Py_TYPE(out_obj) != g_ndarray) return NULL;
    if (!(o = resolve((ArrayBase*)out_obj))) return NULL;
  }
  int big = 0;
  CacheEntry *ea, *eb = NULL;
  int ok = operand(x, 1, &a, &ta, &nda, &na, &ea);
  if (ok <= 0) return NULL;
  if (y) {
    /* A big call (the GIL released) makes its own scalar arrays: the cache is not locked. */
    big = na > BIG_CALL;
    if (ea) ea->busy++; /* y's lookup must not evict x's array */
    ok = operand(y, !big, &b, &tb, &ndb, &nb, &eb);
    if (ea) ea->busy--;
    if (ok <= 0) {
      if (ta) p_cnp_array_free(ta);
      return NULL;
    }
  }
  big = na > BIG_CALL || nb > BIG_CALL;
  if (big && !ta && Py_TYPE(x) != g_ndarray) { /* x's cached scalar array: use a private one */
    cnp_scalar s;
    int owned;
    scalar_operand(x, &s);
    if (scalar_array(&s, 0, &a, &owned) != 0) {
      if (tb) p_cnp_array_free(tb);
      return NULL;
    }
    ta = a;
    ea = NULL;
  }
  *handled = 1;
  if (ea) ea->busy++;
  if (eb) eb->busy++;
  cnp_ufunc_args args = {{o, NULL}, NULL, NULL, CNP_CASTING_SAME_KIND, CNP_ORDER_K};
  cnp_array* r = NULL;
  cnp_status st;
  Py_ssize_t before = PyList_GET_SIZE(g_pending);
  if (big) {
    Py_BEGIN_ALLOW_THREADS
    st = b ? ((binary_fn)fn)(a, b, o ? &args : NULL, &r) : ((unary_fn)fn)(a, o ? &args : NULL, &r);
    Py_END_ALLOW_THREADS
  } else {
    st = b ? ((binary_fn)fn)(a, b, o ? &args : NULL, &r) : ((unary_fn)fn)(a, o ? &args : NULL, &r);
  }
  if (ea) ea->busy--;
  if (eb) eb->busy--;
  if (ta) p_cnp_array_free(ta);
  if (tb) p_cnp_array_free(tb);
  if (st && (soft || is_object_array(x) || is_object_array(y) || is_object_array(out_obj))) {
    /* nothing was written: the Python path repeats the call in its words (or its object loops) */
    drop_pending_after(before);
    *handled = 0;
    return NULL;
  }
  if (st) return raise_status(st);
  if (o) {
    p_cnp_array_free(r); /* a new reference to out itself */
    if (flush_pending() < 0) return NULL;
    Py_INCREF(out_obj);
    return out_obj;
  }
  PyObject* res = wrap_new(r);
  if (!res) return NULL;
  int32_t nd = nda > ndb ? nda : ndb; /* broadcasting: the result has the most axes */
  ((ArrayBase*)res)->ndim1 = 0;
  if (nd) return res;
  return unwrap_result(res);
}

static PyObject* ufunc_call(void* fn, PyObject* x, PyObject* y, PyObject* out_obj, int* handled) {
  return ufunc_call_mode(fn, x, y, out_obj, 0, handled);
}

/* ---- operators ------------------------------------------------------------------------------- */
enum { OP_ADD, OP_SUB, OP_MUL, OP_TRUEDIV, OP_FLOORDIV, OP_MOD, OP_AND, OP_OR, OP_XOR, OP_LSHIFT, OP_RSHIFT, OP_POW,
       NBINARY };
static const char* const BINARY_NAMES[NBINARY] = {"add", "sub", "mul", "truediv", "floordiv", "mod",
                                                  "and", "or", "xor", "lshift", "rshift", "pow"};
static void* g_binary_fn[NBINARY];
static PyObject* g_fwd[NBINARY]; /* the Python __add__, __radd__, __iadd__, ... */
static PyObject* g_ref[NBINARY];
static PyObject* g_inp[NBINARY];
enum { OP_NEG, OP_ABS, OP_INVERT, NUNARY };
static const char* const UNARY_NAMES[NUNARY] = {"neg", "abs", "invert"};
static void* g_unary_fn[NUNARY];
static PyObject* g_unary_py[NUNARY];

static int is_array(PyObject* o) { return g_ndarray && PyObject_TypeCheck(o, g_ndarray); }

/* What Python's own slot did with the Python methods (typeobject.c, SLOT1BINFULL): x.__op__(y)
 * when x is an array, then y.__rop__(x) when that gave NotImplemented and the types differ. */
static PyObject* binary_slow(int op, PyObject* x, PyObject* y) {
  if (!g_fwd[op]) Py_RETURN_NOTIMPLEMENTED;
  if (is_array(x)) {
    PyObject* r = PyObject_CallFunctionObjArgs(g_fwd[op], x, y, NULL);
    if (r != Py_NotImplemented || Py_TYPE(x) == Py_TYPE(y)) return r;
    Py_DECREF(r);
  }
  if (is_array(y)) return PyObject_CallFunctionObjArgs(g_ref[op], y, x, NULL);
  Py_RETURN_NOTIMPLEMENTED;
}

static PyObject* binary(int op, PyObject* x, PyObject* y) {
  if (g_binary_fn[op] && (Py_TYPE(x) == g_ndarray || Py_TYPE(y) == g_ndarray)) {
    int handled;
    PyObject* r = ufunc_call(g_binary_fn[op], x, y, NULL, &handled);
    if (handled || PyErr_Occurred()) return r;
  }
  return binary_slow(op, x, y);
}

static PyObject* inplace(int op, PyObject* x, PyObject* y) {
  if (g_binary_fn[op] && Py_TYPE(x) == g_ndarray) {
    int handled;
    PyObject* r = ufunc_call(g_binary_fn[op], x, y, x, &handled);
    if (handled || PyErr_Occurred()) return r;
  }
  if (!g_inp[op]) Py_RETURN_NOTIMPLEMENTED;
  return PyObject_CallFunctionObjArgs(g_inp[op], x, y, NULL);
}

static PyObject* unary(int op, PyObject* x) {
  if (g_unary_fn[op] && Py_TYPE(x) == g_ndarray) {
    int handled;
    PyObject* r = ufunc_call(g_unary_fn[op], x, NULL, NULL, &handled);
    if (handled || PyErr_Occurred()) return r;
  }
  if (!g_unary_py[op]) return PyErr_Format(PyExc_TypeError, "bad operand type for unary %s", UNARY_NAMES[op]);
  return PyObject_CallOneArg(g_unary_py[op], x);
}

/* ** : the Python __pow__/__ipow__'s exponent shortcuts (NumPy's fast_scalar_power) first: a
 * Python int/float exponent 2, -1 or 0.5 on a float/complex array is square, reciprocal or
 * sqrt; in place, 2 squares any array. Then power() like the other operators. The calls
 * fall back on any library error (the Python path words it). */
enum { POW_SQUARE, POW_RECIPROCAL, POW_SQRT, NPOW_UNARY };
static const char* const POW_UNARY_NAMES[NPOW_UNARY] = {"square", "reciprocal", "sqrt"};
static void* g_pow_unary[NPOW_UNARY];

/* The shortcut for exponent e on array x (-1: none, -2: error with an exception). */
static int pow_shortcut(PyObject* x, PyObject* e, int inplace) {
  PyTypeObject* t = Py_TYPE(e);
  double v;
  if (t == &PyFloat_Type) {
    v = PyFloat_AS_DOUBLE(e);
  } else if (t == &PyLong_Type) {
    int overflow = 0;
    long long i = PyLong_AsLongLongAndOverflow(e, &overflow);
    if (overflow || (i == -1 && PyErr_Occurred())) {
      PyErr_Clear();
      return -1;
    }
    v = (double)i;
    if (i != 2 && i != -1) return -1;
  } else {
    return -1;
  }
  if (v != 2.0 && v != -1.0 && v != 0.5) return -1;
  int tn = array_typenum((ArrayBase*)x);
  if (tn == -2) return -2;
  if (tn < 0) return -3; /* another dtype: the Python path decides */
  char k = typenum_kind(tn);
  if (v == 2.0) return inplace || k == 'f' || k == 'c' ? POW_SQUARE : -1;
  if (k != 'f' && k != 'c') return -1;
  return v == -1.0 ? POW_RECIPROCAL : POW_SQRT;
}

static PyObject* nb_pow(PyObject* x, PyObject* y, PyObject* z) {
  if (z != Py_None) { /* pow(a, b, m): what Python's slot does, the 3-argument __pow__ */
    if (g_fwd[OP_POW] && is_array(x)) return PyObject_CallFunctionObjArgs(g_fwd[OP_POW], x, y, z, NULL);
    Py_RETURN_NOTIMPLEMENTED;
  }
  if (g_binary_fn[OP_POW] && Py_TYPE(x) == g_ndarray) {
    int k = pow_shortcut(x, y, 0), handled = 0;
    if (k == -2) return NULL;
    PyObject* r = NULL;
    if (k >= 0 && g_pow_unary[k]) r = ufunc_call_mode(g_pow_unary[k], x, NULL, NULL, 1, &handled);
    else if (k == -1) r = ufunc_call_mode(g_binary_fn[OP_POW], x, y, NULL, 1, &handled);
    if (handled || PyErr_Occurred()) return r;
  } else if (g_binary_fn[OP_POW] && Py_TYPE(y) == g_ndarray) {
    int handled = 0;
    PyObject* r = ufunc_call_mode(g_binary_fn[OP_POW], x, y, NULL, 1, &handled);
    if (handled || PyErr_Occurred()) return r;
  }
  return binary_slow(OP_POW, x, y);
}

static PyObject* nb_ipow(PyObject* x, PyObject* y, PyObject* z) {
  (void)z; /* x **= y: Python passes None */
  if (g_binary_fn[OP_POW] && Py_TYPE(x) == g_ndarray) {
    int k = pow_shortcut(x, y, 1), handled = 0;
    if (k == -2) return NULL;
    PyObject* r = NULL;
    if (k >= 0 && g_pow_unary[k]) r = ufunc_call_mode(g_pow_unary[k], x, NULL, x, 1, &handled);
    else if (k == -1) r = ufunc_call_mode(g_binary_fn[OP_POW], x, y, x, 1, &handled);
    if (handled || PyErr_Occurred()) return r;
  }
  if (!g_inp[OP_POW]) Py_RETURN_NOTIMPLEMENTED;
  return PyObject_CallFunctionObjArgs(g_inp[OP_POW], x, y, NULL);
}

/* Comparisons: arrays of builtin (number) dtypes with such arrays or Python/cnumpy numbers
 * take the comparison ufunc; strings, records, datetimes and any failure take the Python
 * __eq__ ... (NumPy's deferrals, FutureWarnings and cnp_equal_any live there). */
static void* g_compare_fn[6]; /* by Py_LT, Py_LE, Py_EQ, Py_NE, Py_GT, Py_GE */
static PyObject* g_compare_py[6];
static const char* const COMPARE_NAMES[6] = {"lt", "le", "eq", "ne", "gt", "ge"};

/* 1 when o is an array of a builtin dtype or a number scalar_operand takes; -1 on error. */
static int number_operand(PyObject* o) {
  if (Py_TYPE(o) == g_ndarray) {
    int t = array_typenum((ArrayBase*)o);
    return t >= 0 ? 1 : t == -2 ? -1 : 0;
  }
  cnp_scalar s;
  return scalar_operand(o, &s);
}

PyObject* ArrayBase_richcompare(PyObject* x, PyObject* y, int op) {
  if (op >= 0 && op < 6 && g_compare_fn[op] && Py_TYPE(x) == g_ndarray) {
    int ok = number_operand(x);
    if (ok > 0) ok = number_operand(y);
    if (ok < 0) return NULL;
    if (ok) {
      int handled = 0;
      PyObject* r = ufunc_call_mode(g_compare_fn[op], x, y, NULL, 1, &handled);
      if (handled || PyErr_Occurred()) return r;
    }
  }
  if (op < 0 || op >= 6 || !g_compare_py[op]) Py_RETURN_NOTIMPLEMENTED;
  return PyObject_CallFunctionObjArgs(g_compare_py[op], x, y, NULL);
}

#define BINARY_SLOTS(NAME, OP)                                                          \
  static PyObject* nb_##NAME(PyObject* x, PyObject* y) { return binary(OP, x, y); }      \
  static PyObject* nb_i##NAME(PyObject* x, PyObject* y) { return inplace(OP, x, y); }
BINARY_SLOTS(add, OP_ADD)
BINARY_SLOTS(sub, OP_SUB)
BINARY_SLOTS(mul, OP_MUL)
BINARY_SLOTS(truediv, OP_TRUEDIV)
BINARY_SLOTS(floordiv, OP_FLOORDIV)
BINARY_SLOTS(mod, OP_MOD)
BINARY_SLOTS(and, OP_AND)
BINARY_SLOTS(or, OP_OR)
BINARY_SLOTS(xor, OP_XOR)
BINARY_SLOTS(lshift, OP_LSHIFT)
BINARY_SLOTS(rshift, OP_RSHIFT)
static PyObject* nb_neg(PyObject* x) { return unary(OP_NEG, x); }
static PyObject* nb_abs(PyObject* x) { return unary(OP_ABS, x); }
static PyObject* nb_invert(PyObject* x) { return unary(OP_INVERT, x); }
PyObject* ArrayBase_float(PyObject* self);
PyObject* ArrayBase_int(PyObject* self);

PyNumberMethods ArrayBase_as_number = {
    .nb_add = nb_add, .nb_subtract = nb_sub, .nb_multiply = nb_mul, .nb_remainder = nb_mod,
    .nb_negative = nb_neg, .nb_absolute = nb_abs, .nb_invert = nb_invert,
    .nb_lshift = nb_lshift, .nb_rshift = nb_rshift, .nb_and = nb_and, .nb_xor = nb_xor, .nb_or = nb_or,
    .nb_int = ArrayBase_int, .nb_float = ArrayBase_float,
    .nb_inplace_add = nb_iadd, .nb_inplace_subtract = nb_isub, .nb_inplace_multiply = nb_imul,
    .nb_inplace_remainder = nb_imod, .nb_inplace_lshift = nb_ilshift, .nb_inplace_rshift = nb_irshift,
    .nb_inplace_and = nb_iand, .nb_inplace_xor = nb_ixor, .nb_inplace_or = nb_ior,
    .nb_floor_divide = nb_floordiv, .nb_true_divide = nb_truediv, .nb_power = nb_pow, .nb_inplace_power = nb_ipow,
    .nb_inplace_floor_divide = nb_ifloordiv, .nb_inplace_true_divide = nb_itruediv,
};

/* ---- ufunc objects ---------------------------------------------------------------------------- */
/* The base of cnumpy.ufunc: ufunc(x[, y][, out]) and ufunc(x[, y], out=o) for one-output
 * ufuncs, bound on first call to the library function named by the object's _cname (glue's
 * `address` gives its address, None when the library lacks it). */
typedef struct {
  PyObject_HEAD
  void* fn;
  int nin;
  int state; /* 0: not looked at yet, 1: bound, -1: always the Python path */
} UfuncBase;

static PyObject* g_address; /* name -> library address or None */
static PyObject* s_out;     /* "out" */

static int bind_ufunc(UfuncBase* self) {
  self->state = -1;
  PyObject *name = NULL, *nin = NULL, *nout = NULL, *addr = NULL;
  if (!g_address || !(name = PyObject_GetAttrString((PyObject*)self, "_cname")) ||
      !(nin = PyObject_GetAttrString((PyObject*)self, "nin")) ||
      !(nout = PyObject_GetAttrString((PyObject*)self, "nout")) || !(addr = PyObject_CallOneArg(g_address, name)))
    goto done;
  long i = PyLong_AsLong(nin), o = PyLong_AsLong(nout);
  if (addr != Py_None && o == 1 && (i == 1 || i == 2)) {
    void* p = PyLong_AsVoidPtr(addr);
    if (p) {
      self->fn = p;
      self->nin = (int)i;
      self->state = 1;
    }
  }
done:
  Py_XDECREF(name);
  Py_XDECREF(nin);
  Py_XDECREF(nout);
  Py_XDECREF(addr);
  PyErr_Clear(); /* an object the fast path cannot bind takes the Python path */
  return self->state;
}

static PyObject* ufunc_slow(PyObject* self, PyObject* args, PyObject* kwargs) {
  PyObject* f = fallback("ufunc.__call__");
  if (!f) return NULL;
  Py_ssize_t n = PyTuple_GET_SIZE(args);
  PyObject* full = PyTuple_New(n + 1);
  if (!full) return NULL;
  Py_INCREF(self);
  PyTuple_SET_ITEM(full, 0, self);
  for (Py_ssize_t i = 0; i < n; ++i) {
    Py_INCREF(PyTuple_GET_ITEM(args, i));
    PyTuple_SET_ITEM(full, i + 1, PyTuple_GET_ITEM(args, i));
  }
  PyObject* r = PyObject_Call(f, full, kwargs);
  Py_DECREF(full);
  return r;
}

static PyObject* UfuncBase_call(PyObject* obj, PyObject* args, PyObject* kwargs) {
  UfuncBase* self = (UfuncBase*)obj;
  if (!g_ndarray || (self->state == 0 && bind_ufunc(self) < 0) || self->state < 0) return ufunc_slow(obj, args, kwargs);
  Py_ssize_t n = PyTuple_GET_SIZE(args);
  PyObject* out = NULL;
  if (kwargs && PyDict_GET_SIZE(kwargs)) {
    if (PyDict_GET_SIZE(kwargs) != 1 || n != self->nin || !(out = PyDict_GetItemWithError(kwargs, s_out)))
      return PyErr_Occurred() ? NULL : ufunc_slow(obj, args, kwargs);
    if (out == Py_None) out = NULL;
  } else if (n == self->nin + 1) {
    out = PyTuple_GET_ITEM(args, self->nin);
    if (out == Py_None) out = NULL;
  } else if (n != self->nin) {
    return ufunc_slow(obj, args, kwargs);
  }
  int handled;
  PyObject* r = ufunc_call(self->fn, PyTuple_GET_ITEM(args, 0), self->nin == 2 ? PyTuple_GET_ITEM(args, 1) : NULL, out, &handled);
  if (handled || PyErr_Occurred()) return r;
  return ufunc_slow(obj, args, kwargs);
}

PyTypeObject UfuncBase_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "cnumpy._speedups.UfuncBase",
    .tp_basicsize = sizeof(UfuncBase),
    .tp_call = UfuncBase_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Base of cnumpy.ufunc: the C fast path of its calls (cnumpy._speedups).",
};

/* ---- install --------------------------------------------------------------------------------- */
static PyObject* borrowed_fallback(const char* name) {
  PyObject* f = PyDict_GetItemString(g_fallbacks, name);
  Py_XINCREF(f);
  return f;
}

/* *slot = the library's address of the function that names[short_name] names (NULL when the
 * operator has no entry or the library lacks the function); -1 with an exception on failure. */
static int library_address(PyObject* addr, PyObject* names, const char* short_name, void** slot) {
  *slot = NULL;
  PyObject* fname = PyDict_GetItemString(names, short_name);
  if (!fname) return 0;
  PyObject* a = PyObject_CallOneArg(addr, fname);
  if (!a) return -1;
  if (a != Py_None) *slot = PyLong_AsVoidPtr(a);
  Py_DECREF(a);
  return PyErr_Occurred() ? -1 : 0;
}

/* glue: address (name -> address or None), ufunc_names ({"add": "cnp_add", ...} for the
 * operators' ufuncs), float64/int64/complex128 (the scalar classes). */
int ops_install(PyObject* glue) {
  PyObject* addr = PyDict_GetItemString(glue, "address");
  PyObject* names = PyDict_GetItemString(glue, "operator_functions");
  if (!addr || !names || !PyDict_Check(names)) {
    PyErr_SetString(PyExc_KeyError, "cnumpy._speedups.install: no address/operator_functions");
    return -1;
  }
  Py_INCREF(addr);
  Py_XSETREF(g_address, addr);
  if (!s_out && !(s_out = PyUnicode_InternFromString("out"))) return -1;
  const char* scalar_names[] = {"float64", "int64", "complex128"};
  PyTypeObject** scalar_slots[] = {&g_float64, &g_int64, &g_complex128};
  for (int i = 0; i < 3; ++i) {
    PyObject* t = PyDict_GetItemString(glue, scalar_names[i]);
    if (!t || !PyType_Check(t)) {
      PyErr_Format(PyExc_KeyError, "cnumpy._speedups.install: no %s", scalar_names[i]);
      return -1;
    }
    Py_INCREF(t);
    Py_XSETREF(*scalar_slots[i], (PyTypeObject*)t);
  }
  for (int k = 0; k < NBINARY + NUNARY; ++k) {
    const char* short_name = k < NBINARY ? BINARY_NAMES[k] : UNARY_NAMES[k - NBINARY];
    void** slot = k < NBINARY ? &g_binary_fn[k] : &g_unary_fn[k - NBINARY];
    if (library_address(addr, names, short_name, slot) < 0) return -1;
    char buf[32];
    if (k < NBINARY) {
      snprintf(buf, sizeof buf, "__%s__", short_name);
      Py_XSETREF(g_fwd[k], borrowed_fallback(buf));
      snprintf(buf, sizeof buf, "__r%s__", short_name);
      Py_XSETREF(g_ref[k], borrowed_fallback(buf));
      snprintf(buf, sizeof buf, "__i%s__", short_name);
      Py_XSETREF(g_inp[k], borrowed_fallback(buf));
      if (!g_fwd[k] || !g_ref[k] || !g_inp[k]) *slot = NULL;
    } else {
      snprintf(buf, sizeof buf, "__%s__", short_name);
      Py_XSETREF(g_unary_py[k - NBINARY], borrowed_fallback(buf));
      if (!g_unary_py[k - NBINARY]) *slot = NULL;
    }
  }
  for (int k = 0; k < NPOW_UNARY + 6; ++k) {
    const char* short_name = k < NPOW_UNARY ? POW_UNARY_NAMES[k] : COMPARE_NAMES[k - NPOW_UNARY];
    void** slot = k < NPOW_UNARY ? &g_pow_unary[k] : &g_compare_fn[k - NPOW_UNARY];
    if (library_address(addr, names, short_name, slot) < 0) return -1;
    if (k >= NPOW_UNARY) {
      char buf[32];
      snprintf(buf, sizeof buf, "__%s__", short_name);
      Py_XSETREF(g_compare_py[k - NPOW_UNARY], borrowed_fallback(buf));
      if (!g_compare_py[k - NPOW_UNARY]) *slot = NULL;
    }
  }
  /* Cached 0-d arrays were made by the previous library, if any. */
  memset(g_cache, 0, sizeof(g_cache));
  return 0;
}
