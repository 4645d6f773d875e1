"""numpy.correlate, numpy.convolve, numpy.cross (numpy.core.numeric), numpy.interp and
numpy.unwrap (numpy/lib/function_base.py) over the library's kernels (include/cnumpy/numeric.h), with NumPy 1.24's
argument handling: mode names (with NumPy's deprecated inexact matches), 0-d results returned
as scalars by interp, left/right/period."""
import math
import operator
import warnings

from . import _backend
from ._capi import cfunc, produce
from ._args import normalize_axis
from ._casting import copyto, result_type
from ._convert import array, as_array, asarray
from ._creation import empty
from ._dtype import promote_types
from ._ndarray import ndarray
from ._shape_funcs import broadcast_shapes, moveaxis
from ._stats import diff
from ._type_check import min_scalar_type
from ._ufunc_table import UFUNCS

__all__ = ["correlate", "convolve", "interp", "cross", "unwrap"]

_correlate, _convolve, _interp = (cfunc("cnp_" + n) for n in ("correlate", "convolve", "interp"))
_NULL = _backend.NULL
_multiply, _negative = UFUNCS["multiply"], UFUNCS["negative"]
_mod, _absolute = UFUNCS["remainder"], UFUNCS["absolute"]
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


def cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None):
    """numpy.cross: the cross product of 2- or 3-vectors along the given axes (NumPy's steps:
    the same products and differences in the same order, so values match bit for bit)."""
    if axis is not None:
        axisa, axisb, axisc = (axis,) * 3
    a, b = asarray(a), asarray(b)
    axisa = normalize_axis(axisa, a.ndim, "axisa")
    axisb = normalize_axis(axisb, b.ndim, "axisb")
    a = moveaxis(a, axisa, -1)
    b = moveaxis(b, axisb, -1)
    if a.shape[-1] not in (2, 3) or b.shape[-1] not in (2, 3):
        raise ValueError("incompatible dimensions for cross product\n"
                         "(dimension must be 2 or 3)")
    shape = broadcast_shapes(a[..., 0].shape, b[..., 0].shape)
    if a.shape[-1] == 3 or b.shape[-1] == 3:
        shape += (3,)
        axisc = normalize_axis(axisc, len(shape), "axisc")
    dt = promote_types(a.dtype, b.dtype)
    cp = empty(shape, dt)
    a, b = a.astype(dt), b.astype(dt)
    a0, a1, b0, b1 = a[..., 0], a[..., 1], b[..., 0], b[..., 1]
    a2 = a[..., 2] if a.shape[-1] == 3 else None
    b2 = b[..., 2] if b.shape[-1] == 3 else None
    if cp.ndim != 0 and cp.shape[-1] == 3:
        cp0, cp1, cp2 = cp[..., 0], cp[..., 1], cp[..., 2]
    if a.shape[-1] == 2 and b.shape[-1] == 2:
        _multiply(a0, b1, out=cp)
        cp -= a1 * b0
        return cp
    if a.shape[-1] == 2:
        _multiply(a1, b2, out=cp0)
        _multiply(a0, b2, out=cp1)
        _negative(cp1, out=cp1)
        _multiply(a0, b1, out=cp2)
        cp2 -= a1 * b0
    elif b.shape[-1] == 3:
        _multiply(a1, b2, out=cp0)
        tmp = array(a2 * b1)
        cp0 -= tmp
        _multiply(a2, b0, out=cp1)
        _multiply(a0, b2, out=tmp)
        cp1 -= tmp
        _multiply(a0, b1, out=cp2)
        _multiply(a1, b0, out=tmp)
        cp2 -= tmp
    else:
        _multiply(a2, b1, out=cp0)
        _negative(cp0, out=cp0)
        _multiply(a2, b0, out=cp1)
        _multiply(a0, b1, out=cp2)
        cp2 -= a1 * b0
    return moveaxis(cp, -1, axisc)


_KIND_RANK = {"b": 0, "u": 1, "i": 1, "f": 2, "c": 3}


def _legacy(op, arr, v):
    """op(arr, v) for a Python scalar v with NumPy 1.24's value-based promotion (the scalar's
    value decides, when its kind is not above the array's: int8 array - 200 is int16), which
    the NEP 50 operands of cnumpy's ufuncs do not apply: arr is cast to that dtype first."""
    if type(v) in (bool, int, float, complex):
        vk = 0 if type(v) is bool else 1 if type(v) is int else 2 if type(v) is float else 3
        if _KIND_RANK.get(arr.dtype.kind, 4) >= vk:
            m = min_scalar_type(v)
            if m.kind == "u" and arr.dtype.kind == "i" and v < 2 ** 63:
                # NumPy's "small unsigned" rule: a positive value that fits the signed type
                # of its size counts as signed (int8 array + 8 stays int8)
                m = min_scalar_type(-v - 1)
            t = promote_types(arr.dtype, m)
        else:       # a higher kind: the Python type's default dtype (uint64 past int64)
            big = type(v) is int and v >= 2 ** 63
            t = promote_types(arr.dtype, min_scalar_type(v) if big else result_type(v))
        arr = arr.astype(t, copy=False)
    return op(arr, v)


def _legacy_type(arr, v):
    return _legacy(lambda x, _: x, arr, v).dtype if type(v) in (bool, int, float, complex) \
        else result_type(arr, v)


def unwrap(p, discont=None, axis=-1, *, period=2 * math.pi):
    """numpy.unwrap: p with every jump along axis larger than max(discont, period/2) replaced
    by its complement modulo period (NumPy 1.24's steps and dtypes, value-based promotion of
    the Python scalars included, so integer input with an integer period stays integer and
    ties at +-period/2 keep the sign of the jump)."""
    p = asarray(p)
    dd = diff(p, axis=axis)
    if discont is None:
        discont = period / 2
    slice1 = [slice(None, None)] * p.ndim
    slice1[axis] = slice(1, None)
    slice1 = tuple(slice1)
    dt = _legacy_type(dd, period)
    if dt.kind in "iu":
        interval_high, rem = divmod(period, 2)
        boundary_ambiguous = rem == 0
    else:
        interval_high = period / 2
        boundary_ambiguous = True
    interval_low = -interval_high
    ddmod = _legacy(operator.sub, dd, interval_low)
    ddmod = _legacy(operator.add, _legacy(_mod, ddmod, period), interval_low)
    if boundary_ambiguous:
        # ties: mod gave -period/2 for a jump of exactly +period/2; keep the jump's sign
        copyto(ddmod, interval_high,
               where=_legacy(operator.eq, ddmod, interval_low) & (dd > 0))
    ph_correct = ddmod - dd
    copyto(ph_correct, 0, where=_legacy(operator.lt, _absolute(dd), discont))
    up = array(p, copy=True, dtype=dt)
    up[slice1] = p[slice1] + ph_correct.cumsum(axis)
    return up
