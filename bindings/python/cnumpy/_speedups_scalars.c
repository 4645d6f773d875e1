/* cnumpy._speedups: the arithmetic and comparisons of the float64 and int64 scalar classes.
 *
 * The scalar classes stay Python classes (float64 subclasses float, int64 int; the other types
 * and Python-level subclasses such as datetime64 are untouched). _operators gives float64 and
 * int64 Python "exact" fast paths: Python's own IEEE/integer arithmetic when the result is
 * certainly what the ufunc gives (a finite normal float result, an int64 result, a non-zero
 * divisor; comparisons with the same type or the Python type they subclass). A ScalarOp is that
 * same rule in C, stored in the class as __add__, __rmul__, __lt__, ...: Python's slot wrappers
 * call it without a Python frame (Py_TPFLAGS_METHOD_DESCRIPTOR: no bound method is made), and
 * every other case is handed to the Python function it replaces (`slow`), so results, warnings
 * and exceptions are the Python path's. */
#include "_speedups.h"

#include <float.h>
#include <limits.h>
#include <string.h>
#include <structmember.h>

enum { S_ADD, S_SUB, S_MUL, S_TRUEDIV, S_FLOORDIV, S_MOD, S_EQ, S_NE, S_LT, S_LE, S_GT, S_GE, S_N };
static const char* const S_NAMES[S_N] = {"add", "sub", "mul", "truediv", "floordiv", "mod",
                                         "eq", "ne", "lt", "le", "gt", "ge"};

static PyTypeObject* s_float64; /* set by scalars_install: until then every call is `slow`'s */
static PyTypeObject* s_int64;
static PyObject* s_true;
static PyObject* s_false;

typedef struct {
  PyObject_HEAD
  vectorcallfunc vectorcall;
  int kind; /* 'f' float64, 'i' int64 */
  int op;
  int reflected;
  PyObject* slow; /* the Python implementation */
} ScalarOp;

static PyObject* new_float64(double v) {
  PyObject* o = s_float64->tp_alloc(s_float64, 0); /* what float.__new__(float64, v) does */
  if (o) ((PyFloatObject*)o)->ob_fval = v;
  return o;
}

static PyObject* new_int64(long long v) {
  PyObject* tmp = PyLong_FromLongLong(v);
  if (!tmp) return NULL;
#if PY_VERSION_HEX < 0x030C0000
  /* What int.__new__(int64, v) does on 3.11 (long_subtype_new), without its argument tuple. */
  Py_ssize_t n = Py_SIZE(tmp) < 0 ? -Py_SIZE(tmp) : Py_SIZE(tmp);
  PyLongObject* o = (PyLongObject*)s_int64->tp_alloc(s_int64, n ? n : 1);
  if (o) {
    Py_SET_SIZE(o, Py_SIZE(tmp));
    for (Py_ssize_t i = 0; i < (n ? n : 1); ++i) o->ob_digit[i] = ((PyLongObject*)tmp)->ob_digit[i];
  }
  Py_DECREF(tmp);
  return (PyObject*)o;
#else
  PyObject* args = PyTuple_Pack(1, tmp);
  Py_DECREF(tmp);
  if (!args) return NULL;
  PyObject* o = PyLong_Type.tp_new(s_int64, args, NULL); /* int.__new__(int64, v) */
  Py_DECREF(args);
  return o;
#endif
}

static PyObject* truth(int c) {
  PyObject* r = c ? s_true : s_false;
  Py_INCREF(r);
  return r;
}

static int compare_doubles(int op, double a, double b) {
  switch (op) {
    case S_EQ: return a == b;
    case S_NE: return a != b;
    case S_LT: return a < b;
    case S_LE: return a <= b;
    case S_GT: return a > b;
    default: return a >= b;
  }
}

/* float64 op float/float64 (x is self, y the other operand, already swapped when reflected):
 * NULL without an exception when `slow` must decide. */
static PyObject* float64_op(int op, PyObject* self, PyObject* other, int reflected) {
  PyTypeObject* t = Py_TYPE(other);
  if ((t != &PyFloat_Type && t != s_float64) || !PyFloat_Check(self)) return NULL;
  double a = PyFloat_AS_DOUBLE(self), b = PyFloat_AS_DOUBLE(other);
  if (op >= S_EQ) return truth(compare_doubles(op, a, b));
  if (reflected) {
    double c = a;
    a = b;
    b = c;
  }
  double r;
  switch (op) {
    case S_ADD: r = a + b; break;
    case S_SUB: r = a - b; break;
    case S_MUL: r = a * b; break;
    case S_TRUEDIV:
      if (b == 0.0) return NULL;
      r = a / b;
      break;
    default: return NULL;
  }
  /* A finite normal result carries no floating-point flag the ufunc would report. */
  if (!(r > DBL_MIN || r < -DBL_MIN) || r - r != 0.0) return NULL;
  return new_float64(r);
}

