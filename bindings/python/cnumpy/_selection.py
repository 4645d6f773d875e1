"""Selecting and picking elements (numpy's fromnumeric, twodim_base and index tricks): nonzero,
where, take, put, the along-axis functions, compress, extract, place, choose, select, diagonal,
diag, tri/tril/triu, trace, meshgrid, indices, ix_. nonzero, take and diagonal run in the
library; the rest are compositions of those primitives, written from NumPy's documented
semantics."""
import operator
import warnings

from . import _args, _backend
from ._args import normalize_axis
from ._capi import produce, produce_view
from ._casting import copyto, promote_types, result_type, value_dtype
from ._scalars import generic
from ._convert import as_array, asarray
from ._creation import empty, zeros, arange
from ._joining import stack
from ._subclass import plain_for_function
from ._mathfuncs import where as _where3
from ._ndarray import ndarray
from ._rearranging import resize
from ._reduce import sum as _sum
from ._shape_funcs import broadcast_arrays, broadcast_to, ravel
from ._ufunc_table import UFUNCS

_lib = _backend.lib
_MODES = {"raise": 0, "wrap": 1, "clip": 2}


def _mode(mode):
    try:
        return _MODES[mode]
    except (KeyError, TypeError):
        raise ValueError("clipmode must be one of 'clip', 'raise', or 'wrap' (got %r)"
                         % (mode,)) from None


def _scalar_or(r):
    return r[()] if not r.shape else r


def _copy_into(out, r):
    if not isinstance(out, ndarray):
        raise TypeError("output must be an array")
    if out.shape != r.shape:
        raise ValueError("output array does not match result of ndarray.take")
    copyto(out, r, casting="unsafe")
    return out



def nonzero(a):
    a = as_array(a)
    if a.ndim == 0:
        warnings.warn("Calling nonzero on 0d arrays is deprecated, as it behaves surprisingly. "
                      "Use `atleast_1d(arr).nonzero()` if the old behavior was intended.",
                      DeprecationWarning, stacklevel=2)
    r = produce(_lib.cnp_nonzero, a._h)
    return tuple(r[k] for k in range(r.shape[0]))


def flatnonzero(a):
    return nonzero(ravel(a))[0]


def argwhere(a):
    a = as_array(a)
    if a.ndim == 0:
        return argwhere(a.reshape(1))[:, :0]
    return produce(_lib.cnp_nonzero, a._h).T


def where(condition, *args, **kwargs):
    if not args and not kwargs:
        return nonzero(condition)
    return _where3(condition, *args, **kwargs)


def take(a, indices, axis=None, out=None, mode="raise"):
    a = as_array(a)
    ind = as_array(indices)
    if not isinstance(indices, ndarray) and ind.dtype.kind in "fb":
        ind = ind.astype("int64")       # NumPy converts sequences straight to intp
    r = produce(_lib.cnp_take, a._h, ind._h, _args.axis_pointer(axis), _mode(mode))
    if out is not None:
        return _copy_into(out, r)
    return _scalar_or(r)


def _flat_positions(a, ind, mode):
    """Flat indices into a, normalised by mode (raise checks the bounds)."""
    n = a.size
    ind = as_array(ind).ravel()
    if ind.dtype.kind not in "iu":
        if ind.size == 0:
            ind = ind.astype("int64")
        else:
            raise TypeError("Cannot cast array data from %r to dtype('int64') according to the "
                            "rule 'safe'" % ind.dtype)
    ind = ind.astype("int64")
    m = _mode(mode)
    if m == 0 or ind.size == 0:
        return ind
    if n == 0:
        raise IndexError("cannot replace elements of an empty array")
    if m == 1:
        return UFUNCS["remainder"](ind, n)
    return UFUNCS["minimum"](UFUNCS["maximum"](ind, 0), n - 1)


def _write_flat(a, ind, vals):
    """a.flat[ind] = vals (same length)."""
    if a.flags.c_contiguous:
        a.reshape(-1)[ind] = vals
        return
    flat = a.ravel()
    flat[ind] = vals
    a[...] = flat.reshape(a.shape)


def put(a, ind, v, mode="raise"):
    if not isinstance(a, ndarray):
        raise TypeError("argument 1 must be numpy.ndarray, not %s" % type(a).__name__)
    ind = _flat_positions(a, ind, mode)
    v = as_array(v).ravel()
    if ind.size == 0 or v.size == 0:
        return
    vals = v if v.size == ind.size else resize(v, ind.shape)
    _write_flat(a, ind, vals.astype(a.dtype))


