"""Zero-copy interchange: DLPack (__dlpack__, __dlpack_device__, from_dlpack) and exporting an
array's memory as a memoryview (ndarray.data, ndarray.__buffer__).

DLPack capsules are made and consumed with CPython's PyCapsule_* functions through
ctypes.pythonapi, following the protocol: a capsule named "dltensor" owns its DLManagedTensor
(its destructor calls the tensor's deleter); a consumer renames it "used_dltensor" and calls
the deleter itself when done. The library does the DLPack work (cnp_array_to_dlpack,
cnp_array_from_dlpack, cnp_dlpack_free).

Buffer protocol: a Python class cannot fill a Py_buffer before Python 3.12 (PEP 688), so on
3.11 memoryview(cnumpy_array) raises TypeError; ndarray.data (as in NumPy, a memoryview) works on
every version. Without a C extension a memoryview can only describe C-contiguous memory or a
1-D strided run, so .data raises BufferError for other layouts (NumPy's message for a
non-contiguous request) — copy with ascontiguousarray first; float16 and complex cannot be
described either (memoryview.cast has no 'e' or 'Zd' format): use __dlpack__ or
__array_interface__ for them.
"""
import ctypes

from . import _backend
from ._capi import error, produce

_lib = _backend.lib
_api = ctypes.pythonapi

_NAME = b"dltensor"          # module constants: a capsule keeps a pointer to its name
_USED = b"used_dltensor"
_backend.keep_forever(_NAME)
_backend.keep_forever(_USED)
_DLPACK_CPU = 1

_api.PyCapsule_GetPointer.restype = ctypes.c_void_p
_api.PyCapsule_GetPointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
_api.PyCapsule_SetName.restype = ctypes.c_int
_api.PyCapsule_SetName.argtypes = [ctypes.py_object, ctypes.c_char_p]
_api.PyCapsule_IsValid.restype = ctypes.c_int
_api.PyCapsule_IsValid.argtypes = [ctypes.py_object, ctypes.c_char_p]

_Destructor = ctypes.CFUNCTYPE(None, ctypes.c_void_p)
# The destructor sees the capsule as a raw PyObject*: call the capsule API on the raw pointer.
_is_valid_raw = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p)(
    ("PyCapsule_IsValid", _api))
_get_pointer_raw = ctypes.PYFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p)(
    ("PyCapsule_GetPointer", _api))
_capsule_new = ctypes.PYFUNCTYPE(ctypes.py_object, ctypes.c_void_p, ctypes.c_char_p, _Destructor)(
    ("PyCapsule_New", _api))


def _destroy(capsule, _valid=_is_valid_raw, _get=_get_pointer_raw, _name=_NAME,
             _free=_lib.cnp_dlpack_free, _voidp=_backend.voidp):
    # An unconsumed capsule still owns its tensor; a renamed ("used_dltensor") one does not.
    if _valid(capsule, _name):
        _free(_voidp(_get(capsule, _name)))


_destructor = _Destructor(_destroy)
_backend.keep_forever(_destructor)


def _buffer_error(st):
    e = error(st)
    return BufferError(str(e)) if isinstance(e, (TypeError, ValueError)) else e


def __dlpack__(self, *, stream=None):
    """A DLPack capsule viewing this array's memory (CPU only; stream must be None)."""
    if stream is not None:
        raise RuntimeError("NumPy only supports stream=None.")
    out = _backend.new_voidp_out()
    st = _lib.cnp_array_to_dlpack(self._h, out)
    if st:
        raise _buffer_error(st)
    return _capsule_new(_backend.address(out[0]), _NAME, _destructor)


def __dlpack_device__(self):
    return (_DLPACK_CPU, 0)


def from_dlpack(x, /):
    """An array sharing the memory of any object with __dlpack__ (numpy.from_dlpack)."""
    device = x.__dlpack_device__()
    capsule = x.__dlpack__(stream=None) if device[0] != _DLPACK_CPU else x.__dlpack__()
    ptr = _api.PyCapsule_GetPointer(capsule, _NAME)   # ValueError for a used capsule
    # read-only like NumPy 1.24's from_dlpack (DLPack cannot say whether writing is allowed)
    a = produce(_lib.cnp_array_from_dlpack, _backend.voidp(ptr), 0)
    # From here the array owns the tensor and calls its deleter when its memory goes.
    _api.PyCapsule_SetName(capsule, _USED)
    a._base = capsule       # NumPy 1.24's from_dlpack keeps the capsule as the base
    return a


# -- buffer export ------------------------------------------------------------------------------
# memoryview.cast accepts only native single-character struct formats: no 'e' (float16) and no
# complex ('Zf'/'Zd', which NumPy exports), so those dtypes cannot be exported without C code.
_CASTABLE = set("bBhHiIlLqQfd?")


