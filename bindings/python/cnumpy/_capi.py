"""The package's one calling convention for the library's entry points.

Every cnp_* function returns a cnp_status and writes its results through out-parameters placed
last (docs/api-conventions.md). This module is the only place that turns that into Python:
  cfunc(name)                  the entry point, or a stand-in raising NotImplementedError when
                               the loaded library does not export it (fails at call time)
  error(status)                the exception for a failed call (status -> NumPy's exception,
                               with the library's message), pending warnings emitted first
  check(status)                raises for a non-zero status, then emits the call's warnings
  call(fn, *args)              fn(*args) checked (entry points without an out-parameter)
  query(fn, new_cell, *args)   fn(*args, cell) checked, the cell's value (int, dtype, ...)
  produce(fn, *args)           fn(*args, &array) checked, the new array
  produce_into(fn, out, *args) the same for entry points with an optional out array: out
                               itself when given, else the result (a scalar when 0-d)
  produce_many(fn, n, *args)   fn(*args, &a1, ..., &an) checked, the n new arrays
  produce_string(fn, *args)    fn(*args, &char*) checked, the string (freed in the library)
  wrap(handle), unwrap(array)  a new array owning a handle; a 0-d array as its scalar

Hot paths (the ufunc operators, zeros) inline `if st: raise error(st)` and
`if pending: flush_warnings()` instead of calling check: a Python call is a visible part of
their per-call cost.

Library warnings arrive through one process-wide handler (cnp_set_warning_handler) during a
call, are queued in `pending` and emitted as Python warnings after it, pointing at the user's
code.

This layer sits below the ndarray type, which is defined above it (_ndarray.py) and handed down
once, when that module is imported, with adopt_array_type: the one place where a lower layer
learns of a higher one (as NumPy's C core knows its array type object).
"""
import re
import threading
import warnings

from . import _accel, _backend
from ._errors import (AxisError, ComplexWarning, LinAlgError, UFuncTypeError,
                      _user_stacklevel)

_lib = _backend.lib
_C = _backend.consts
_NULL = _backend.NULL
_string = _backend.string
_new_array_out = _backend.new_array_out
_object_new = object.__new__


# -- entry points -------------------------------------------------------------------------------
def cfunc(name):
    """The library's function `name`, or (when the library does not export it) a stand-in that
    raises NotImplementedError when called: a missing symbol fails at call time, not at import."""
    try:
        fn = getattr(_lib, name)
    except AttributeError:
        fn = None
    if fn is None or name in _backend.missing:
        path = _backend.path

        def fn(*args):
            raise NotImplementedError("cnumpy: %s does not export %s (the library is older "
                                      "than the bindings)" % (path, name))
    return fn


# -- warnings raised by the library during a call ----------------------------------------------
_WARN_BY_NAME = {"CNP_WARN_RUNTIME": RuntimeWarning, "CNP_WARN_COMPLEX": ComplexWarning,
                 "CNP_WARN_DEPRECATION": DeprecationWarning, "CNP_WARN_USER": UserWarning}
WARNINGS = {_C[name]: cls for name, cls in _WARN_BY_NAME.items() if name in _C}

# Warnings raised by the library during a call, as (thread id, category, message). One shared
# list instead of a threading.local: `if pending:` after each call is then a single global
# lookup, and the rare non-empty case filters by thread. list.append is atomic under the GIL.
pending = []
_get_ident = threading.get_ident


def _on_warning(category, message, _append=pending.append, _ident=_get_ident):
    _append((_ident(), category, message))


_warning_fn = _backend.make_warning_fn(_on_warning)
_backend.keep_forever(_warning_fn)
_lib.cnp_set_warning_handler(_warning_fn, _backend.NULL)

# Set by _errstate: fpe_dispatch(items, stacklevel) emits a flush's warnings itself, so that
# floating-point errors follow the thread's Python error modes ('print', 'call', 'log' are
# 'warn' for the library and are carried out there).
fpe_dispatch = None


