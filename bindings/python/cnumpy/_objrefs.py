"""The object dtype's reference hooks (docs/object-dtype.md), installed once at import, and the
two conversions between Python objects and the references object arrays hold.

With the compiled _speedups the hooks are its C functions (they take the GIL around each batch);
the pure packages install a ctypes/cffi callback (which takes the GIL itself) that calls
Py_IncRef/Py_DecRef for each reference. A NULL reference is None (the library never passes NULL
to a hook).
"""
import collections
import ctypes
import struct

from . import _backend
from ._accel import speedups

_lib = _backend.lib

try:                                    # CPython's own pointer -> object (a new reference)
    from _ctypes import PyObj_FromPtr as _from_ptr
except ImportError:                     # pragma: no cover - other ctypes builds
    def _from_ptr(addr, _cast=ctypes.cast, _po=ctypes.py_object):
        return _cast(addr, _po).value


def _python_hook(name):
    fn = ctypes.PYFUNCTYPE(None, ctypes.c_void_p)((name, ctypes.pythonapi))

    def hook(addr, n, _read=_backend.read_bytes, _unpack=struct.unpack, _fn=fn,
             _drain=collections.deque):
        _drain(map(_fn, _unpack("%dP" % n, _read(addr, n * 8))), 0)   # the loop in C
    return _backend.make_refs_fn(hook)


def _install():
    if speedups is not None and hasattr(speedups, "OBJECT_HOOKS"):
        inc, dec = (_backend.refs_fn_at(a) for a in speedups.OBJECT_HOOKS)
    else:
        inc, dec = _python_hook("Py_IncRef"), _python_hook("Py_DecRef")
    _backend.keep_forever((inc, dec))   # object arrays may be freed during interpreter teardown
    st = _lib.cnp_set_object_hooks(inc, dec, _backend.NULL)
    if st:
        raise ImportError("cnumpy: cannot install the object hooks: %s"
                          % _backend.string(_lib.cnp_last_error()))
    return inc, dec


HOOKS = _install()


def value(addr):
    """The object a reference (an int address; 0 is None) stands for."""
    return _from_ptr(addr) if addr else None


def values(addrs):
    """The objects of a sequence of references (0 is None), at C speed when none is NULL."""
    if 0 in addrs:
        return [_from_ptr(p) if p else None for p in addrs]
    return list(map(_from_ptr, addrs))


def read(addr, n):
    """The n objects whose references lie contiguously at addr (the caller keeps that memory
    alive): read as a ctypes py_object array, which takes a reference to each at C speed; a NULL
    among them (an empty() element) falls back to reading the addresses."""
    if not n:
        return []
    try:
        return (ctypes.py_object * n).from_address(addr)[:]
    except ValueError:      # "PyObject is NULL"
        return values(struct.unpack("%dP" % n, _backend.read_bytes(addr, n * 8)))


def reference(obj):
    """The reference the library stores for obj: its address (None's too, as NumPy stores it;
    a NULL the library made, as in empty(), also reads as None)."""
    return id(obj)