def _memoryview(self):
    """A memoryview of the array's memory with its format and shape, read-only when the array
    is; it keeps the array's memory alive."""
    d = self.dtype
    if d.char not in _CASTABLE:
        raise BufferError("cnumpy cannot export %s memory as a memoryview (memoryview.cast has "
                          "no format for it); use __dlpack__ or __array_interface__" % d.name)
    shape = self.shape
    strides = self.strides
    item = d.itemsize
    n = self.size
    addr = self._address()
    c_contig = self.flags.c_contiguous
    strided_1d = not c_contig and len(shape) == 1 and strides[0] % item == 0
    if not c_contig and not strided_1d:
        raise BufferError("ndarray is not C-contiguous")
    if strided_1d and n > 1:
        step = strides[0]
        start = addr if step > 0 else addr + (n - 1) * step
        nbytes = (n - 1) * abs(step) + item
    else:
        start, nbytes = addr, n * item
    raw = (ctypes.c_char * max(nbytes, 1)).from_address(start) if nbytes else bytearray()
    if nbytes:
        raw._cnumpy_owner = self      # the memoryview holds raw, raw holds the array
    mv = memoryview(raw).cast("B")[:nbytes].cast(d.char)
    if strided_1d and n > 1:
        step = strides[0] // item
        mv = mv[::step] if step > 0 else mv[::step]
    elif shape != (nbytes // item,):
        mv = mv.cast("B").cast(d.char, shape)
    if not self.flags.writeable:
        mv = mv.toreadonly()
    return mv


# -- struct formats of the buffer protocol (the C base type's bf_getbuffer asks for them) ------
# NumPy's _buffer_format_string (numpy/core/src/multiarray/buffer.c): a native, naturally
# aligned element takes its native code ('l' for int64); otherwise its byte order ('<', '>',
# '=') and the standard-size code ('q'); the prefix is written only when it changes.
_CODES = {"?": "?", "b": "b", "B": "B", "h": "h", "H": "H", "i": "i", "I": "I", "l": "l",
          "L": "L", "q": "q", "Q": "Q", "e": "e", "f": "f", "d": "d", "g": "g", "F": "Zf",
          "D": "Zd", "G": "Zg", "O": "O"}
_STANDARD = {"l": "q", "L": "Q"}


def _aligned_at(d, arr, offset):
    """NumPy's _is_natively_aligned_at: the element at this offset is aligned in every
    element of the array."""
    al = d.alignment
    if arr._address() % al or offset % al or d.itemsize % al:
        return False
    return all(n <= 1 or s % al == 0 for n, s in zip(arr.shape, arr.strides))


def _format(d, arr, state):
    """Appends dtype d's format to state['out'] (a list), advancing state['offset']."""
    out = state["out"]
    if d.subdtype is not None:
        base, shape = d.subdtype
        out.append("(%s)" % ",".join(str(n) for n in shape))
        start = state["offset"]
        _format(base, arr, state)
        count = 1
        for n in shape:
            count *= n
        state["offset"] = start + (state["offset"] - start) * count
        return
    if d.names is not None:
        base = state["offset"]
        out.append("T{")
        for name in d.names:
            child, off = d.fields[name][:2]
            off += base
            if state["offset"] > off:
                raise ValueError("dtypes with overlapping or out-of-order fields are not "
                                 "representable as buffers. Consider reordering the fields.")
            out.append("x" * (off - state["offset"]))
            state["offset"] = off
            _format(child, arr, state)
            out.append(":%s:" % name)
        out.append("x" * (base + d.itemsize - state["offset"]))
        state["offset"] = base + d.itemsize
        out.append("}")
        return
    offset = state["offset"]
    state["offset"] += d.itemsize
    order = d.byteorder
    char = d.char
    standard = True
    if order == "=" and _aligned_at(d, arr, offset):
        standard = False
        prefix = "@"
    elif order == "=" and char in "gG":
        standard = False
        prefix = "^"
    elif order in "<>=":
        prefix = order
    else:
        prefix = None
    if prefix is not None and state["order"] != prefix:
        out.append(prefix)
        state["order"] = prefix
    kind = d.kind
    if kind == "S":
        out.append("%ds" % d.itemsize)
    elif kind == "U":
        out.append("%dw" % (d.itemsize // 4))
    elif kind == "V":
        out.append("%dx" % d.itemsize)
    elif char in _CODES:
        out.append(_STANDARD.get(char, _CODES[char]) if standard else _CODES[char])
    else:
        raise ValueError("cannot include dtype '%s' in a buffer" % kind)


def buffer_format(arr):
    """The struct format NumPy's buffer protocol gives an array of this dtype (and layout)."""
    if arr.dtype.kind == "O":   # raw references: a consumer could overwrite them unaccounted
        raise BufferError("cnumpy does not export the memory of object arrays")
    state = {"out": [], "offset": 0, "order": "@"}
    _format(arr.dtype, arr, state)
    return "".join(state["out"])


def data(self):
    """ndarray.data: a memoryview of the array's memory."""
    return _memoryview(self)


def buffer(self, flags):
    """ndarray.__buffer__, used by memoryview() from Python 3.12 (PEP 688)."""
    return _memoryview(self)