def flush_warnings():
    """Emits the warnings the library raised on this thread since the last flush."""
    me = _get_ident()
    mine = [w for w in pending if w[0] == me]
    if not mine:
        return
    for w in mine:
        try:
            pending.remove(w)
        except ValueError:
            pass
    level = _user_stacklevel()
    if fpe_dispatch is not None:
        fpe_dispatch(mine, level + 1)
        return
    for _, category, message in mine:
        warnings.warn(message, WARNINGS.get(category, RuntimeWarning), stacklevel=level)


def _broadcastable(src, dst):
    """Whether shape src broadcasts to shape dst (a pre-check: the library words the error)."""
    if len(src) > len(dst):
        return False
    return all(a == b or a == 1 for a, b in zip(src[::-1], dst[::-1]))


def call_writing(dst, src, fn, *args, dst_shape=True):
    """call(fn, *args) for a call that writes src's values into the existing array dst with
    unsafe casting. NumPy raises ComplexWarning while it sets up a complex-to-real cast, before
    any element is written, so a warnings filter that turns it into an error leaves dst
    untouched; the library can only report it after the call. Here the warning comes first
    (when the shapes fit, so a shape error keeps precedence, as in NumPy) and the library's
    own copy of it is dropped. dst_shape=None: the written region's shape is not known here
    (advanced indexing), so the warning comes first regardless."""
    early = (src.dtype.kind == "c" and dst.dtype.kind not in "cb"
             and (dst_shape is None or _broadcastable(src.shape, dst.shape)))
    if early:
        warnings.warn("Casting complex values to real discards the imaginary part",
                      ComplexWarning, stacklevel=_user_stacklevel())
    st = fn(*args)
    if early and pending:
        me = _get_ident()
        for w in [w for w in pending if w[0] == me and WARNINGS.get(w[1]) is ComplexWarning]:
            pending.remove(w)
    if st:
        raise error(st)
    if pending:
        flush_warnings()


# -- statuses -----------------------------------------------------------------------------------
_BY_NAME = {
    "CNP_ERR_VALUE": ValueError, "CNP_ERR_TYPE": TypeError, "CNP_ERR_INDEX": IndexError,
    "CNP_ERR_AXIS": AxisError, "CNP_ERR_ZERO_DIVISION": ZeroDivisionError,
    "CNP_ERR_LINALG": LinAlgError, "CNP_ERR_MEMORY": MemoryError, "CNP_ERR_OS": OSError,
    "CNP_ERR_NOT_IMPLEMENTED": NotImplementedError, "CNP_ERR_OVERFLOW": OverflowError,
    "CNP_ERR_FLOATING_POINT": FloatingPointError, "CNP_ERR_RUNTIME": RuntimeError,
    "CNP_ERR_KEY": KeyError, "CNP_ERR_INVALID_HANDLE": TypeError, "CNP_ERR_INTERNAL": SystemError,
}
# Codes are taken from the header; a name the header lacks is simply not mapped.
EXCEPTIONS = {_C[name]: cls for name, cls in _BY_NAME.items() if name in _C}


# The library reports a codec failure (S <-> U casts, .npy 3.0 headers) as CNP_ERR_VALUE with
# Python's words; Python raises UnicodeEncodeError/UnicodeDecodeError (ValueError subclasses) with
# the encoding, the failing range and the reason, recovered here from those words.
_CODEC_ERROR = re.compile(r"'([^']+)' codec can't (encode|decode) (character|characters|byte|bytes) "
                          r"(?:(\S+) )?in position (\d+)(?:-(\d+))?: (.*)\Z", re.S)


def _codec_error(msg):
    m = _CODEC_ERROR.match(msg)
    if not m:
        return None
    encoding, op, what, item, start, last, reason = m.groups()
    start = int(start)
    end = int(last) + 1 if last else start + 1
    if op == "encode":
        ch = chr(int(item[3:-1], 16)) if what == "character" else "\0"  # '\xe9', '\u20ac', '\U0001f600'
        return UnicodeEncodeError(encoding, "\0" * start + ch * (end - start), start, end, reason)
    b = bytes([int(item, 16)]) if what == "byte" else b"\0"              # 0xff
    return UnicodeDecodeError(encoding, b"\0" * start + b * (end - start), start, end, reason)


