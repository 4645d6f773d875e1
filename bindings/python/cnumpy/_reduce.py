"""Reductions: sum, prod, min/amin, max/amax, mean, std, var, ptp, all, any, count_nonzero,
argmin, argmax, cumsum, cumprod (NumPy 1.24 signatures; _methods makes them ndarray methods).
The work is done by the library (include/cnumpy/reduce.h); a reduction to a scalar returns a
cnumpy scalar, as NumPy does."""
import functools
import warnings

from . import _args, _backend
from ._args import NoValue, axes as _axes, axis_pointer as _axis_pointer, out as _out, handle as _h
from ._capi import cfunc, produce, produce_into
from ._convert import as_array
from ._datetime import check_time_initial
from ._dtype import dtype as _dtype_cls
from ._ndarray import ndarray
from ._operands import operand, where_mask as _where
from ._shape_funcs import broadcast_to
from ._subclass import reduce_result
from ._ufunc_table import UFUNCS

_NULL = _backend.NULL

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


def _kind(a, dtype):
    """The kind of the values a reduction computes: its dtype= or the input's."""
    return (a.dtype if dtype is None else _dtype_cls(dtype)).kind


def _initial(initial):
    return None if initial is NoValue else operand(initial)


# Object arrays reduce through their ufunc's object loop (NumPy's object reductions).
_OBJECT_UFUNC = {_sum: "add", _prod: "multiply", _min: "minimum", _max: "maximum",
                 _all: "logical_and", _any: "logical_or"}


def _objects(fn, a, axis, out, keepdims, initial, where):
    return UFUNCS[_OBJECT_UFUNC[fn]].reduce(a, axis=axis, out=out, keepdims=keepdims,
                                            initial=initial, where=where)


def _reduce_dtype(fn, a, axis, dtype, out, keepdims, initial, where):
    if isinstance(a, ndarray) and a.dtype.kind == "O":
        return _objects(fn, a, axis, out, keepdims, initial, where)
    if initial is None:     # NumPy passes it on to ufunc.reduce: no identity (add, multiply)
        uf = UFUNCS["add" if fn is _sum else "multiply"]
        return uf.reduce(a, axis=axis, dtype=dtype, out=out, keepdims=keepdims, initial=None,
                         where=where)
    a = as_array(a)
    out = _out(out)
    ax, n = _axes(axis)
    check_time_initial(a, initial)
    ini, wh = _initial(initial), _where(where)
    return produce_into(fn, out, a._h, ax, n, _args.dtype_handle(dtype), _h(out), _args.boolean(keepdims),
                        _h(ini), _h(wh), result_kind=_kind(a, dtype))


def _reduce_plain(fn, a, axis, out, keepdims, initial, where):
    a = as_array(a)
    if a.dtype.kind == "O":
        return _objects(fn, a, axis, out, keepdims, initial, where)
    out = _out(out)
    ax, n = _axes(axis)
    check_time_initial(a, initial)
    ini = None if initial is None else _initial(initial)    # None: maximum/minimum's default
    wh = _where(where)
    return produce_into(fn, out, a._h, ax, n, _h(out), _args.boolean(keepdims), _h(ini), _h(wh),
                        result_kind=a.dtype.kind)


def sum(a, axis=None, dtype=None, out=None, keepdims=False, initial=NoValue, where=True):  # noqa: A001
    """numpy.sum: pairwise summation like NumPy; bool/small ints sum in int64 (uint64)."""
    return _reduce_dtype(_sum, a, axis, dtype, out, keepdims, initial, where)


def prod(a, axis=None, dtype=None, out=None, keepdims=False, initial=NoValue, where=True):
    """numpy.prod."""
    return _reduce_dtype(_prod, a, axis, dtype, out, keepdims, initial, where)


def amin(a, axis=None, out=None, keepdims=False, initial=NoValue, where=True):
    """numpy.amin / numpy.min: NaN propagates."""
    return _reduce_plain(_min, a, axis, out, keepdims, initial, where)


def amax(a, axis=None, out=None, keepdims=False, initial=NoValue, where=True):
    """numpy.amax / numpy.max: NaN propagates."""
    return _reduce_plain(_max, a, axis, out, keepdims, initial, where)


min = amin  # noqa: A001
max = amax  # noqa: A001


def mean(a, axis=None, dtype=None, out=None, keepdims=False, *, where=True):
    """numpy.mean: integers average in float64, float16 accumulates in float32."""
    a = as_array(a)
    if a.dtype.kind in "Mm":
        return _time_mean(a, axis, dtype, out, keepdims, where)
    out = _out(out)
    ax, n = _axes(axis)
    wh = _where(where)
    return produce_into(_mean, out, a._h, ax, n, _args.dtype_handle(dtype), _h(out), _args.boolean(keepdims),
                        _h(wh), result_kind=_kind(a, dtype))


