"""Floating-point error handling: seterr, geterr, seterrcall, geterrcall, errstate, and the
rest of NumPy's per-thread ufunc state: the buffer size (setbufsize, getbufsize) and the three
together as NumPy's error object (geterrobj, seterrobj: [bufsize, error mask, callback]).

NumPy's six modes are kept here, per thread (as NumPy 1.24 keeps them). The library knows only
ignore/warn/raise (cnp_seterr, also per thread): 'ignore' and 'raise' are passed through; 'warn',
'print', 'call' and 'log' are 'warn' for the library, whose warning ("divide by zero
encountered in log") is then carried out by fpe_dispatch below according to the Python mode.
'raise' comes back from the library as CNP_ERR_FLOATING_POINT, i.e. FloatingPointError.

The buffer size is kept and validated as NumPy does, but cnumpy's ufunc engine does not read
it: the library sizes its own blocks (docs/numpy-differences.md).
"""
import collections.abc
import operator
import contextlib
import sys
import threading
import warnings

from . import _backend, _capi
from ._constants import (ERR_IGNORE, ERR_WARN, ERR_RAISE, ERR_CALL, ERR_PRINT, ERR_LOG,
                         SHIFT_DIVIDEBYZERO, SHIFT_OVERFLOW, SHIFT_UNDERFLOW, SHIFT_INVALID,
                         UFUNC_BUFSIZE_DEFAULT)

_lib = _backend.lib
_C = _backend.consts
_IGNORE = _C["CNP_FPE_IGNORE"]
_WARN = _C["CNP_FPE_WARN"]
_RAISE = _C["CNP_FPE_RAISE"]
_RUNTIME = _C["CNP_WARN_RUNTIME"]

_KINDS = ("divide", "over", "under", "invalid")
_DEFAULT = {"divide": "warn", "over": "warn", "under": "ignore", "invalid": "warn"}
# NumPy's mode numbers (ERR_IGNORE ... ERR_LOG): the KeyError for an unknown mode comes from here.
_errdict = {"ignore": ERR_IGNORE, "warn": ERR_WARN, "raise": ERR_RAISE, "call": ERR_CALL,
            "print": ERR_PRINT, "log": ERR_LOG}
_errdict_rev = {v: k for k, v in _errdict.items()}
_SHIFTS = {"divide": SHIFT_DIVIDEBYZERO, "over": SHIFT_OVERFLOW, "under": SHIFT_UNDERFLOW,
           "invalid": SHIFT_INVALID}
_MIN_BUFSIZE, _MAX_BUFSIZE = 16, 16000000     # NumPy's NPY_MIN_BUFSIZE, NPY_MAX_BUFSIZE
_TO_C = {"ignore": _IGNORE, "warn": _WARN, "raise": _RAISE, "call": _WARN, "print": _WARN,
         "log": _WARN}
# NumPy's error names (the first words of the message) -> (kind, UFUNC_FPE_* bit).
_ERRTYPES = {"divide by zero": ("divide", 1), "overflow": ("over", 2),
             "underflow": ("under", 4), "invalid value": ("invalid", 8)}
_SEP = " encountered in "


class _State(threading.local):
    """This thread's modes, callback and buffer size (a new thread starts from NumPy's
    defaults, as the library's own per-thread state does)."""

    def __init__(self):
        self.modes = dict(_DEFAULT)
        self.call = None
        self.bufsize = UFUNC_BUFSIZE_DEFAULT


_state = _State()


def _c_seterr(modes):
    s = _backend.new_errstate()
    s.divide = _TO_C[modes["divide"]]
    s.over = _TO_C[modes["over"]]
    s.under = _TO_C[modes["under"]]
    s.invalid = _TO_C[modes["invalid"]]
    _capi.check(_lib.cnp_seterr(s))


def seterr(all=None, divide=None, over=None, under=None, invalid=None):
    """numpy.seterr: sets how floating-point errors are handled on this thread; returns the
    previous settings as a dict. Modes: 'ignore', 'warn', 'raise', 'call', 'print', 'log'."""
    old = geterr()
    new = {"divide": divide, "over": over, "under": under, "invalid": invalid}
    for k in _KINDS:
        if new[k] is None:
            new[k] = all or old[k]
        _errdict[new[k]]            # KeyError for an unknown mode, as NumPy
    _c_seterr(new)
    _state.modes = new
    return old


def geterr():
    """numpy.geterr: this thread's floating-point error modes."""
    return dict(_state.modes)


def seterrcall(func):
    """numpy.seterrcall: the callback for 'call' mode (func(errtype, flags)) or the object with
    a write method for 'log' mode; returns the previous one."""
    if func is not None and not isinstance(func, collections.abc.Callable):
        if (not hasattr(func, "write") or
                not isinstance(func.write, collections.abc.Callable)):
            raise ValueError("Only callable can be used as callback")
    old = _state.call
    _state.call = func
    return old


def geterrcall():
    """numpy.geterrcall: the current 'call'/'log' handler (None if unset)."""
    return _state.call