def error(status):
    """The exception for a failed call's status, with the library's message for this thread."""
    if pending:
        flush_warnings()
    msg = _string(_lib.cnp_last_error())
    cls = EXCEPTIONS.get(status, SystemError)
    if cls is ValueError and "codec can't" in msg:
        codec = _codec_error(msg)
        if codec is not None:
            return codec
    if cls is TypeError and (msg.startswith("Cannot cast ufunc '") or
                             "did not contain a loop with signature matching types" in msg or
                             (msg.startswith("ufunc '") and "' cannot use operands with types " in msg)):
        cls = UFuncTypeError
    if cls is SystemError and status not in EXCEPTIONS:
        msg = "cnumpy: unknown status %d: %s" % (status, msg)
    return cls(msg)


def check(status):
    """Raises for a non-zero status; emits pending warnings."""
    if status:
        raise error(status)
    if pending:
        flush_warnings()


def call(fn, *args):
    """fn(*args) for an entry point without results."""
    st = fn(*args)
    if st:
        raise error(st)
    if pending:
        flush_warnings()


def query(fn, new_cell, *args):
    """fn(*args, cell) with a new out cell of new_cell(); returns cell[0]."""
    cell = new_cell()
    st = fn(*args, cell)
    if st:
        raise error(st)
    if pending:
        flush_warnings()
    return cell[0]


# -- arrays -------------------------------------------------------------------------------------
_FLAG_OWNDATA = _backend.consts["CNP_FLAG_OWNDATA"]
_array_type = None
_scalar_of = None


def adopt_array_type(cls, scalar_of):
    """Called once by _ndarray with the ndarray class and its 0-d-array-to-scalar function."""
    global _array_type, _scalar_of
    _array_type, _scalar_of = cls, scalar_of


def is_array(x):
    """isinstance(x, ndarray), for the layers below the ndarray type."""
    return isinstance(x, _array_type)


def rebind(a, handle):
    """a takes `handle` (a new reference from the library) in place of its own, which is
    released: an in-place change of what an ndarray object is (shape setter, resize). The C
    base type's _h setter releases the old handle itself."""
    old = a._h
    a._h = handle
    if _accel.base is object and old is not None:
        _lib.cnp_array_free(old)
    a._shape = None
    a._strides = None
    a._dtype = None


def wrap(handle):
    """A new ndarray owning `handle` (a new reference from the library)."""
    a = _object_new(_array_type)
    a._h = handle
    a._shape = None
    a._strides = None
    a._dtype = None
    a._base = None
    return a


# -- ndarray.base ---------------------------------------------------------------------------------
# The library's Buffer keeps memory alive; `base` is only NumPy's Python-level answer to "whose
# memory is this": None for an array that owns its data, else the Python object it views. Every
# view-making call goes through produce_view / produce_maybe_view (or set_base), which store the
# owner: one attribute store per view, no extra call.
def set_base(view, src):
    """view.base = src as NumPy's PyArray_SetBaseObject: chains collapse to the first array that
    owns its data or whose base is not an array of view's type (a view of a view of `a` has base
    `a`; a view of a frombuffer array has that array)."""
    b = src._base
    view._base = src if b is None or type(b) is not type(view) else b
    return view


def produce_view(fn, src, *args):
    """fn(src._h, *args, &out) for an entry point that always returns a view of src."""
    cell = _new_array_out()
    st = fn(src._h, *args, cell)
    if st:
        raise error(st)
    r = wrap(cell[0])
    b = src._base
    r._base = src if b is None or type(b) is not type(r) else b
    if pending:
        flush_warnings()
    return r


