"""Rearranging arrays (numpy's function_base and shape_base): flip, fliplr, flipud, roll, rot90,
repeat (in the library), tile, resize, trim_zeros, insert, delete."""
import operator
import warnings

from . import _args, _backend
from ._args import normalize_axis, normalize_axis_tuple
from ._capi import produce
from ._convert import as_array, asarray, array
from ._creation import empty, zeros, full, arange
from ._joining import concatenate
from ._ndarray import ndarray
from ._shape_funcs import moveaxis, ravel, transpose

_lib = _backend.lib


def flip(m, axis=None):
    m = as_array(m)
    if axis is None:
        return m[(slice(None, None, -1),) * m.ndim]
    axes = normalize_axis_tuple(axis, m.ndim)
    return m[tuple(slice(None, None, -1) if d in axes else slice(None) for d in range(m.ndim))]


def fliplr(m):
    m = as_array(m)
    if m.ndim < 2:
        raise ValueError("Input must be >= 2-d.")
    return m[:, ::-1]


def flipud(m):
    m = as_array(m)
    if m.ndim < 1:
        raise ValueError("Input must be >= 1-d.")
    return m[::-1, ...]


def roll(a, shift, axis=None):
    a = as_array(a)
    if axis is None:
        return roll(a.ravel(), shift, 0).reshape(a.shape)
    shifts = list(shift) if hasattr(shift, "__len__") else [shift]
    axes = list(axis) if hasattr(axis, "__len__") else [axis]
    if len(shifts) == 1:
        shifts = shifts * len(axes)
    elif len(axes) == 1:
        axes = axes * len(shifts)
    elif len(shifts) != len(axes):
        raise ValueError("'shift' and 'axis' should be scalars or 1D sequences")
    total = {}
    for sh, ax in zip(shifts, axes):
        ax = normalize_axis(ax, a.ndim)
        total[ax] = total.get(ax, 0) + operator.index(sh)
    result = a
    for ax, sh in total.items():
        n = a.shape[ax]
        if n == 0:
            continue
        s = sh % n
        if s == 0:
            continue
        pre = (slice(None),) * ax
        result = concatenate([result[pre + (slice(n - s, None),)],
                              result[pre + (slice(0, n - s),)]], axis=ax, dtype=a.dtype)
    return result.copy() if result is a else result


def rot90(m, k=1, axes=(0, 1)):
    axes = tuple(axes)
    if len(axes) != 2:
        raise ValueError("len(axes) must be 2.")
    m = as_array(m)
    if axes[0] == axes[1] or abs(axes[0] - axes[1]) == m.ndim:
        raise ValueError("Axes must be different.")
    if (axes[0] >= m.ndim or axes[0] < -m.ndim or axes[1] >= m.ndim or axes[1] < -m.ndim):
        raise ValueError("Axes={} out of range for array of ndim={}.".format(axes, m.ndim))
    k %= 4
    if k == 0:
        return m[:]
    if k == 2:
        return flip(flip(m, axes[0]), axes[1])
    axes_list = list(range(m.ndim))
    a0, a1 = axes[0] % m.ndim, axes[1] % m.ndim
    axes_list[a0], axes_list[a1] = axes_list[a1], axes_list[a0]
    if k == 1:
        return transpose(flip(m, axes[1]), axes_list)
    return flip(transpose(m, axes_list), axes[1])


def repeat(a, repeats, axis=None):
    a = as_array(a)
    r = as_array(repeats)
    return produce(_lib.cnp_repeat, a._h, r._h, _args.axis_pointer(axis))


def tile(A, reps):
    try:
        tup = tuple(reps)
    except TypeError:
        tup = (reps,)
    d = len(tup)
    c = as_array(A)
    if c.ndim < d:
        c = c.reshape((1,) * (d - c.ndim) + c.shape)
    if all(x == 1 for x in tup):
        return c.copy()
    if d < c.ndim:
        tup = (1,) * (c.ndim - d) + tup
    shape_out = tuple(s * t for s, t in zip(c.shape, tup))
    n = c.size
    if n > 0:
        for dim_in, nrep in zip(c.shape, tup):
            if nrep != 1:
                c = repeat(c.reshape(-1, n), nrep, 0)
            n //= dim_in
    else:
        c = c.copy()
    return c.reshape(shape_out)


