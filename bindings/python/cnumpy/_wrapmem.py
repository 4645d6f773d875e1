"""Zero-copy arrays over memory owned by Python objects.

cnp_array_wrap takes a deleter that the library calls exactly once when the last view of the
memory goes. There is one deleter for the whole process; its context is an integer key into
_kept, which holds whatever keeps the memory valid (the exporting object, or a Py_buffer that
must be released). The buffer protocol is reached through ctypes.pythonapi with either backend:
it is the only way to get the address of a read-only buffer (bytes, read-only memoryview)
without copying.
"""
import ctypes
import itertools
import sys

from . import _backend
from ._dtype import dtype
from ._capi import query

_lib = _backend.lib
_NULL = _backend.NULL
_voidp = _backend.voidp
_int64_array = _backend.int64_array


class Py_buffer(ctypes.Structure):
    _fields_ = [("buf", ctypes.c_void_p), ("obj", ctypes.py_object),
                ("len", ctypes.c_ssize_t), ("itemsize", ctypes.c_ssize_t),
                ("readonly", ctypes.c_int), ("ndim", ctypes.c_int),
                ("format", ctypes.c_char_p), ("shape", ctypes.POINTER(ctypes.c_ssize_t)),
                ("strides", ctypes.POINTER(ctypes.c_ssize_t)),
                ("suboffsets", ctypes.POINTER(ctypes.c_ssize_t)),
                ("internal", ctypes.c_void_p)]


PyBUF_SIMPLE = 0
PyBUF_RECORDS_RO = 0x0010 | 0x0008 | 0x0004     # STRIDES | ND | FORMAT, read-only allowed

_get_buffer = ctypes.pythonapi.PyObject_GetBuffer
_get_buffer.argtypes = [ctypes.py_object, ctypes.POINTER(Py_buffer), ctypes.c_int]
_get_buffer.restype = ctypes.c_int
_release_buffer = ctypes.pythonapi.PyBuffer_Release
_release_buffer.argtypes = [ctypes.POINTER(Py_buffer)]
_release_buffer.restype = None

_kept = {}
_keys = itertools.count(1)     # 0 would be a NULL context


def _on_delete(key, _pop=_kept.pop, _buf=Py_buffer, _release=_release_buffer,
               _byref=ctypes.byref):
    # Default arguments: this may run while the interpreter tears the module down.
    obj = _pop(key, None)
    if type(obj) is _buf:
        _release(_byref(obj))


_deleter = _backend.make_deleter(_on_delete)
_backend.keep_forever(_deleter)


def get_buffer(obj, flags=PyBUF_RECORDS_RO):
    """A filled Py_buffer for obj (raises the exporter's error); release with release()."""
    view = Py_buffer()
    _get_buffer(obj, ctypes.byref(view), flags)
    return view


def release(view):
    _release_buffer(ctypes.byref(view))


# PyTypeObject.tp_as_buffer's offset (CPython's type layout, unchanged since 3.8) and
# PyBufferProcs.bf_releasebuffer's.
_TP_AS_BUFFER = 20 * ctypes.sizeof(ctypes.c_void_p)
_BF_RELEASE = ctypes.sizeof(ctypes.c_void_p)
_releases = {}


def base_object(obj):
    """What NumPy's frombuffer records as the base of an array over obj's buffer: obj itself,
    or a memoryview of it when obj's type releases its buffers (bytearray, array.array, mmap,
    memoryview; NumPy cannot keep the Py_buffer, so it keeps a memoryview holding it)."""
    tp = type(obj)
    r = _releases.get(tp)
    if r is None:
        procs = ctypes.c_void_p.from_address(id(tp) + _TP_AS_BUFFER).value
        r = _releases[tp] = bool(procs) and bool(
            ctypes.c_void_p.from_address(procs + _BF_RELEASE).value)
    return memoryview(obj) if r else obj


def wrap(addr, dt, shape, strides, writeable, keep):
    """A new array handle over addr, keeping `keep` alive (a Py_buffer is released) until the
    library drops the memory. On failure `keep` is given back untouched (a Py_buffer is
    released)."""
    key = next(_keys)
    _kept[key] = keep
    try:
        return query(_lib.cnp_array_wrap, _backend.new_array_out, _voidp(addr), dt._h,
                     len(shape), _int64_array(shape) if shape else _NULL,
                     _int64_array(strides) if strides is not None and shape else _NULL,
                     1 if writeable else 0, _deleter, _voidp(key))
    except BaseException:
        _on_delete(key)
        raise


# -- buffer protocol ----------------------------------------------------------------------------
_LITTLE = sys.byteorder == "little"
_SIGNED = set("bhilqn")
_UNSIGNED = set("BHILQN")