def _along_axis_index(arr_shape, indices, axis):
    fancy = []
    nd = len(arr_shape)
    for d in range(nd):
        if d == axis:
            fancy.append(indices)
        else:
            shape = [1] * nd
            shape[d] = -1
            fancy.append(arange(arr_shape[d]).reshape(shape))
    return tuple(fancy)


def _along_axis_args(arr, indices, axis):
    arr = as_array(arr)
    indices = as_array(indices)
    if axis is None:
        arr = arr.ravel()
        axis = 0
    if indices.dtype.kind not in "iu":
        raise IndexError("`indices` must be an integer array")
    if indices.ndim != arr.ndim:
        raise ValueError("`indices` and `arr` must have the same number of dimensions")
    return arr, indices, normalize_axis(axis, arr.ndim)


def take_along_axis(arr, indices, axis):
    arr, indices, axis = _along_axis_args(arr, indices, axis)
    return arr[_along_axis_index(arr.shape, indices, axis)]


def put_along_axis(arr, indices, values, axis):
    if axis is None and isinstance(arr, ndarray):
        target = arr.reshape(-1) if arr.flags.c_contiguous else None
        if target is None:
            flat = arr.ravel()
            put_along_axis(flat, indices, values, 0)
            arr[...] = flat.reshape(arr.shape)
            return
        arr = target
        axis = 0
    arr, indices, axis = _along_axis_args(arr, indices, axis)
    arr[_along_axis_index(arr.shape, indices, axis)] = values


def compress(condition, a, axis=None, out=None):
    cond = as_array(condition)
    if cond.ndim != 1:
        raise ValueError("condition must be a 1-d array")
    a = as_array(a)
    if axis is None:
        a = a.ravel()
        axis = 0
    axis = normalize_axis(axis, a.ndim)
    n = a.shape[axis]
    idx = nonzero(cond)[0]
    if idx.size and idx[-1] >= n:
        raise IndexError("index %d is out of bounds for axis %d with size %d"
                         % (idx[-1], axis, n))
    r = take(a, idx, axis)
    return _copy_into(out, r) if out is not None else r


def extract(condition, arr):
    return take(ravel(arr), nonzero(ravel(condition))[0])


def place(arr, mask, vals):
    if not isinstance(arr, ndarray):
        raise TypeError("argument 1 must be numpy.ndarray, not %s" % type(arr).__name__)
    mask = as_array(mask).ravel()
    vals = as_array(vals).ravel()
    if mask.size != arr.size:
        raise ValueError("place: mask and data must be the same size")
    ind = nonzero(mask)[0]
    if ind.size == 0:
        return
    if vals.size == 0:
        raise ValueError("Cannot insert from an empty array!")
    vals = vals if vals.size == ind.size else resize(vals, ind.shape)
    _write_flat(arr, ind, vals.astype(arr.dtype))


def choose(a, choices, out=None, mode="raise"):
    idx = as_array(a)
    if idx.dtype.kind not in "biu":
        raise TypeError("Cannot cast array data from %r to dtype('int64') according to the "
                        "rule 'safe'" % idx.dtype)
    ch = [as_array(c) for c in choices]
    if not ch:
        raise ValueError("0-length sequence.")
    m = _mode(mode)
    n = len(ch)
    dt = result_type(*ch)
    arrays = broadcast_arrays(idx, *ch)
    idx = arrays[0].astype("int64")
    if m == 0:
        if idx.size and (bool((idx < 0).any()) or bool((idx >= n).any())):
            raise ValueError("invalid entry in choice array")
    elif m == 1:
        idx = UFUNCS["remainder"](idx, n)
    else:
        idx = UFUNCS["minimum"](UFUNCS["maximum"](idx, 0), n - 1)
    stacked = stack([c.astype(dt) for c in arrays[1:]])
    r = take_along_axis(stacked, idx[None], 0)[0]
    if out is not None:
        copyto(out, r, casting="unsafe")
        return out
    return r


_KIND_RANK = {"b": 0, "u": 1, "i": 1, "f": 2, "c": 2}    # NumPy 1.24: float and complex rank alike


def _select_dtype(dt, default, default_array):
    """NumPy 1.24's result_type(choices' dtype, 0-d default): a scalar default of the same or
    a lower kind counts by its value (select(..., int8) with the default 0 stays int8, 300
    makes it int16); otherwise the types promote."""
    if isinstance(default, generic) or (isinstance(default, ndarray) and default.ndim == 0):
        default = default.item()
    if (type(default) in (bool, int, float, complex)
            and _KIND_RANK[default_array.dtype.kind] <= _KIND_RANK.get(dt.kind, 3)):
        return promote_types(dt, value_dtype(default, dt))
    return result_type(dt, default_array)


