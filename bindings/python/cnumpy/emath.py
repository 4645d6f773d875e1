"""numpy.emath (numpy/lib/scimath.py): sqrt, log, log2, log10, logn, power, arccos, arcsin and
arctanh that return complex results for real inputs outside the real domain, instead of NaN.

As NumPy: an input with a real element below zero (or |x| > 1 for the inverse functions) is
converted to complex64 (from float32 and smaller types) or complex128 first."""
from ._convert import asarray
from ._reduce import any as _any
from ._scalars import int8, int16, uint8, uint16, float32, complex64
from ._type_check import isreal
from ._ufunc_table import UFUNCS

__all__ = ["sqrt", "log", "log2", "log10", "logn", "power", "arccos", "arcsin", "arctanh"]

_SINGLE = (float32, int8, int16, uint8, uint16, complex64)


def _tocomplex(arr):
    return arr.astype(complex64 if arr.dtype.type in _SINGLE else complex)


def _fix_real_lt_zero(x):
    x = asarray(x)
    if bool(_any(isreal(x) & (x < 0))):
        x = _tocomplex(x)
    return x


def _fix_int_lt_zero(x):
    x = asarray(x)
    if bool(_any(isreal(x) & (x < 0))):
        x = x * 1.0
    return x


def _fix_real_abs_gt_1(x):
    x = asarray(x)
    if bool(_any(isreal(x) & (abs(x) > 1))):
        x = _tocomplex(x)
    return x


def sqrt(x):
    """numpy.emath.sqrt."""
    return UFUNCS["sqrt"](_fix_real_lt_zero(x))


def log(x):
    """numpy.emath.log."""
    return UFUNCS["log"](_fix_real_lt_zero(x))


def log10(x):
    """numpy.emath.log10."""
    return UFUNCS["log10"](_fix_real_lt_zero(x))


def log2(x):
    """numpy.emath.log2."""
    return UFUNCS["log2"](_fix_real_lt_zero(x))


def logn(n, x):
    """numpy.emath.logn: the base-n logarithm."""
    x = _fix_real_lt_zero(x)
    n = _fix_real_lt_zero(n)
    return UFUNCS["log"](x) / UFUNCS["log"](n)


def power(x, p):
    """numpy.emath.power."""
    return UFUNCS["power"](_fix_real_lt_zero(x), _fix_int_lt_zero(p))


def arccos(x):
    """numpy.emath.arccos."""
    return UFUNCS["arccos"](_fix_real_abs_gt_1(x))


def arcsin(x):
    """numpy.emath.arcsin."""
    return UFUNCS["arcsin"](_fix_real_abs_gt_1(x))


def arctanh(x):
    """numpy.emath.arctanh."""
    return UFUNCS["arctanh"](_fix_real_abs_gt_1(x))
