"""The exception and warning classes cnumpy raises beyond Python's own, and the stack level that
points warnings at the user's code. Which status becomes which exception is _capi's business."""
import sys


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


class VisibleDeprecationWarning(UserWarning):
    """numpy.VisibleDeprecationWarning: a deprecation shown by default (a UserWarning), for
    uses that are most likely a user's mistake."""


class ModuleDeprecationWarning(DeprecationWarning):
    """numpy.ModuleDeprecationWarning: the deprecation of a whole module."""


class TooHardError(RuntimeError):
    """numpy.TooHardError: shares_memory gave up within its max_work ("Exceeded max_work")."""


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
