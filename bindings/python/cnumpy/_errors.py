"""Exceptions and warnings: cnp_status codes and library warnings become NumPy's Python ones."""
import sys
import threading
import warnings

from . import _backend

_lib = _backend.lib
_C = _backend.consts
_string = _backend.string


class AxisError(ValueError, IndexError):
    """numpy.AxisError: an axis argument out of range (both a ValueError and an IndexError).

    Takes NumPy's arguments: AxisError(axis, ndim=None, msg_prefix=None), or a message alone."""

    def __init__(self, axis, ndim=None, msg_prefix=None):
        if ndim is None and msg_prefix is None:
            self.axis = self.ndim = None
            self._msg = axis
        else:
            self.axis, self.ndim = axis, ndim
            msg = "axis %s is out of bounds for array of dimension %s" % (axis, ndim)
            self._msg = "%s: %s" % (msg_prefix, msg) if msg_prefix is not None else msg
        super().__init__(self._msg)

    def __str__(self):
        return str(self._msg)


class ComplexWarning(RuntimeWarning):
    """numpy.ComplexWarning: a complex value cast to a real type discards its imaginary part."""


class UFuncTypeError(TypeError):
    """NumPy's numpy.core._exceptions.UFuncTypeError: the TypeError of a ufunc's casting rules
    ("Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule
    'same_kind'") and of a ufunc without a loop for its input types ("ufunc 'positive' did not
    contain a loop with signature matching types ..."). Not a public name in NumPy 1.24
    either; catch TypeError. (Its __module__ stays cnumpy._errors, a real module, so that
    it pickles.)"""


class LinAlgError(Exception):
    """numpy.linalg.LinAlgError; cnumpy.linalg will re-export it (NumPy has no top-level
    name for it)."""


LinAlgError.__module__ = "cnumpy.linalg"


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

_WARN_BY_NAME = {"CNP_WARN_RUNTIME": RuntimeWarning, "CNP_WARN_COMPLEX": ComplexWarning,
                 "CNP_WARN_DEPRECATION": DeprecationWarning}
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

_PKG_PREFIX = __name__.rpartition(".")[0] + "."


def _user_stacklevel():
    """stacklevel for warnings.warn that points at the first frame outside this package."""
    f = sys._getframe(2)
    level = 2
    while f is not None:
        name = f.f_globals.get("__name__", "")
        if not (name.startswith(_PKG_PREFIX) or name == _PKG_PREFIX[:-1]):
            break
        f = f.f_back
        level += 1
    return level


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


# Set by _errstate: fpe_dispatch(items, stacklevel) emits a flush's warnings itself, so that
# floating-point errors follow the thread's Python error modes ('print', 'call', 'log' are
# 'warn' for the library and are carried out here).
fpe_dispatch = None


def error(status):
    """The exception for a failed call's status, with the library's message for this thread."""
    if pending:
        flush_warnings()
    msg = _string(_lib.cnp_last_error())
    cls = EXCEPTIONS.get(status, SystemError)
    if cls is TypeError and (msg.startswith("Cannot cast ufunc '") or
                             "did not contain a loop with signature matching types" in msg):
        cls = UFuncTypeError
    if cls is SystemError and status not in EXCEPTIONS:
        msg = "cnumpy: unknown status %d: %s" % (status, msg)
    return cls(msg)


def check(status):
    """Raises for a non-zero status; emits pending warnings. For call sites that are not hot
    (hot ones inline `if st: raise error(st)` and `if pending: flush_warnings()`)."""
    if status:
        raise error(status)
    if pending:
        flush_warnings()