/* int64 op int/int64 when the operands and the result fit int64; NULL otherwise. */
static PyObject* int64_op(int op, PyObject* self, PyObject* other, int reflected) {
  PyTypeObject* t = Py_TYPE(other);
  if ((t != &PyLong_Type && t != s_int64) || !PyLong_Check(self)) return NULL;
  if (op >= S_EQ) { /* exact comparison of Python ints (any size), as the Python path does */
    PyObject* r = PyLong_Type.tp_richcompare(self, other, op == S_EQ ? Py_EQ : op == S_NE ? Py_NE : op == S_LT ? Py_LT
                                                                          : op == S_LE ? Py_LE : op == S_GT ? Py_GT : Py_GE);
    if (!r) return NULL;
    int c = r == Py_True;
    Py_DECREF(r);
    return truth(c);
  }
  int oa = 0, ob = 0;
  long long a = PyLong_AsLongLongAndOverflow(self, &oa), b = PyLong_AsLongLongAndOverflow(other, &ob);
  if (oa || ob || PyErr_Occurred()) {
    PyErr_Clear();
    return NULL;
  }
  if (reflected) {
    long long c = a;
    a = b;
    b = c;
  }
  long long r;
  switch (op) {
    case S_ADD:
      if (__builtin_add_overflow(a, b, &r)) return NULL;
      break;
    case S_SUB:
      if (__builtin_sub_overflow(a, b, &r)) return NULL;
      break;
    case S_MUL:
      if (__builtin_mul_overflow(a, b, &r)) return NULL;
      break;
    case S_FLOORDIV: /* Python's floor rules; INT64_MIN // -1 does not fit */
      if (b == 0 || (b == -1 && a == LLONG_MIN)) return NULL;
      r = a / b;
      if (a % b != 0 && ((a < 0) != (b < 0))) --r;
      break;
    case S_MOD:
      if (b == 0) return NULL;
      if (b == -1) {
        r = 0;
        break;
      }
      r = a % b;
      if (r != 0 && ((r < 0) != (b < 0))) r += b;
      break;
    default: return NULL;
  }
  return new_int64(r);
}

static PyObject* ScalarOp_vectorcall(PyObject* obj, PyObject* const* args, size_t nargsf, PyObject* kwnames) {
  ScalarOp* self = (ScalarOp*)obj;
  if (PyVectorcall_NARGS(nargsf) == 2 && !kwnames && s_float64) {
    PyObject* r = self->kind == 'f' ? float64_op(self->op, args[0], args[1], self->reflected)
                                    : int64_op(self->op, args[0], args[1], self->reflected);
    if (r || PyErr_Occurred()) return r;
  }
  return PyObject_Vectorcall(self->slow, args, nargsf, kwnames);
}

/* float64's and int64's tp_richcompare: the class slot Python made for their __eq__ ... is
 * slot_tp_richcompare, which looks the method up and calls it (a ScalarOp); comparisons are
 * frequent enough (sorting, hashing, loops) that the exact cases are answered in the slot
 * itself, and everything else goes to the slot Python made. Only the classes themselves get
 * this slot (a subclass gets Python's own), and setting __eq__ & co. on them again restores
 * Python's. */
static richcmpfunc s_python_richcompare[2]; /* float64's, int64's */
static const int S_OF_PY[6] = {S_LT, S_LE, S_EQ, S_NE, S_GT, S_GE}; /* by Py_LT ... Py_GE */

static PyObject* float64_richcompare(PyObject* self, PyObject* other, int op) {
  if (Py_TYPE(self) == s_float64 && op >= 0 && op < 6) {
    PyObject* r = float64_op(S_OF_PY[op], self, other, 0);
    if (r || PyErr_Occurred()) return r;
  }
  return s_python_richcompare[0](self, other, op);
}

static PyObject* int64_richcompare(PyObject* self, PyObject* other, int op) {
  if (Py_TYPE(self) == s_int64 && op >= 0 && op < 6) {
    PyObject* r = int64_op(S_OF_PY[op], self, other, 0);
    if (r || PyErr_Occurred()) return r;
  }
  return s_python_richcompare[1](self, other, op);
}

static PyObject* ScalarOp_new(PyTypeObject* type, PyObject* args, PyObject* kwargs) {
  const char *kind, *name;
  int reflected;
  PyObject* slow;
  static char* keywords[] = {"kind", "name", "reflected", "slow", NULL};
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "sspO:ScalarOp", keywords, &kind, &name, &reflected, &slow))
    return NULL;
  int op = 0;
  while (op < S_N && strcmp(S_NAMES[op], name) != 0) ++op;
  int k = strcmp(kind, "float64") == 0 ? 'f' : strcmp(kind, "int64") == 0 ? 'i' : 0;
  if (op == S_N || !k || (k == 'f' && (op == S_FLOORDIV || op == S_MOD)) || (k == 'i' && op == S_TRUEDIV) ||
      (reflected && op >= S_EQ))
    return PyErr_Format(PyExc_ValueError, "cnumpy._speedups.ScalarOp: no fast path for %s %s", kind, name);
  ScalarOp* self = (ScalarOp*)type->tp_alloc(type, 0);
  if (!self) return NULL;
  self->vectorcall = ScalarOp_vectorcall;
  self->kind = k;
  self->op = op;
  self->reflected = reflected;
  Py_INCREF(slow);
  self->slow = slow;
  return (PyObject*)self;
}

