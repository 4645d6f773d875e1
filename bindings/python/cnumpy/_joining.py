"""Joining arrays (numpy's shape_base): concatenate (in the library), stack, vstack/row_stack,
hstack, dstack, column_stack, append, block."""
import builtins

from . import _args, _backend
from ._args import normalize_axis
from ._capi import produce
from ._convert import as_array, cast_objects
from ._dtype import dtype as _dtype_cls
from ._ndarray import ndarray
from ._shape_funcs import atleast_1d, atleast_2d, atleast_3d, ravel

_lib = _backend.lib
_OBJECT = _dtype_cls("O")
_NULL = _backend.NULL


def concatenate(arrays, axis=0, out=None, dtype=None, casting="same_kind"):
    if isinstance(arrays, ndarray):
        arrays = list(arrays) if arrays.ndim else [arrays]
    arrs = [as_array(a) for a in arrays]
    # The library moves no values between object and other dtypes: they are converted here.
    want = _dtype_cls(dtype) if dtype is not None else None
    if want is not None and want.kind != "O":
        arrs = [cast_objects(a, want) if a.dtype.kind == "O" else a for a in arrs]
    elif any(a.dtype.kind == "O" for a in arrs) or want is not None or (
            isinstance(out, ndarray) and out.dtype.kind == "O"):
        arrs = [a if a.dtype.kind == "O" else cast_objects(a, _OBJECT) for a in arrs]
    handles = [a._h for a in arrs]
    d = _args.dtype_handle(dtype)
    if out is not None and not isinstance(out, ndarray):
        raise TypeError("output must be an array")
    r = produce(_lib.cnp_concatenate, len(arrs), _backend.handle_array(handles) if handles
            else _NULL, _args.axis_pointer(axis), _NULL if out is None else out._h, d,
            _args.casting(casting))
    return out if out is not None else r


def _arrays_from(tup, fname):
    if not hasattr(tup, "__len__") and hasattr(tup, "__iter__"):
        raise TypeError("arrays to %s must be passed as a \"sequence\" type such as list or "
                        "tuple." % fname)
    return tup


def stack(arrays, axis=0, out=None, *, dtype=None, casting="same_kind"):
    arrays = [as_array(a) for a in _arrays_from(arrays, "stack")]
    if not arrays:
        raise ValueError("need at least one array to stack")
    shapes = {a.shape for a in arrays}
    if len(shapes) != 1:
        raise ValueError("all input arrays must have the same shape")
    result_ndim = arrays[0].ndim + 1
    axis = normalize_axis(axis, result_ndim)
    sl = (slice(None),) * axis + (None,)
    return concatenate([a[sl] for a in arrays], axis=axis, out=out, dtype=dtype,
                       casting=casting)


def _as_list(x):
    return x if isinstance(x, list) else [x]


def vstack(tup, *, dtype=None, casting="same_kind"):
    arrs = _as_list(atleast_2d(*_arrays_from(tup, "vstack")))
    return concatenate(arrs, 0, dtype=dtype, casting=casting)


row_stack = vstack


def hstack(tup, *, dtype=None, casting="same_kind"):
    arrs = _as_list(atleast_1d(*_arrays_from(tup, "hstack")))
    if arrs and arrs[0].ndim == 1:
        return concatenate(arrs, 0, dtype=dtype, casting=casting)
    return concatenate(arrs, 1, dtype=dtype, casting=casting)


def dstack(tup):
    arrs = _as_list(atleast_3d(*_arrays_from(tup, "dstack")))
    return concatenate(arrs, 2)


def column_stack(tup):
    arrays = []
    for v in _arrays_from(tup, "column_stack"):
        arr = as_array(v)
        if arr.ndim < 2:
            arr = atleast_2d(arr).T
        arrays.append(arr)
    return concatenate(arrays, 1)


def append(arr, values, axis=None):
    arr = as_array(arr)
    if axis is None:
        if arr.ndim != 1:
            arr = arr.ravel()
        values = ravel(values)
        axis = arr.ndim - 1
    return concatenate((arr, values), axis=axis)


def _block_depth(x, index):
    """(depth, first leaf index path) of a nested list, checking NumPy's rules."""
    if type(x) is tuple:
        raise TypeError("{} is a tuple. Only lists can be used to arrange blocks, and np.block "
                        "does not allow implicit conversion from tuple to ndarray."
                        .format(_index_str(index)))
    if type(x) is list:
        if len(x) == 0:
            raise ValueError("List at {} cannot be empty".format(_index_str(index)))
        depths = []
        for i, e in enumerate(x):
            depths.append(_block_depth(e, index + [i]))
        first = depths[0]
        for d in depths[1:]:
            if d[0] != first[0]:
                raise ValueError(
                    "List depths are mismatched. First element was at depth {}, but there is "
                    "an element at depth {} ({})".format(first[0], d[0], _index_str(d[1])))
        return first[0], first[1]
    return len(index), index


def _index_str(index):
    return "arrays" + "".join("[{}]".format(i) for i in index)


def block(arrays):
    depth, _ = _block_depth(arrays, [])

    def leaves(x, d):
        if d < depth:
            for e in x:
                yield from leaves(e, d + 1)
        else:
            yield as_array(x)
    result_ndim = builtins.max([depth] + [a.ndim for a in leaves(arrays, 0)])

    def rec(x, d):
        if d < depth:
            return concatenate([rec(e, d + 1) for e in x], axis=-(depth - d))
        a = as_array(x)
        if a.ndim < result_ndim:
            a = a.reshape((1,) * (result_ndim - a.ndim) + a.shape)
        return a
    r = rec(arrays, 0)
    return r.copy() if depth == 0 else r


__all__ = [
    "concatenate", "stack", "vstack", "row_stack", "hstack", "dstack", "column_stack", "append",
    "block",
]
