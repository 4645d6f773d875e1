"""ufunc.reduce, accumulate, reduceat and at (NumPy 1.24 signatures). The library does the
work (cnp_ufunc_reduce and friends in include/cnumpy/reduce.h), naming the ufunc by its NumPy
name."""
import operator

from . import _args, _backend
from ._args import NoValue, handle as _h
from ._capi import call, cfunc, produce_into
from ._convert import as_array
from ._datetime import check_time_initial
from ._dtype import dtype as _dtype
from ._errors import AxisError
from ._indexing import parse_index
from ._ndarray import ndarray
from . import _objufunc
from ._operands import operand, where_mask

_NULL = _backend.NULL
_reduce = cfunc("cnp_ufunc_reduce")
_accumulate = cfunc("cnp_ufunc_accumulate")
_reduceat = cfunc("cnp_ufunc_reduceat")
_at = cfunc("cnp_ufunc_at")


def _kind(uf, a, dtype):
    """The kind of the values a reduction of uf computes (its dtype= or the input's; the
    comparisons and logical ufuncs give booleans)."""
    if uf.__name__ in _BOOL_RESULT:
        return "b"
    return (a.dtype if dtype is None else _dtype(dtype)).kind


_BOOL_RESULT = {"equal", "not_equal", "less", "less_equal", "greater", "greater_equal",
                "logical_and", "logical_or", "logical_xor"}


def _name(uf):
    return uf.__name__.encode()


def _axis(axis):
    if isinstance(axis, tuple):
        if len(axis) != 1:
            raise ValueError("accumulate does not allow multiple axes")
        axis = axis[0]
    return operator.index(axis)


def reduce(uf, array, axis=0, dtype=None, out=None, keepdims=False, initial=NoValue, where=True):
    a = as_array(array)
    out = _args.out(out)
    if a.ndim == 0 and not isinstance(axis, tuple) and axis is not None:
        # NumPy reduces a 0-d array over no axes for axis 0 / -1.
        if operator.index(axis) not in (0, -1):
            raise AxisError(operator.index(axis), 0)
        axis = ()
    if a.dtype.kind == "O" or getattr(uf, "_pyfunc", None) is not None:
        if a.dtype.kind != "O":
            a = _objufunc.cast_objects(a, _objufunc.OBJECT)
        return _objufunc.reduce(uf, a, axis, out, keepdims, initial, where)
    ax, n = _args.axes(axis)
    no_identity = initial is None
    check_time_initial(a, initial)
    ini = None if initial is NoValue or initial is None else operand(initial)
    wh = where_mask(where)
    return produce_into(_reduce, out, _name(uf), a._h, ax, n, _args.dtype_handle(dtype), _h(out),
                        _args.boolean(keepdims), _h(ini), 1 if no_identity else 0, _h(wh),
                        result_kind=_kind(uf, a, dtype))


def accumulate(uf, array, axis=0, dtype=None, out=None):
    a = as_array(array)
    out = _args.out(out)
    if axis is None:
        if a.ndim > 1:
            raise ValueError("accumulate does not allow multiple axes")
        axis = 0
    if a.dtype.kind == "O" or getattr(uf, "_pyfunc", None) is not None:
        if a.dtype.kind != "O":
            a = _objufunc.cast_objects(a, _objufunc.OBJECT)
        return _objufunc.accumulate(uf, a, axis, out)
    ax = _axis(axis)
    r = produce_into(_accumulate, out, _name(uf), a._h, ax, _args.dtype_handle(dtype), _h(out),
                     result_kind=_kind(uf, a, dtype))
    return r


def reduceat(uf, array, indices, axis=0, dtype=None, out=None):
    a = as_array(array)
    out = _args.out(out)
    idx = as_array(indices)
    return produce_into(_reduceat, out, _name(uf), a._h, idx._h, operator.index(axis),
                        _args.dtype_handle(dtype), _h(out), result_kind=_kind(uf, a, dtype))


def at(uf, a, indices, b=None):
    if not isinstance(a, ndarray):
        raise TypeError("ufunc 'at' requires an array as its first argument")
    items, _ints, keep = parse_index(indices, a.shape)
    bb = None if b is None else operand(b)
    call(_at, _name(uf), a._h, len(items), _backend.index_array(items) if items else _NULL, _h(bb))
    del keep    # the index arrays the items point to live until here