def select(condlist, choicelist, default=0):
    if len(condlist) != len(choicelist):
        raise ValueError("list of cases must be same length as list of conditions")
    if len(condlist) == 0:
        raise ValueError("select with an empty condition list is not possible")
    choices = [as_array(c) for c in choicelist]
    choices.append(as_array(default))
    dt = _select_dtype(result_type(*choices[:-1]), default, choices[-1])
    conds = [as_array(c) for c in condlist]
    for i, c in enumerate(conds):
        if c.dtype.kind != "b":
            raise TypeError("invalid entry %d in condlist: should be boolean ndarray" % i)
    result = choices[-1].astype(dt)
    for c, v in zip(conds[::-1], choices[-2::-1]):
        result = _where3(c, v.astype(dt), result)
    shape = broadcast_arrays(*(conds + choices))[0].shape
    if result.shape != shape:
        result = broadcast_to(result, shape).copy()
    return result


def diagonal(a, offset=0, axis1=0, axis2=1):
    a = as_array(plain_for_function(a))
    return produce_view(_lib.cnp_diagonal, a, operator.index(offset), operator.index(axis1),
                        operator.index(axis2))


def diag(v, k=0):
    v = as_array(v)
    if v.ndim == 1:
        n = v.shape[0] + abs(k)
        res = zeros((n, n), v.dtype)
        i = arange(v.shape[0])
        if k >= 0:
            res[i, i + k] = v
        else:
            res[i - k, i] = v
        return res
    if v.ndim == 2:
        return diagonal(v, k)
    raise ValueError("Input must be 1- or 2-d.")


def diagflat(v, k=0):
    return diag(ravel(v), k)


def tri(N, M=None, k=0, dtype=float, *, like=None):
    if M is None:
        M = N
    m = arange(N)[:, None] >= arange(-k, M - k)[None, :]
    return m.astype(dtype)


def tril(m, k=0):
    m = as_array(m)
    mask = tri(*m.shape[-2:], k=k, dtype=bool)
    return _where3(mask, m, zeros(1, m.dtype))


def triu(m, k=0):
    m = as_array(m)
    mask = tri(*m.shape[-2:], k=k - 1, dtype=bool)
    return _where3(mask, zeros(1, m.dtype), m)


def trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    return _sum(diagonal(a, offset, axis1, axis2), axis=-1, dtype=dtype, out=out)


def meshgrid(*xi, copy=True, sparse=False, indexing="xy"):
    ndim = len(xi)
    if indexing not in ("xy", "ij"):
        raise ValueError("Valid values for `indexing` are 'xy' and 'ij'.")
    s0 = (1,) * ndim
    output = [as_array(x).reshape(s0[:i] + (-1,) + s0[i + 1:]) for i, x in enumerate(xi)]
    if indexing == "xy" and ndim > 1:
        output[0] = output[0].reshape((1, -1) + s0[2:])
        output[1] = output[1].reshape((-1, 1) + s0[2:])
    if not sparse:
        output = broadcast_arrays(*output)
    if copy:
        output = [x.copy() for x in output]
    return output


def indices(dimensions, dtype=int, sparse=False):
    dimensions = tuple(dimensions)
    n = len(dimensions)
    shape = (1,) * n
    if sparse:
        res = ()
    else:
        res = empty((n,) + dimensions, dtype)
    for i, dim in enumerate(dimensions):
        idx = arange(dim, dtype=dtype).reshape(shape[:i] + (dim,) + shape[i + 1:])
        if sparse:
            res = res + (idx,)
        else:
            res[i] = idx
    return res


def ix_(*args):
    out = []
    nd = len(args)
    for k, new_ in enumerate(args):
        if not isinstance(new_, ndarray):
            new_ = asarray(new_)
            if new_.size == 0:
                new_ = new_.astype("int64")
        if new_.ndim != 1:
            raise ValueError("Cross index must be 1 dimensional")
        if new_.dtype.kind == "b":
            new_, = nonzero(new_)
        out.append(new_.reshape((1,) * k + (new_.size,) + (1,) * (nd - k - 1)))
    return tuple(out)


__all__ = [
    "nonzero", "flatnonzero", "argwhere", "where", "take", "put", "take_along_axis",
    "put_along_axis", "compress", "extract", "place", "choose", "select", "diagonal", "diag",
    "diagflat", "tri", "tril", "triu", "trace", "meshgrid", "indices", "ix_",
]
