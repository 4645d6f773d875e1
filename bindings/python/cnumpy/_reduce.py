"""Reductions: sum, prod, min/amin, max/amax, mean, std, var, ptp, all, any, count_nonzero,
argmin, argmax, cumsum, cumprod (NumPy 1.24 signatures) and the matching ndarray methods.
The work is done by the library (include/cnumpy/reduce.h); a reduction to a scalar returns a
cnumpy scalar, as NumPy does."""
import operator

from . import _args, _backend
from ._convert import as_array
from ._errors import error, pending, flush_warnings
from ._ndarray import ndarray, wrap
from ._ufunc import cfunc, produce_into, _where_array, operand, _NoValue

_NULL = _backend.NULL
_new_array_out = _backend.new_array_out
_int64_array = _backend.int64_array
_array_free = _backend.lib.cnp_array_free


_sum = cfunc("cnp_sum")
_prod = cfunc("cnp_prod")
_min = cfunc("cnp_min")
_max = cfunc("cnp_max")
_mean = cfunc("cnp_mean")
_var = cfunc("cnp_var")
_std = cfunc("cnp_std")
_ptp = cfunc("cnp_ptp")
_all = cfunc("cnp_all")
_any = cfunc("cnp_any")
_count_nonzero = cfunc("cnp_count_nonzero")
_argmin = cfunc("cnp_argmin")
_argmax = cfunc("cnp_argmax")
_cumsum = cfunc("cnp_cumsum")
_cumprod = cfunc("cnp_cumprod")


def _axes(axis):
    """(pointer, count) for the axes argument; count -1 is None."""
    if axis is None:
        return _NULL, -1
    if isinstance(axis, tuple):
        vals = [operator.index(a) for a in axis]
        return _int64_array(vals if vals else [0]), len(vals)
    return _int64_array([operator.index(axis)]), 1


def _single_axis(axis):
    """const int64_t* for an optional single axis: NULL is None (ABI 1)."""
    if axis is None:
        return _NULL
    return _int64_array([operator.index(axis)])


def _out(out):
    if out is None:
        return None
    if isinstance(out, tuple):
        if len(out) != 1:
            raise ValueError("The 'out' tuple must have exactly one entry")
        out = out[0]
    if out is not None and not isinstance(out, ndarray):
        raise TypeError("output must be an array")
    return out


def _initial(initial):
    return None if initial is _NoValue else operand(initial)


def _where(where):
    return None if where is True else _where_array(where)


def _h(x):
    return _NULL if x is None else x._h


def _reduce_dtype(fn, a, axis, dtype, out, keepdims, initial, where):
    a = as_array(a)
    out = _out(out)
    ax, n = _axes(axis)
    ini, wh = _initial(initial), _where(where)
    return produce_into(fn, out, a._h, ax, n, _args.dtype_handle(dtype), _h(out), _args.boolean(keepdims),
                _h(ini), _h(wh))


def _reduce_plain(fn, a, axis, out, keepdims, initial, where):
    a = as_array(a)
    out = _out(out)
    ax, n = _axes(axis)
    ini, wh = _initial(initial), _where(where)
    return produce_into(fn, out, a._h, ax, n, _h(out), _args.boolean(keepdims), _h(ini), _h(wh))


def sum(a, axis=None, dtype=None, out=None, keepdims=False, initial=_NoValue, where=True):  # noqa: A001
    """numpy.sum: pairwise summation like NumPy; bool/small ints sum in int64 (uint64)."""
    return _reduce_dtype(_sum, a, axis, dtype, out, keepdims, initial, where)


def prod(a, axis=None, dtype=None, out=None, keepdims=False, initial=_NoValue, where=True):
    """numpy.prod."""
    return _reduce_dtype(_prod, a, axis, dtype, out, keepdims, initial, where)


def amin(a, axis=None, out=None, keepdims=False, initial=_NoValue, where=True):
    """numpy.amin / numpy.min: NaN propagates."""
    return _reduce_plain(_min, a, axis, out, keepdims, initial, where)


def amax(a, axis=None, out=None, keepdims=False, initial=_NoValue, where=True):
    """numpy.amax / numpy.max: NaN propagates."""
    return _reduce_plain(_max, a, axis, out, keepdims, initial, where)


min = amin  # noqa: A001
max = amax  # noqa: A001


def mean(a, axis=None, dtype=None, out=None, keepdims=False, *, where=True):
    """numpy.mean: integers average in float64, float16 accumulates in float32."""
    a = as_array(a)
    out = _out(out)
    ax, n = _axes(axis)
    wh = _where(where)
    return produce_into(_mean, out, a._h, ax, n, _args.dtype_handle(dtype), _h(out), _args.boolean(keepdims),
                _h(wh))


def _var_like(fn, a, axis, dtype, out, ddof, keepdims, where):
    a = as_array(a)
    out = _out(out)
    ax, n = _axes(axis)
    wh = _where(where)
    return produce_into(fn, out, a._h, ax, n, _args.dtype_handle(dtype), _h(out), float(ddof),
                _args.boolean(keepdims), _h(wh))


def var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True):
    """numpy.var: NumPy's two-pass algorithm; complex input gives a real result."""
    return _var_like(_var, a, axis, dtype, out, ddof, keepdims, where)


