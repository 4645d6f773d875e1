"""numpy.correlate, numpy.convolve (numpy.core.numeric) and numpy.interp (numpy/lib/
function_base.py) over the library's kernels (include/cnumpy/numeric.h), with NumPy 1.24's
argument handling: mode names (with NumPy's deprecated inexact matches), 0-d results returned
as scalars by interp, left/right/period."""
import operator
import warnings

from . import _backend
from ._capi import cfunc, produce
from ._convert import array, as_array, asarray
from ._ndarray import ndarray

__all__ = ["correlate", "convolve", "interp"]

_correlate, _convolve, _interp = (cfunc("cnp_" + n) for n in ("correlate", "convolve", "interp"))
_NULL = _backend.NULL
_MODES = {"valid": 0, "same": 1, "full": 2}


def _mode(mode):
    """NumPy's convolve/correlate mode converter: an exact name, an int 0..2, or (deprecated)
    a string whose first letter, in any case, names one."""
    if isinstance(mode, str):
        if mode in _MODES:
            return _MODES[mode]
        first = mode[:1].lower()
        for name, value in _MODES.items():
            if first == name[0]:
                warnings.warn("inexact matches and case insensitive matches for convolve/"
                              "correlate mode are deprecated, please use one of 'valid', "
                              "'same', or 'full' instead.", DeprecationWarning, stacklevel=3)
                return value
        raise ValueError("mode must be one of 'valid', 'same', or 'full' (got %r)" % (mode,))
    if isinstance(mode, bool) or not hasattr(mode, "__index__"):
        raise TypeError("convolve/correlate mode not understood")
    value = operator.index(mode)
    if value not in (0, 1, 2):
        raise ValueError("integer convolve/correlate mode must be 0, 1, or 2")
    return value


def correlate(a, v, mode="valid"):
    """numpy.correlate: cross-correlation of two 1-D sequences (v conjugated)."""
    m = _mode(mode)
    a, v = as_array(a), as_array(v)     # (kept alive across the call)
    return produce(_correlate, a._h, v._h, m)


def convolve(a, v, mode="full"):
    """numpy.convolve: discrete linear convolution of two 1-D sequences."""
    a, v = array(a, copy=False, ndmin=1), array(v, copy=False, ndmin=1)
    m = _mode(mode)
    return produce(_convolve, a._h, v._h, m)


def _end(value, complex_fp):
    """left/right as the kernel takes them: one double, or (real, imag) for complex fp."""
    if value is None:
        return _NULL
    if isinstance(value, ndarray):
        if value.size != 1:
            raise TypeError("only size-1 arrays can be converted to Python scalars")
        value = value.reshape(-1)[0]
    if complex_fp:
        z = complex(value)
        return _backend.double_array([z.real, z.imag])
    if isinstance(value, complex) or getattr(value, "dtype", None) is not None and \
            value.dtype.kind == "c":
        raise TypeError("must be real number, not %s" % type(value).__name__)
    return _backend.double_array([float(value)])


def interp(x, xp, fp, left=None, right=None, period=None):
    """numpy.interp: one-dimensional piecewise-linear interpolation."""
    fp = asarray(fp)
    complex_fp = fp.dtype.kind == "c"
    if period is not None:
        period = float(period)
        if period == 0:
            raise ValueError("period must be a non-zero value")
        left = right = None
    x, xp = as_array(x), as_array(xp)   # (kept alive across the call)
    r = produce(_interp, x._h, xp._h, fp._h, _end(left, complex_fp),
                _end(right, complex_fp),
                _NULL if period is None else _backend.double_array([period]))
    return r[()] if r.ndim == 0 else r