def resize(a, new_shape):
    if not hasattr(new_shape, "__len__"):
        new_shape = (new_shape,)
    new_shape = tuple(operator.index(n) for n in new_shape)
    a = ravel(a)
    new_size = 1
    for n in new_shape:
        if n < 0:
            raise ValueError("all elements of `new_shape` must be non-negative")
        new_size *= n
    if a.size == 0 or new_size == 0:
        return zeros(new_shape, a.dtype)
    repeats = -(-new_size // a.size)
    a = concatenate((a,) * repeats)[:new_size]
    return a.reshape(new_shape)


def trim_zeros(filt, trim="fb"):
    first = 0
    trim = trim.upper()
    if "F" in trim:
        for i in filt:
            if i != 0.:
                break
            first += 1
    last = len(filt)
    if "B" in trim:
        for i in filt[::-1]:
            if i != 0.:
                break
            last -= 1
    return filt[first:last]


def _flat_axis(arr, axis):
    """insert/delete: axis None works on the flattened array, else the axis is normalised."""
    arr = as_array(arr)
    if axis is None:
        if arr.ndim != 1:
            arr = arr.ravel()
        return arr, arr.ndim - 1
    return arr, normalize_axis(axis, arr.ndim)


def _result_order(arr):
    """NumPy's insert/delete allocate in Fortran order for Fortran-only-contiguous input."""
    return "F" if arr.flags.f_contiguous and not arr.flags.c_contiguous else "C"


def insert(arr, obj, values, axis=None):
    arr, axis = _flat_axis(arr, axis)
    layout = _result_order(arr)
    nd = arr.ndim
    n = arr.shape[axis]
    pre = (slice(None),) * axis
    if isinstance(obj, slice):
        indices = arange(*obj.indices(n))
    else:
        indices = as_array(obj)
        if indices.dtype.kind == "b":
            warnings.warn("in the future insert will treat boolean arrays and array-likes as a "
                          "boolean index instead of casting it to integer", FutureWarning,
                          stacklevel=2)
            indices = indices.astype("int64")
        elif indices.ndim > 1:
            raise ValueError("index array argument obj to insert must be one dimensional or "
                             "scalar")
    if indices.size == 1:
        index = int(indices.ravel()[0])
        if index < -n or index > n:
            raise IndexError("index %s is out of bounds for axis %i with size %i"
                             % (obj, axis, n))
        if index < 0:
            index += n
        values = array(values, copy=False, ndmin=nd, dtype=arr.dtype)
        if indices.ndim == 0:
            values = moveaxis(values, 0, axis)
        numnew = values.shape[axis]
        shape = list(arr.shape)
        shape[axis] += numnew
        new_ = empty(tuple(shape), arr.dtype, layout)
        new_[pre + (slice(None, index),)] = arr[pre + (slice(None, index),)]
        new_[pre + (slice(index, index + numnew),)] = values
        new_[pre + (slice(index + numnew, None),)] = arr[pre + (slice(index, None),)]
        return new_
    if indices.size == 0 and not isinstance(obj, ndarray):
        indices = indices.astype("int64")
    if indices.dtype.kind not in "iu":
        raise IndexError("arrays used as indices must be of integer (or boolean) type")
    idx = [int(i) for i in indices.tolist()]
    for i in idx:
        if i < -n or i > n:
            raise IndexError("index %i is out of bounds for axis %i with size %i" % (i, axis, n))
    idx = [i + n if i < 0 else i for i in idx]
    numnew = len(idx)
    order = sorted(range(numnew), key=lambda j: idx[j])
    for rank, j in enumerate(order):
        idx[j] += rank
    shape = list(arr.shape)
    shape[axis] += numnew
    new_ = empty(tuple(shape), arr.dtype, layout)
    old_mask = full(shape[axis], True, bool)
    ind = asarray(idx, dtype="int64")
    old_mask[ind] = False
    new_[pre + (ind,)] = values
    new_[pre + (old_mask,)] = arr
    return new_


def delete(arr, obj, axis=None):
    arr, axis = _flat_axis(arr, axis)
    if _result_order(arr) == "F":
        return _delete(arr, obj, axis).copy(order="F")
    return _delete(arr, obj, axis)


def _delete(arr, obj, axis):
    n = arr.shape[axis]
    pre = (slice(None),) * axis
    keep = full(n, True, bool)
    if isinstance(obj, slice):
        keep[obj] = False
        return arr[pre + (keep,)]
    ind = as_array(obj)
    if ind.dtype.kind == "b":
        if ind.shape != (n,):
            raise ValueError("boolean array argument obj to delete must be one dimensional and "
                             "match the axis length of %d" % n)
        return arr[pre + (~ind,)]
    if ind.size == 0 and not isinstance(obj, ndarray):
        ind = ind.astype("int64")
    if ind.dtype.kind not in "iu":
        raise IndexError("arrays used as indices must be of integer (or boolean) type")
    if ind.ndim == 0:
        i = int(ind)
        if i < -n or i >= n:
            raise IndexError("index %i is out of bounds for axis %i with size %i" % (i, axis, n))
    keep[ind] = False
    return arr[pre + (keep,)]


__all__ = [
    "flip", "fliplr", "flipud", "roll", "rot90", "repeat", "tile", "resize", "trim_zeros",
    "insert", "delete",
]