def std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True):
    """numpy.std: sqrt(var)."""
    return _var_like(_std, a, axis, dtype, out, ddof, keepdims, where)


def ptp(a, axis=None, out=None, keepdims=False):
    """numpy.ptp: max - min."""
    a = as_array(a)
    out = _out(out)
    ax, n = _axes(axis)
    return produce_into(_ptp, out, a._h, ax, n, _h(out), _args.boolean(keepdims))


def _logical(fn, a, axis, out, keepdims, where):
    a = as_array(a)
    out = _out(out)
    ax, n = _axes(axis)
    wh = _where(where)
    return produce_into(fn, out, a._h, ax, n, _h(out), _args.boolean(keepdims), _h(wh))


def all(a, axis=None, out=None, keepdims=False, *, where=True):  # noqa: A001
    """numpy.all."""
    return _logical(_all, a, axis, out, keepdims, where)


def any(a, axis=None, out=None, keepdims=False, *, where=True):  # noqa: A001
    """numpy.any."""
    return _logical(_any, a, axis, out, keepdims, where)


def count_nonzero(a, axis=None, *, keepdims=False):
    """numpy.count_nonzero: a Python int for axis=None (without keepdims)."""
    a = as_array(a)
    ax, n = _axes(axis)
    r = produce_into(_count_nonzero, None, a._h, ax, n, _args.boolean(keepdims))
    if axis is None and not keepdims:
        return int(r)
    return r


def _arg(fn, a, axis, out, keepdims):
    a = as_array(a)
    out = _out(out)
    ax = _single_axis(axis)
    return produce_into(fn, out, a._h, ax, _h(out), _args.boolean(keepdims))


def argmin(a, axis=None, out=None, *, keepdims=False):
    """numpy.argmin: the first minimum (the first NaN if any)."""
    return _arg(_argmin, a, axis, out, keepdims)


def argmax(a, axis=None, out=None, *, keepdims=False):
    """numpy.argmax: the first maximum (the first NaN if any)."""
    return _arg(_argmax, a, axis, out, keepdims)


def _acc(fn, a, axis, dtype, out):
    a = as_array(a)
    out = _out(out)
    ax = _single_axis(axis)
    cell = _new_array_out()
    st = fn(a._h, ax, _args.dtype_handle(dtype), _h(out), cell)
    if st:
        raise error(st)
    if out is not None:
        _array_free(cell[0])
        r = out
    else:
        r = wrap(cell[0])
    if pending:
        flush_warnings()
    return r


def cumsum(a, axis=None, dtype=None, out=None):
    """numpy.cumsum (always an array)."""
    return _acc(_cumsum, a, axis, dtype, out)


def cumprod(a, axis=None, dtype=None, out=None):
    """numpy.cumprod (always an array)."""
    return _acc(_cumprod, a, axis, dtype, out)


def _install_methods():
    def m_sum(self, axis=None, dtype=None, out=None, keepdims=False, initial=_NoValue, where=True):
        return sum(self, axis, dtype, out, keepdims, initial, where)

    def m_prod(self, axis=None, dtype=None, out=None, keepdims=False, initial=_NoValue, where=True):
        return prod(self, axis, dtype, out, keepdims, initial, where)

    def m_min(self, axis=None, out=None, keepdims=False, initial=_NoValue, where=True):
        return amin(self, axis, out, keepdims, initial, where)

    def m_max(self, axis=None, out=None, keepdims=False, initial=_NoValue, where=True):
        return amax(self, axis, out, keepdims, initial, where)

    def m_mean(self, axis=None, dtype=None, out=None, keepdims=False, *, where=True):
        return mean(self, axis, dtype, out, keepdims, where=where)

    def m_var(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True):
        return var(self, axis, dtype, out, ddof, keepdims, where=where)

    def m_std(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True):
        return std(self, axis, dtype, out, ddof, keepdims, where=where)

    def m_ptp(self, axis=None, out=None, keepdims=False):
        return ptp(self, axis, out, keepdims)

    def m_all(self, axis=None, out=None, keepdims=False, *, where=True):
        return all(self, axis, out, keepdims, where=where)

    def m_any(self, axis=None, out=None, keepdims=False, *, where=True):
        return any(self, axis, out, keepdims, where=where)

    def m_argmin(self, axis=None, out=None, *, keepdims=False):
        return argmin(self, axis, out, keepdims=keepdims)

    def m_argmax(self, axis=None, out=None, *, keepdims=False):
        return argmax(self, axis, out, keepdims=keepdims)

    def m_cumsum(self, axis=None, dtype=None, out=None):
        return cumsum(self, axis, dtype, out)

    def m_cumprod(self, axis=None, dtype=None, out=None):
        return cumprod(self, axis, dtype, out)

    for name, fn in (("sum", m_sum), ("prod", m_prod), ("min", m_min), ("max", m_max),
                     ("mean", m_mean), ("var", m_var), ("std", m_std), ("ptp", m_ptp),
                     ("all", m_all), ("any", m_any), ("argmin", m_argmin), ("argmax", m_argmax),
                     ("cumsum", m_cumsum), ("cumprod", m_cumprod)):
        fn.__name__ = fn.__qualname__ = name
        setattr(ndarray, name, fn)


_install_methods()