def _format_dtype(fmt, itemsize):
    """dtype of a struct-module format with a known item size ('<d', 'B', 'Zf', '=l')."""
    f = fmt or "B"
    order = "@"
    if f[0] in "@=<>!":
        order, f = f[0], f[1:]
    if itemsize > 1 and ((order in ">!" and _LITTLE) or (order == "<" and not _LITTLE)):
        # The library has no byte-swapping dtypes; NumPy's would be '>f8' etc.
        raise NotImplementedError("cnumpy: non-native byte order buffers (format %r) are not "
                                  "supported" % fmt)
    if f == "?":
        return dtype("bool")
    if f in _SIGNED:
        return dtype("i%d" % itemsize)
    if f in _UNSIGNED:
        return dtype("u%d" % itemsize)
    if f in ("e", "f", "d"):
        return dtype("f%d" % itemsize)
    if f in ("Ze", "Zf", "Zd"):
        return dtype("c%d" % itemsize)
    raise NotImplementedError("cnumpy: buffer format %r is not supported" % fmt)


def from_buffer_protocol(obj):
    """A new array handle sharing obj's buffer (any ndim, strided, read-only or not)."""
    view = get_buffer(obj, PyBUF_RECORDS_RO)
    try:
        if view.suboffsets:
            raise NotImplementedError("cnumpy: buffers with suboffsets are not supported")
        fmt = view.format.decode("ascii") if view.format else "B"
        dt = _format_dtype(fmt, view.itemsize)
        nd = view.ndim
        shape = tuple(view.shape[i] for i in range(nd)) if nd else ()
        strides = tuple(view.strides[i] for i in range(nd)) if nd and view.strides else None
        addr = view.buf or 0
        writeable = not view.readonly
    except BaseException:
        release(view)
        raise
    return wrap(addr, dt, shape, strides, writeable, view)


# -- __array_interface__ -----------------------------------------------------------------------
def from_array_interface(obj, ai):
    """A new array handle sharing the memory described by obj's __array_interface__ (NumPy
    arrays and anything else speaking version 3). obj and ai are kept alive until the library
    lets go."""
    if ai.get("mask") is not None:
        raise NotImplementedError("cnumpy: masked array interfaces are not supported")
    typestr = ai["typestr"]
    descr = ai.get("descr")
    if descr and (len(descr) != 1 or descr[0][0]):
        dt = _descr_dtype(descr, int(typestr[2:]))
    else:
        dt = dtype(typestr)
    shape = tuple(int(n) for n in ai["shape"])
    strides = ai.get("strides")
    if strides is not None:
        strides = tuple(int(s) for s in strides)
    data = ai.get("data")
    if isinstance(data, tuple):
        addr, readonly = data
        # The address may belong to something only the interface dict holds: a NumPy scalar
        # hands out a temporary 0-d array in ai["__ref"], freed (and its memory reused by the
        # next scalar) as soon as the dict goes. Keep the dict alive with the exporter.
        return wrap(addr or 0, dt, shape, strides, not readonly, (obj, ai))
    # The data is a buffer-protocol object (or obj itself when absent), at ai["offset"].
    source = obj if data is None else data
    view = get_buffer(source, PyBUF_SIMPLE)
    try:
        addr = (view.buf or 0) + int(ai.get("offset", 0))
        writeable = not view.readonly
    except BaseException:
        release(view)
        raise
    return wrap(addr, dt, shape, strides, writeable, _BufferAndOwner(view, obj))


def _descr_dtype(descr, itemsize):
    """The record dtype of an __array_interface__ descr (unnamed '|Vn' entries are padding)."""
    names, formats, offsets, titles = [], [], [], []
    off = 0
    for item in descr:
        name, fmt = item[0], item[1]
        fd = dtype(fmt if len(item) == 2 else (fmt, item[2]))
        if name == "" and fd.kind == "V" and fd.names is None and fd.subdtype is None:
            off += fd.itemsize
            continue
        title = None
        if type(name) is tuple:     # (title, name)
            title, name = name
        names.append(name)
        titles.append(title)
        formats.append(fd)
        offsets.append(off)
        off += fd.itemsize
    spec = {"names": names, "formats": formats, "offsets": offsets, "itemsize": itemsize}
    if any(t is not None for t in titles):
        spec["titles"] = titles
    return dtype(spec)


class _BufferAndOwner:
    """Keeps an interface's owner alive and releases its data buffer when dropped."""
    __slots__ = ("view", "owner")

    def __init__(self, view, owner):
        self.view, self.owner = view, owner

    def __del__(self, _release=_release_buffer, _byref=ctypes.byref):
        _release(_byref(self.view))