def _count_items(a, axis, keepdims, where):
    """NumPy's _count_reduce_items: the number of elements each mean divides by (an int64 array
    with a where mask)."""
    if where is True:
        if axis is None:
            axis = tuple(range(a.ndim))
        elif not isinstance(axis, tuple):
            axis = (axis,)
        items = 1
        for ax in axis:
            items *= a.shape[_args.normalize_axis(ax, a.ndim)]
        return items
    return sum(broadcast_to(where, a.shape), axis, "int64", None, keepdims)


def _time_mean(a, axis, dtype, out, keepdims, where):
    """NumPy's _mean for timedelta64: the sum (dtype float64 when none is given, because
    timedelta64 is an integer type; the timedelta add ignores it) divided by the count with the
    timedelta / int loop, which truncates; datetime64 raises the add loop's error."""
    rcount = _count_items(a, axis, keepdims, where)
    empty = rcount == 0 if isinstance(rcount, int) else bool((rcount == 0).any())
    if empty:
        warnings.warn("Mean of empty slice.", RuntimeWarning, stacklevel=3)
    if dtype is None and a.dtype.kind == "m":
        dtype = "float64"
    ret = sum(a, axis=axis, dtype=dtype, out=out, keepdims=keepdims, where=where)
    if isinstance(ret, ndarray):
        return UFUNCS["divide"](ret, rcount, out=ret, casting="unsafe")
    return UFUNCS["divide"](ret, rcount)


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
    if a.dtype.kind == "O":
        return _objects(fn, a, axis, out, keepdims, NoValue, where)
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
    ax = _axis_pointer(axis)
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
    ax = _axis_pointer(axis)
    if out is None:     # never 0-d: no shape query to decide whether to unwrap it
        return produce(fn, a._h, ax, _args.dtype_handle(dtype), _NULL)
    return produce_into(fn, out, a._h, ax, _args.dtype_handle(dtype), out._h,
                        result_kind=_kind(a, dtype))


def cumsum(a, axis=None, dtype=None, out=None):
    """numpy.cumsum (always an array)."""
    return _acc(_cumsum, a, axis, dtype, out)


def cumprod(a, axis=None, dtype=None, out=None):
    """numpy.cumprod (always an array)."""
    return _acc(_cumprod, a, axis, dtype, out)


def _subclass_results(f, method_name, passes_dtype):
    """numpy.<f> as NumPy 1.24 runs it for arrays that are not exact ndarrays: a subclass's own
    method of that name is called instead (NumPy's _wrapreduction/_wrapfunc: numpy.sum of a
    matrix is matrix.sum), and otherwise the result passes through the input's __array_wrap__
    (`np.sum(a)` and `a.sum()` of a subclass give a 0-d instance of it; reduce_result). The
    second form is `.array_method`, what ndarray's method runs (no dispatch: a subclass's
    override calling ndarray's must not come back to itself)."""
    names = f.__code__.co_varnames[1:f.__code__.co_argcount + f.__code__.co_kwonlyargcount]
    defaults = dict(zip(f.__code__.co_varnames[1:f.__code__.co_argcount], f.__defaults__ or ()))
    defaults.update(f.__kwdefaults__ or {})
    out_at = names.index("out")

    @functools.wraps(f)
    def array_method(a, *args, **kwargs):
        r = f(a, *args, **kwargs)
        if type(a) is ndarray:
            return r
        out = kwargs.get("out", args[out_at] if len(args) > out_at else None)
        return reduce_result(a, r, out)

    @functools.wraps(f)
    def function(a, *args, **kwargs):
        if type(a) is not ndarray and isinstance(a, ndarray):
            own = getattr(type(a), method_name, None)
            if own is not None and own is not ndarray.__dict__.get(method_name):
                given = dict(zip(names, args))
                given.update(kwargs)
                # NumPy passes axis, dtype (where the function has one) and out, and the other
                # keywords only when given
                call = {k: v for k, v in given.items()
                        if k in ("axis", "out") or (k == "dtype" and passes_dtype)
                        or v is not defaults.get(k, NoValue)}
                call.setdefault("axis", None)
                call.setdefault("out", None)
                if passes_dtype:
                    call.setdefault("dtype", None)
                return own(a, **call)
        return array_method(a, *args, **kwargs)
    del array_method.__wrapped__, function.__wrapped__
    function.array_method = array_method
    return function


sum = _subclass_results(sum, "sum", True)  # noqa: A001
prod = _subclass_results(prod, "prod", True)
amin = _subclass_results(amin, "min", False)
amax = _subclass_results(amax, "max", False)
mean = _subclass_results(mean, "mean", True)
var = _subclass_results(var, "var", True)
std = _subclass_results(std, "std", True)
ptp = _subclass_results(ptp, "ptp", False)
all = _subclass_results(all, "all", False)  # noqa: A001
any = _subclass_results(any, "any", False)  # noqa: A001
cumsum = _subclass_results(cumsum, "cumsum", True)
cumprod = _subclass_results(cumprod, "cumprod", True)
min = amin  # noqa: A001
max = amax  # noqa: A001
