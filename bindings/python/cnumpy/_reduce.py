"""Reductions: sum, prod, min/amin, max/amax, mean, std, var, ptp, all, any, count_nonzero,
argmin, argmax, cumsum, cumprod (NumPy 1.24 signatures; _methods makes them ndarray methods).
The work is done by the library (include/cnumpy/reduce.h); a reduction to a scalar returns a
cnumpy scalar, as NumPy does."""
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
    if type(a) is not ndarray and isinstance(a, ndarray):
        return _for_subclass(sum, locals())
    return _reduce_dtype(_sum, a, axis, dtype, out, keepdims, initial, where)


def prod(a, axis=None, dtype=None, out=None, keepdims=False, initial=NoValue, where=True):
    """numpy.prod."""
    if type(a) is not ndarray and isinstance(a, ndarray):
        return _for_subclass(prod, locals())
    return _reduce_dtype(_prod, a, axis, dtype, out, keepdims, initial, where)


def amin(a, axis=None, out=None, keepdims=False, initial=NoValue, where=True):
    """numpy.amin / numpy.min: NaN propagates."""
    if type(a) is not ndarray and isinstance(a, ndarray):
        return _for_subclass(amin, locals())
    return _reduce_plain(_min, a, axis, out, keepdims, initial, where)


def amax(a, axis=None, out=None, keepdims=False, initial=NoValue, where=True):
    """numpy.amax / numpy.max: NaN propagates."""
    if type(a) is not ndarray and isinstance(a, ndarray):
        return _for_subclass(amax, locals())
    return _reduce_plain(_max, a, axis, out, keepdims, initial, where)


min = amin  # noqa: A001
max = amax  # noqa: A001


def mean(a, axis=None, dtype=None, out=None, keepdims=False, *, where=True):
    """numpy.mean: integers average in float64, float16 accumulates in float32."""
    if type(a) is not ndarray and isinstance(a, ndarray):
        return _for_subclass(mean, locals())
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
    if type(a) is not ndarray and isinstance(a, ndarray):
        return _for_subclass(var, locals())
    return _var_like(_var, a, axis, dtype, out, ddof, keepdims, where)


def std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True):
    """numpy.std: sqrt(var)."""
    if type(a) is not ndarray and isinstance(a, ndarray):
        return _for_subclass(std, locals())
    return _var_like(_std, a, axis, dtype, out, ddof, keepdims, where)


def ptp(a, axis=None, out=None, keepdims=False):
    """numpy.ptp: max - min."""
    if type(a) is not ndarray and isinstance(a, ndarray):
        return _for_subclass(ptp, locals())
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
    if type(a) is not ndarray and isinstance(a, ndarray):
        return _for_subclass(all, locals())
    return _logical(_all, a, axis, out, keepdims, where)


def any(a, axis=None, out=None, keepdims=False, *, where=True):  # noqa: A001
    """numpy.any."""
    if type(a) is not ndarray and isinstance(a, ndarray):
        return _for_subclass(any, locals())
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
    if type(a) is not ndarray and isinstance(a, ndarray):
        return _for_subclass(cumsum, locals())
    return _acc(_cumsum, a, axis, dtype, out)


def cumprod(a, axis=None, dtype=None, out=None):
    """numpy.cumprod (always an array)."""
    if type(a) is not ndarray and isinstance(a, ndarray):
        return _for_subclass(cumprod, locals())
    return _acc(_cumprod, a, axis, dtype, out)


_METHOD_NAMES = {}     # the reductions below -> the name of the ndarray method NumPy calls


def _for_subclass(fn, args):
    """numpy.<fn> for an ndarray subclass instance, as NumPy 1.24 runs it: the subclass's own
    method of that name when it has one (NumPy's _wrapreduction/_wrapfunc: numpy.sum of a
    matrix is matrix.sum), called with axis, dtype (where the function has one), out and the
    other arguments that were given; otherwise fn on the plain array, its result through the
    input's __array_wrap__ (`np.sum(a)` and `a.sum()` of a subclass give a 0-d instance of it,
    _subclass.reduce_result). args: fn's arguments (its locals() at entry)."""
    a = args.pop("a")
    name = _METHOD_NAMES[fn]
    own = getattr(type(a), name, None)
    if own is not None and own is not ndarray.__dict__.get(name):
        defaults = _DEFAULTS[fn]
        call = {k: v for k, v in args.items()
                if k in ("axis", "dtype", "out") or v is not defaults.get(k, NoValue)}
        return own(a, **call)
    return _array_method(fn, a, args)


def _array_method(fn, a, args):
    """What ndarray's method runs for a subclass: fn on the plain array, wrapped."""
    return reduce_result(a, fn(a.view(ndarray), **args), args.get("out"))


def _method_form(fn):
    """ndarray.<method> (its Python form; the C fast path takes exact arrays first): fn
    without the call of a subclass's own method, which would come back here when that method
    calls ndarray's."""
    names = fn.__code__.co_varnames[1:fn.__code__.co_argcount]

    def method(a, *args, **kwargs):
        if type(a) is ndarray or not isinstance(a, ndarray):
            return fn(a, *args, **kwargs)
        given = dict(zip(names, args))
        given.update(kwargs)
        return _array_method(fn, a, given)
    method.__name__ = method.__qualname__ = fn.__name__
    method.__doc__ = fn.__doc__
    return method


_DEFAULTS = {}
for _fn, _name in ((sum, "sum"), (prod, "prod"), (amin, "min"), (amax, "max"), (mean, "mean"),
                   (var, "var"), (std, "std"), (ptp, "ptp"), (all, "all"), (any, "any"),
                   (cumsum, "cumsum"), (cumprod, "cumprod")):
    _METHOD_NAMES[_fn] = _name
    _code = _fn.__code__
    _DEFAULTS[_fn] = dict(zip(_code.co_varnames[1:_code.co_argcount], _fn.__defaults__ or ()))
    _DEFAULTS[_fn].update(_fn.__kwdefaults__ or {})
    _fn.array_method = _method_form(_fn)
del _fn, _name, _code
min = amin  # noqa: A001
max = amax  # noqa: A001
