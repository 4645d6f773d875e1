"""Pickling of cnumpy arrays (ndarray.__reduce__/__reduce_ex__, dump, dumps).

An array pickles as a call of one of the two functions below with (data, dtype, shape, order):
the dtype object itself (it pickles as dtype(str or descr), so byte order, strings, datetimes,
records and subarrays travel), the shape, and 'F' for an array that is Fortran- but not
C-contiguous (so a loaded array keeps its order, as NumPy's pickles do), else 'C'.

  * protocol 5 (what dask.distributed and multiprocessing use): the data is a
    pickle.PickleBuffer over the array's own memory, so a pickler with a buffer_callback sends
    it out of band without a copy, and `from_buffer` wraps the buffer it is given back without
    copying either (a loaded array then shares the receiver's buffer, writeable when that
    buffer is). A non-contiguous array is copied once into C order first.
  * protocols 0-4: the data is the bytes of the elements; `from_bytes` copies them into a new
    writeable array, as NumPy's __setstate__ does.

Loading needs cnumpy, never NumPy: a pickle made here names cnumpy's functions only.
"""
import ctypes
import os
import pickle

from . import _args, _backend, _wrapmem
from ._capi import produce, wrap
from ._dtype import dtype
from ._ndarray import ndarray, new_instance
from ._objarray import elements as _elements, from_leaves

_lib = _backend.lib
_FLAG_C = _backend.consts["CNP_FLAG_C_CONTIGUOUS"]
_FLAG_F = _backend.consts["CNP_FLAG_F_CONTIGUOUS"]
_FLAG_W = _backend.consts["CNP_FLAG_WRITEABLE"]


def _strides(shape, itemsize, order):
    """Contiguous strides of `shape` in C or F order."""
    strides = [0] * len(shape)
    step = itemsize
    axes = range(len(shape) - 1, -1, -1) if order == "C" else range(len(shape))
    for ax in axes:
        strides[ax] = step
        step *= max(shape[ax], 1)
    return tuple(strides)


def _check(d, shape, order, nbytes):
    d = dtype(d)
    shape = tuple(int(n) for n in shape)
    if order not in ("C", "F"):
        raise ValueError("cnumpy pickle: order must be 'C' or 'F', not %r" % (order,))
    size = 1
    for n in shape:
        if n < 0:
            raise ValueError("cnumpy pickle: negative dimension %d" % n)
        size *= n
    if nbytes != size * d.itemsize:
        raise ValueError("cnumpy pickle: %d bytes of data for %d elements of %s"
                         % (nbytes, size, d))
    return d, shape


def from_buffer(buffer, d, shape, order):
    """The array of a protocol-5 pickle: a view of `buffer` (no copy), writeable when the
    buffer is."""
    view = _wrapmem.get_buffer(buffer, _wrapmem.PyBUF_SIMPLE)
    try:
        d, shape = _check(d, shape, order, view.len)
        strides = _strides(shape, d.itemsize, order)
        addr, writeable = view.buf or 0, not view.readonly
    except BaseException:
        _wrapmem.release(view)
        raise
    return wrap(_wrapmem.wrap(addr, d, shape, strides, writeable, view))


def from_bytes(data, d, shape, order):
    """The array of a protocol 0-4 pickle: a new writeable array holding a copy of `data`."""
    return from_buffer(bytearray(data), d, shape, order)


def from_subclass(cls, fn, args):
    """A pickled instance of an ndarray subclass: the array fn(*args) as an instance of cls,
    finalized with None as NumPy's reconstruction is (instance attributes are not pickled, as
    in NumPy, unless the class pickles them itself)."""
    return new_instance(fn(*args), cls)


def from_objects(items, shape):
    """The object array of a pickle: its objects, flat in C order."""
    return from_leaves(list(items), tuple(shape))


def _order_of(a):
    """'C' or 'F' when the array's memory is contiguous in that order, else None."""
    bits = a._flag_bits()
    if bits & _FLAG_C:
        return "C"
    if bits & _FLAG_F:
        return "F"
    return None


def _raw_memoryview(a):
    """A flat unsigned-byte memoryview of a contiguous array's memory that keeps the array
    alive (read-only when the array is)."""
    n = a.nbytes
    raw = (ctypes.c_char * n).from_address(a._address())
    raw._cnumpy_owner = a
    mv = memoryview(raw).cast("B")
    return mv if a._flag_bits() & _FLAG_W else mv.toreadonly()


def reduce_ex(self, protocol):
    """ndarray.__reduce_ex__: out-of-band capable PickleBuffer from protocol 5 on, bytes
    before (see the module docstring); a subclass instance loads as its class (a memmap as a
    memmap of nothing), unless the class has its own __reduce__."""
    if type(self) is not ndarray:
        if type(self).__reduce_ex__ is not reduce_ex:
            return _plain_reduce_ex(self, protocol)    # the base of a class's own (recarray)
        if type(self).__reduce__ is not reduce:
            return self.__reduce__()
        fn, args = _plain_reduce_ex(self, protocol)
        return (from_subclass, (type(self), fn, args))
    return _plain_reduce_ex(self, protocol)


def _plain_reduce_ex(self, protocol):
    order = _order_of(self)
    d = self.dtype
    if d.kind == "O":
        return _plain_reduce(self)
    if protocol >= 5 and self.nbytes:
        a = self
        if order is None:
            a, order = produce(_lib.cnp_copy, self._h, _args.ORDER_C), "C"
        return (from_buffer, (pickle.PickleBuffer(_raw_memoryview(a)), d, self.shape, order))
    return _plain_reduce(self)


def reduce(self):
    """ndarray.__reduce__ (protocols 0-4): the elements' bytes in the array's order; an object
    array pickles its objects (as NumPy's does), never the references' bytes."""
    if type(self) is not ndarray:
        return (from_subclass, (type(self),) + _plain_reduce(self))
    return _plain_reduce(self)


def _plain_reduce(self):
    if self.dtype.kind == "O":
        return (from_objects, (_elements(self), self.shape))
    order = _order_of(self) or "C"
    # An F-contiguous array's transpose is C-contiguous: its C bytes are the array's F bytes.
    src = self.T if order == "F" else self
    return (from_bytes, (src._c_contiguous_bytes(), self.dtype, self.shape, order))


def dumps(self):
    """ndarray.dumps(): the pickle of the array as bytes (protocol 2, as NumPy's)."""
    return pickle.dumps(self, protocol=2)


def dump(self, file):
    """ndarray.dump(file): pickle the array (protocol 2) to a file object or a path."""
    if hasattr(file, "write"):
        pickle.dump(self, file, protocol=2)
        return
    with open(os.fspath(file), "wb") as f:
        pickle.dump(self, f, protocol=2)

