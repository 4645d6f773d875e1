"""repr()/str() of arrays and the print options: the library formats (cnp_array_repr /
cnp_array_str, src/print), Python only moves the string across and frees it.

set_printoptions/get_printoptions/printoptions follow NumPy's signatures for the options the
library implements (precision, threshold, edgeitems, linewidth, suppress, sign, floatmode).
"""
import contextlib
import sys

from . import _backend
from ._errors import error

_lib = _backend.lib
_C = _backend.consts
_SIGNS = {"-": _C["CNP_SIGN_MINUS"], "+": _C["CNP_SIGN_PLUS"], " ": _C["CNP_SIGN_SPACE"]}
_FLOATMODES = {"maxprec": _C["CNP_FLOATMODE_MAXPREC"], "fixed": _C["CNP_FLOATMODE_FIXED"],
               "unique": _C["CNP_FLOATMODE_UNIQUE"],
               "maxprec_equal": _C["CNP_FLOATMODE_MAXPREC_EQUAL"]}
_SIGN_NAMES = {v: k for k, v in _SIGNS.items()}
_FLOATMODE_NAMES = {v: k for k, v in _FLOATMODES.items()}

if _backend.NAME == "ctypes":
    import ctypes
    from . import _ctypes_backend
    _new_options = _ctypes_backend._types.base("cnp_printoptions")
    _VPP = ctypes.POINTER(ctypes.c_void_p)
    _free = _lib.cnp_string_free

    def _take(cell):
        """The string in a char* out cell, freed after copying."""
        addr = ctypes.cast(cell, _VPP)[0]
        try:
            return ctypes.string_at(addr).decode("ascii")
        finally:
            _free(ctypes.cast(addr, ctypes.c_char_p))
else:
    from ._cffi_backend import ffi as _ffi

    def _new_options():
        return _ffi.new("cnp_printoptions *")

    def _take(cell):
        p = cell[0]
        try:
            return _ffi.string(p).decode("ascii")
        finally:
            _lib.cnp_string_free(p)


_INT32_MAX = 2**31 - 1


def _format(fn, a):
    cell = _backend.new_charp_out()
    st = fn(a._h, cell)
    if st:
        raise error(st)
    return _take(cell)


def array_repr(a):
    return _format(_lib.cnp_array_repr, a)


def array_str(a):
    return _format(_lib.cnp_array_str, a)


def _current():
    o = _new_options()
    st = _lib.cnp_get_printoptions(o)
    if st:
        raise error(st)
    return o


def get_printoptions():
    """The current print options as a dict (NumPy's keys; nanstr/infstr/formatter/legacy are
    fixed at NumPy's defaults)."""
    o = _current()
    return {"edgeitems": o.edgeitems, "threshold": o.threshold, "floatmode":
            _FLOATMODE_NAMES[o.floatmode], "precision": o.precision, "suppress": bool(o.suppress),
            "linewidth": o.linewidth, "nanstr": "nan", "infstr": "inf",
            "sign": _SIGN_NAMES[o.sign], "formatter": None, "legacy": False}


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
                     suppress=None, nanstr=None, infstr=None, formatter=None, sign=None,
                     floatmode=None, *, legacy=None):
    """numpy.set_printoptions for precision, threshold, edgeitems, linewidth, suppress, sign and
    floatmode (None keeps the current value)."""
    if nanstr not in (None, "nan") or infstr not in (None, "inf") or formatter is not None \
            or legacy not in (None, False):
        raise NotImplementedError("cnumpy.set_printoptions: nanstr, infstr, formatter and "
                                  "legacy are not supported")
    o = _current()
    if floatmode is not None:
        if floatmode not in _FLOATMODES:
            raise ValueError("floatmode option must be one of " +
                             ", ".join('"{}"'.format(m) for m in
                                       ("fixed", "unique", "maxprec", "maxprec_equal")))
        o.floatmode = _FLOATMODES[floatmode]
    if sign is not None:
        if sign not in _SIGNS:
            raise ValueError("sign option must be one of ' ', '+', or '-'")
        o.sign = _SIGNS[sign]
    if threshold is not None:
        if not isinstance(threshold, (int, float)) or threshold != threshold:
            raise TypeError("threshold must be numeric")
        if threshold < 0:
            raise ValueError("threshold must be non-NAN, try sys.maxsize for untruncated "
                             "representation")
        o.threshold = min(int(threshold), sys.maxsize)
    if precision is not None:
        try:
            precision = precision.__index__()
        except AttributeError:
            raise TypeError("precision must be an integer") from None
        if precision < 0:
            raise ValueError("precision must be >= 0")
        if precision > _INT32_MAX:  # NumPy fails the same way (when it prints)
            raise OverflowError("Python int too large to convert to C int")
        o.precision = precision
    # The C fields are int32_t: larger values mean the same as INT32_MAX (show everything, one
    # line), instead of being cut to their low 32 bits.
    if edgeitems is not None:
        o.edgeitems = min(int(edgeitems), _INT32_MAX)
    if linewidth is not None:
        o.linewidth = min(int(linewidth), _INT32_MAX)
    if suppress is not None:
        o.suppress = 1 if suppress else 0
    st = _lib.cnp_set_printoptions(o)
    if st:
        raise error(st)


@contextlib.contextmanager
def printoptions(*args, **kwargs):
    """Context manager setting print options inside the with-block (numpy.printoptions)."""
    saved = get_printoptions()
    set_printoptions(*args, **kwargs)
    try:
        yield get_printoptions()
    finally:
        set_printoptions(**{k: saved[k] for k in ("precision", "threshold", "edgeitems",
                                                   "linewidth", "suppress", "sign",
                                                   "floatmode")})