def produce_maybe_view(fn, src, *args):
    """fn(src._h, *args, &out) for an entry point returning a view when it can and a copy
    otherwise (reshape, ravel): the result's OWNDATA flag tells which."""
    cell = _new_array_out()
    st = fn(src._h, *args, cell)
    if st:
        raise error(st)
    r = wrap(cell[0])
    if pending:
        flush_warnings()
    if not r._flag_bits() & _FLAG_OWNDATA:
        b = src._base
        r._base = src if b is None or type(b) is not type(r) else b
    return r


def unwrap(r):
    """A 0-d result as its scalar (NumPy 1.24's unwrapping); other arrays as they are."""
    return _scalar_of(r) if not r.shape else r


def produce(fn, *args):
    """fn(*args, &out) -> the new ndarray (the calling pattern of every array-returning entry
    point), warnings flushed."""
    cell = _new_array_out()
    st = fn(*args, cell)
    if st:
        raise error(st)
    r = wrap(cell[0])
    if pending:
        flush_warnings()
    return r


def produce_into(fn, out, *args, result_kind=None):
    """fn(*args, &out) for entry points that write into an optional out array (its handle is
    among args): returns out itself when given (dropping the extra reference the library hands
    back), else the result, a scalar when 0-d as NumPy does. result_kind: the kind of the values
    the call computes ('c': complex), so that a complex result cast into a real out gives its
    ComplexWarning before anything is written (call_writing's rule)."""
    early = result_kind == "c" and out is not None and out.dtype.kind not in "cb"
    if early:
        warnings.warn("Casting complex values to real discards the imaginary part",
                      ComplexWarning, stacklevel=_user_stacklevel())
    cell = _new_array_out()
    st = fn(*args, cell)
    if early and pending:
        me = _get_ident()
        for w in [w for w in pending if w[0] == me and WARNINGS.get(w[1]) is ComplexWarning]:
            pending.remove(w)
    if st:
        raise error(st)
    if out is not None:
        _lib.cnp_array_free(cell[0])
        r = out
    else:
        r = wrap(cell[0])
    if pending:
        flush_warnings()
    return r if out is not None else unwrap(r)


def produce_many(fn, n, *args, skip=()):
    """fn(*args, &out1, ..., &outn) -> tuple of n new ndarrays; the outputs listed in skip are
    not requested (NULL) and come back as None."""
    cells = [None if i in skip else _new_array_out() for i in range(n)]
    st = fn(*args, *[_NULL if c is None else c for c in cells])
    if st:
        raise error(st)
    r = tuple(None if c is None else wrap(c[0]) for c in cells)
    if pending:
        flush_warnings()
    return r


# -- strings the library allocates --------------------------------------------------------------
if _backend.NAME == "ctypes":
    import ctypes
    # cell[0] of a c_char_p cell is already the bytes (one strlen and copy inside ctypes); the
    # pointer itself goes back to cnp_string_free through a void* prototype of the same entry
    # point, read straight from the cell's memory: no casts, no second c_char_p conversion
    # (these were ~1.5 us of format_float_positional's ~3 us on ctypes).
    _addr_of = ctypes.c_void_p.from_buffer
    _free_addr = ctypes.CFUNCTYPE(None, ctypes.c_void_p)(
        ctypes.cast(_lib.cnp_string_free, ctypes.c_void_p).value)

    def _take(cell, _free=_free_addr, _addr=_addr_of):
        """The string in a char* out cell, freed after copying."""
        try:
            s = cell[0]
        finally:
            _free(_addr(cell))
        return s.decode("utf-8")
else:
    from ._cffi_backend import ffi as _ffi

    def _take(cell, _free=_lib.cnp_string_free):
        p = cell[0]
        try:
            return _ffi.string(p).decode("utf-8")
        finally:
            _free(p)


def produce_string(fn, *args, _new_cell=_backend.new_charp_out):
    """fn(*args, &char*) -> the str, the library's copy freed. (call's check inline: short
    strings such as format_float_positional's are mostly per-call cost.)"""
    cell = _new_cell()
    st = fn(*args, cell)
    if st:
        raise error(st)
    if pending:
        flush_warnings()
    return _take(cell)