def setbufsize(size):
    """numpy.setbufsize: sets this thread's ufunc buffer size (a multiple of 16 from 16 to
    10e6); returns the previous one. Kept for NumPy's API: cnumpy's ufuncs do not use it."""
    if size > 10e6:
        raise ValueError("Buffer size, %s, is too big." % size)
    if size < 5:
        raise ValueError("Buffer size, %s, is too small." % size)
    if size % 16 != 0:
        raise ValueError("Buffer size, %s, is not a multiple of 16." % size)
    old = getbufsize()
    obj = geterrobj()
    obj[0] = size
    seterrobj(obj)
    return old


def getbufsize():
    """numpy.getbufsize: this thread's ufunc buffer size (8192 unless setbufsize changed it)."""
    return _state.bufsize


def geterrobj():
    """numpy.geterrobj: this thread's [buffer size, error mask, callback]; the mask holds the
    mode number (ERR_*) of each error kind at its SHIFT_* bit position."""
    mask = 0
    for k in _KINDS:
        mask |= _errdict[_state.modes[k]] << _SHIFTS[k]
    return [_state.bufsize, mask, _state.call]


def seterrobj(errobj):
    """numpy.seterrobj: sets the buffer size, the error modes and the callback of this thread
    from a list [bufsize, errmask, callback] (the form geterrobj returns)."""
    if type(errobj) is not list or len(errobj) != 3:
        raise ValueError("Error object must be a list of length 3")
    bufsize = _c_long(errobj[0])
    if bufsize < _MIN_BUFSIZE or bufsize > _MAX_BUFSIZE or bufsize % 16 != 0:
        raise ValueError("buffer size (%d) is not in range (%d - %d) or not a multiple of 16"
                         % (bufsize, _MIN_BUFSIZE, _MAX_BUFSIZE))
    mask = _c_long(errobj[1])
    modes = {k: _errdict_rev.get((mask >> _SHIFTS[k]) & 7) for k in _KINDS}
    if mask < 0 or None in modes.values():
        raise ValueError("invalid error mask (%d)" % mask)
    func = errobj[2]
    if func is not None and not callable(func) and not callable(getattr(func, "write", None)):
        raise TypeError("python object must be callable or have a callable write method")
    seterr(**modes)
    _state.call = func
    _state.bufsize = bufsize


def _c_long(v):
    """An int as NumPy reads a C long from Python (its TypeError and OverflowError)."""
    v = operator.index(v)
    if not -2 ** 63 <= v < 2 ** 63:
        raise OverflowError("Python int too large to convert to C long")
    return v


class _unspecified:
    pass


_Unspecified = _unspecified()


class errstate(contextlib.ContextDecorator):
    """numpy.errstate(*, call=..., **kwargs): seterr(**kwargs) (and seterrcall(call)) for the
    duration of a with block or of a decorated function; the previous state is restored on
    exit."""

    def __init__(self, *, call=_Unspecified, **kwargs):
        self.call = call
        self.kwargs = kwargs

    def __enter__(self):
        self.oldstate = seterr(**self.kwargs)
        if self.call is not _Unspecified:
            self.oldcall = seterrcall(self.call)

    def __exit__(self, *exc_info):
        seterr(**self.oldstate)
        if self.call is not _Unspecified:
            seterrcall(self.oldcall)


def _parse(message):
    """(kind, bit, errtype, ufunc name) of a floating-point error message, or None."""
    errtype, sep, name = message.partition(_SEP)
    if not sep:
        return None
    k = _ERRTYPES.get(errtype)
    if k is None:
        return None
    return k[0], k[1], errtype, name


def fpe_dispatch(items, stacklevel):
    """Emits the warnings of one flush (one library call): floating-point errors by this
    thread's mode, other warnings as Python warnings. NumPy's rules: 'call' calls
    func(errtype, flags) with the flags of all errors of the call; 'print' writes
    "Warning: <message>" to stderr for the first error of the call only; 'log' writes it to
    the seterrcall object (every error, as NumPy 1.24 does)."""
    modes = _state.modes
    parsed = []
    flags = 0
    for _, category, message in items:
        p = _parse(message) if category == _RUNTIME else None
        parsed.append(p)
        if p is not None:
            flags |= p[1]
    first = True
    for (_, category, message), p in zip(items, parsed):
        mode = modes[p[0]] if p is not None else "warn"
        if mode == "warn":
            warnings.warn(message, _capi.WARNINGS.get(category, RuntimeWarning),
                          stacklevel=stacklevel)
        elif mode == "call":
            func = _state.call
            if func is None:
                raise NameError("python callback specified for %s (in  %s) but no function "
                                "found." % (p[2], p[3]))
            func(p[2], flags)
        elif mode == "print":
            if first:
                sys.stderr.write("Warning: %s\n" % message)
                first = False
        elif mode == "log":
            obj = _state.call
            if obj is None or not callable(getattr(obj, "write", None)):
                raise NameError("log specified for %s (in %s) but no object with write method "
                                "found." % (p[2], p[3]))
            first = False
            obj.write("Warning: %s\n" % message)
        # 'ignore'/'raise' never reach here: the library drops or raises those itself.


_capi.fpe_dispatch = fpe_dispatch
