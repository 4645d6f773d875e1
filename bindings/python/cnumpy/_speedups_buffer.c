/* cnumpy._speedups: the buffer protocol of cnumpy.ndarray (see _speedups.h).
 *
 * memoryview(a), bytes(a), array.array(...).frombytes(a), struct.unpack_from(fmt, a), ctypes'
 * from_buffer: the array's memory as it is (shape, strides, read-only flag), with the struct
 * format NumPy exports for the dtype (glue's buffer_format, _interop.buffer_format: 'd', 'Zd',
 * '>i', '5s', '3w', 'T{...}', ValueError for datetimes as NumPy). A consumer asking for a
 * contiguous or writable buffer that the array cannot give gets NumPy's ValueError. The exported buffer holds its own library view of the array: the memory stays valid
 * even if the array object is given another handle (resize, shape assignment) meanwhile. */
#include "_speedups.h"

#include <string.h>

static PyObject* g_buffer_format; /* array -> its struct format (str) */

typedef struct {
  cnp_array* view; /* keeps the memory alive while the buffer is exported */
  Py_ssize_t dims[];  /* shape, then strides, then the format's bytes */
} BufferBlock;

/* NumPy raises ValueError for a buffer it cannot give (array_getbuffer). */
static int fail(const char* msg) {
  PyErr_SetString(PyExc_ValueError, msg);
  return -1;
}

static int ArrayBase_getbuffer(PyObject* obj, Py_buffer* view, int flags) {
  view->obj = NULL;
  if (!g_ndarray || !g_buffer_format) return fail("cnumpy arrays export buffers only once the package is loaded");
  cnp_array* h = resolve((ArrayBase*)obj);
  if (!h) return PyErr_Occurred() ? -1 : fail("the array has no memory");
  int32_t nd = 0, aflags = 0;
  const int64_t *shape = NULL, *strides = NULL;
  void* data = NULL;
  int64_t itemsize = 0;
  cnp_status st;
  if ((st = p_cnp_array_ndim(h, &nd)) || (st = p_cnp_array_shape(h, &shape)) || (st = p_cnp_array_strides(h, &strides)) ||
      (st = p_cnp_array_data(h, &data)) || (st = p_cnp_array_flags(h, &aflags)) ||
      (st = p_cnp_array_itemsize(h, &itemsize))) {
    raise_status(st);
    return -1;
  }
  int writeable = (aflags & CNP_FLAG_WRITEABLE) != 0;
  int c_contig = (aflags & CNP_FLAG_C_CONTIGUOUS) != 0, f_contig = (aflags & CNP_FLAG_F_CONTIGUOUS) != 0;
  if ((flags & PyBUF_WRITABLE) == PyBUF_WRITABLE && !writeable) return fail("buffer source array is read-only");
  if ((flags & PyBUF_C_CONTIGUOUS) == PyBUF_C_CONTIGUOUS && !c_contig) return fail("ndarray is not C-contiguous");
  if ((flags & PyBUF_F_CONTIGUOUS) == PyBUF_F_CONTIGUOUS && !f_contig) return fail("ndarray is not Fortran contiguous");
  if ((flags & PyBUF_ANY_CONTIGUOUS) == PyBUF_ANY_CONTIGUOUS && !c_contig && !f_contig)
    return fail("ndarray is not contiguous");
  if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES && !c_contig) return fail("ndarray is not C-contiguous");
  PyObject* fmt = PyObject_CallOneArg(g_buffer_format, obj);
  if (!fmt) return -1;
  Py_ssize_t flen = 0;
  const char* f = PyUnicode_AsUTF8AndSize(fmt, &flen);
  if (!f) {
    Py_DECREF(fmt);
    return -1;
  }
  BufferBlock* b = PyMem_Malloc(sizeof(BufferBlock) + sizeof(Py_ssize_t) * 2 * (size_t)nd + (size_t)flen + 1);
  if (!b) {
    Py_DECREF(fmt);
    PyErr_NoMemory();
    return -1;
  }
  char* fcopy = (char*)(b->dims + 2 * nd);
  memcpy(fcopy, f, (size_t)flen + 1);
  Py_DECREF(fmt);
  b->view = NULL;
  if ((st = p_cnp_array_index(h, 0, NULL, &b->view))) {
    PyMem_Free(b);
    raise_status(st);
    return -1;
  }
  Py_ssize_t size = 1;
  for (int32_t i = 0; i < nd; ++i) {
    b->dims[i] = (Py_ssize_t)shape[i];
    b->dims[nd + i] = (Py_ssize_t)strides[i];
    size *= (Py_ssize_t)shape[i];
  }
  view->buf = data;
  view->obj = obj;
  Py_INCREF(obj);
  view->len = size * (Py_ssize_t)itemsize;
  view->itemsize = (Py_ssize_t)itemsize;
  view->readonly = !writeable;
  view->ndim = nd;
  view->format = (flags & PyBUF_FORMAT) == PyBUF_FORMAT ? fcopy : NULL;
  view->shape = (flags & PyBUF_ND) == PyBUF_ND ? b->dims : NULL;
  view->strides = (flags & PyBUF_STRIDES) == PyBUF_STRIDES ? b->dims + nd : NULL;
  view->suboffsets = NULL;
  view->internal = b;
  return 0;
}

static void ArrayBase_releasebuffer(PyObject* obj, Py_buffer* view) {
  (void)obj;
  BufferBlock* b = view->internal;
  if (b) {
    if (b->view) p_cnp_array_free(b->view);
    PyMem_Free(b);
    view->internal = NULL;
  }
}

PyBufferProcs ArrayBase_as_buffer = {ArrayBase_getbuffer, ArrayBase_releasebuffer};

int buffer_install(PyObject* glue) {
  PyObject* f = PyDict_GetItemString(glue, "buffer_format");
  if (!f) {
    PyErr_SetString(PyExc_KeyError, "cnumpy._speedups.install: no buffer_format");
    return -1;
  }
  Py_INCREF(f);
  Py_XSETREF(g_buffer_format, f);
  return 0;
}