static void ScalarOp_dealloc(ScalarOp* self) {
  PyObject_GC_UnTrack(self);
  Py_CLEAR(self->slow);
  Py_TYPE(self)->tp_free((PyObject*)self);
}

static int ScalarOp_traverse(ScalarOp* self, visitproc visit, void* arg) {
  Py_VISIT(self->slow);
  return 0;
}

static int ScalarOp_clear(ScalarOp* self) {
  Py_CLEAR(self->slow);
  return 0;
}

/* Looked up on an instance it is a bound method, as the Python function was. */
static PyObject* ScalarOp_get(PyObject* self, PyObject* obj, PyObject* type) {
  (void)type;
  if (!obj || obj == Py_None) {
    Py_INCREF(self);
    return self;
  }
  return PyMethod_New(self, obj);
}

/* __name__, __qualname__, __doc__, __module__ ... are the Python function's. */
static PyObject* ScalarOp_getattro(PyObject* self, PyObject* name) {
  PyObject* r = PyObject_GenericGetAttr(self, name);
  if (r || !PyErr_ExceptionMatches(PyExc_AttributeError)) return r;
  PyErr_Clear();
  return PyObject_GetAttr(((ScalarOp*)self)->slow, name);
}

static PyObject* ScalarOp_repr(PyObject* self) { return PyObject_Repr(((ScalarOp*)self)->slow); }

static PyObject* ScalarOp_doc(PyObject* self, void* c) {
  (void)c;
  return PyObject_GetAttrString(((ScalarOp*)self)->slow, "__doc__");
}

static PyGetSetDef ScalarOp_getset[] = {
    {"__doc__", ScalarOp_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef ScalarOp_members[] = {
    {"__wrapped__", T_OBJECT, offsetof(ScalarOp, slow), READONLY, "the Python implementation"},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject ScalarOp_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "cnumpy._speedups.ScalarOp",
    .tp_basicsize = sizeof(ScalarOp),
    .tp_dealloc = (destructor)ScalarOp_dealloc,
    .tp_vectorcall_offset = offsetof(ScalarOp, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_getattro = ScalarOp_getattro,
    .tp_repr = ScalarOp_repr,
    .tp_descr_get = ScalarOp_get,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)ScalarOp_traverse,
    .tp_clear = (inquiry)ScalarOp_clear,
    .tp_doc = "ScalarOp(kind, name, reflected, slow): a float64/int64 operator with a C fast path "
              "(cnumpy._speedups); __wrapped__ is the Python one.",
    .tp_members = ScalarOp_members,
    .tp_getset = ScalarOp_getset,
    .tp_new = ScalarOp_new,
};

/* glue: float64, int64 (the classes), true/false (cnumpy.True_/False_). */
int scalars_install(PyObject* glue) {
  PyObject* f = PyDict_GetItemString(glue, "float64");
  PyObject* i = PyDict_GetItemString(glue, "int64");
  PyObject* t = PyDict_GetItemString(glue, "true");
  PyObject* n = PyDict_GetItemString(glue, "false");
  if (!f || !i || !t || !n || !PyType_Check(f) || !PyType_Check(i) ||
      !PyType_IsSubtype((PyTypeObject*)f, &PyFloat_Type) || !PyType_IsSubtype((PyTypeObject*)i, &PyLong_Type)) {
    PyErr_SetString(PyExc_KeyError, "cnumpy._speedups.install: no float64/int64/true/false");
    return -1;
  }
  Py_INCREF(t);
  Py_XSETREF(s_true, t);
  Py_INCREF(n);
  Py_XSETREF(s_false, n);
  Py_INCREF(i);
  Py_XSETREF(s_int64, (PyTypeObject*)i);
  Py_INCREF(f);
  Py_XSETREF(s_float64, (PyTypeObject*)f); /* the fast paths are on from here */
  /* The comparison slots, when they are the ones Python made for ScalarOp methods. */
  PyTypeObject* types[2] = {(PyTypeObject*)f, (PyTypeObject*)i};
  richcmpfunc mine[2] = {float64_richcompare, int64_richcompare};
  for (int k = 0; k < 2; ++k) {
    PyObject* eq = PyDict_GetItemString(types[k]->tp_dict, "__eq__");
    richcmpfunc cur = types[k]->tp_richcompare;
    if (!(types[k]->tp_flags & Py_TPFLAGS_HEAPTYPE) || !eq || Py_TYPE(eq) != &ScalarOp_Type || !cur || cur == mine[k])
      continue;
    s_python_richcompare[k] = cur;
    types[k]->tp_richcompare = mine[k];
  }
  return 0;
}
