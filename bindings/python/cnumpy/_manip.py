"""Joining, splitting, rearranging and selecting (numpy's shape_base, function_base, arraypad,
index tricks). The core work (advanced indexing, take, repeat, concatenate, nonzero, diagonal)
runs in the library; the rarer functions are compositions of those primitives, written from
NumPy's documented semantics."""
import builtins
import math
import operator
import warnings

from . import _args, _backend
from ._convert import as_array, asarray, array
from ._creation import empty, zeros, full, arange, linspace
from ._dtype import dtype as _as_dtype
from ._errors import AxisError
from ._ndarray import ndarray, new, call
from ._shape_funcs import (normalize_axis, normalize_axis_tuple, atleast_1d, atleast_2d,  # noqa: F401
                           atleast_3d, swapaxes, moveaxis, broadcast_arrays, broadcast_to,
                           broadcast_shapes, expand_dims, squeeze, transpose, reshape, ravel)

_lib = _backend.lib
_NULL = _backend.NULL
_MODES = {"raise": 0, "wrap": 1, "clip": 2}


def _axis_arg(axis):
    return _NULL if axis is None else _backend.int64_array([operator.index(axis)])


def _mode(mode):
    try:
        return _MODES[mode]
    except (KeyError, TypeError):
        raise ValueError("clipmode must be one of 'clip', 'raise', or 'wrap' (got %r)"
                         % (mode,)) from None


def _scalar_or(r):
    return r[()] if not r.shape else r


def _copy_into(out, r):
    from ._casting import copyto
    if not isinstance(out, ndarray):
        raise TypeError("output must be an array")
    if out.shape != r.shape:
        raise ValueError("output array does not match result of ndarray.take")
    copyto(out, r, casting="unsafe")
    return out


# -- selection ----------------------------------------------------------------------------------
def nonzero(a):
    a = as_array(a)
    if a.ndim == 0:
        warnings.warn("Calling nonzero on 0d arrays is deprecated, as it behaves surprisingly. "
                      "Use `atleast_1d(arr).nonzero()` if the old behavior was intended.",
                      DeprecationWarning, stacklevel=2)
    r = new(_lib.cnp_nonzero, a._h)
    return tuple(r[k] for k in range(r.shape[0]))


def flatnonzero(a):
    return nonzero(ravel(a))[0]


def argwhere(a):
    a = as_array(a)
    if a.ndim == 0:
        return argwhere(a.reshape(1))[:, :0]
    return new(_lib.cnp_nonzero, a._h).T


def where(condition, *args, **kwargs):
    if not args and not kwargs:
        return nonzero(condition)
    from ._mathfuncs import where as _where3
    return _where3(condition, *args, **kwargs)


def take(a, indices, axis=None, out=None, mode="raise"):
    a = as_array(a)
    ind = as_array(indices)
    if not isinstance(indices, ndarray) and ind.dtype.kind in "fb":
        ind = ind.astype("int64")       # NumPy converts sequences straight to intp
    r = new(_lib.cnp_take, a._h, ind._h, _axis_arg(axis), _mode(mode))
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
    from . import _ufunc
    if m == 1:
        return _ufunc.UFUNCS["remainder"](ind, n)
    return _ufunc.UFUNCS["minimum"](_ufunc.UFUNCS["maximum"](ind, 0), n - 1)


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
    from ._casting import result_type
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
    from . import _ufunc
    if m == 0:
        if idx.size and (bool((idx < 0).any()) or bool((idx >= n).any())):
            raise ValueError("invalid entry in choice array")
    elif m == 1:
        idx = _ufunc.UFUNCS["remainder"](idx, n)
    else:
        idx = _ufunc.UFUNCS["minimum"](_ufunc.UFUNCS["maximum"](idx, 0), n - 1)
    stacked = stack([c.astype(dt) for c in arrays[1:]])
    r = take_along_axis(stacked, idx[None], 0)[0]
    if out is not None:
        from ._casting import copyto
        copyto(out, r, casting="unsafe")
        return out
    return r


def select(condlist, choicelist, default=0):
    from ._casting import result_type
    from ._mathfuncs import where as _where3
    if len(condlist) != len(choicelist):
        raise ValueError("list of cases must be same length as list of conditions")
    if len(condlist) == 0:
        raise ValueError("select with an empty condition list is not possible")
    choices = [as_array(c) for c in choicelist]
    choices.append(as_array(default))
    dt = result_type(*choices)
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
    a = as_array(a)
    return new(_lib.cnp_diagonal, a._h, operator.index(offset), operator.index(axis1),
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
    from ._mathfuncs import where as _where3
    m = as_array(m)
    mask = tri(*m.shape[-2:], k=k, dtype=bool)
    return _where3(mask, m, zeros(1, m.dtype))


def triu(m, k=0):
    from ._mathfuncs import where as _where3
    m = as_array(m)
    mask = tri(*m.shape[-2:], k=k - 1, dtype=bool)
    return _where3(mask, zeros(1, m.dtype), m)


def trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    from ._reduce import sum as _sum
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


# -- joining ------------------------------------------------------------------------------------
def concatenate(arrays, axis=0, out=None, dtype=None, casting="same_kind"):
    if isinstance(arrays, ndarray):
        arrays = list(arrays) if arrays.ndim else [arrays]
    arrs = [as_array(a) for a in arrays]
    handles = [a._h for a in arrs]
    d = _NULL if dtype is None else _as_dtype(dtype)._h
    if out is not None and not isinstance(out, ndarray):
        raise TypeError("output must be an array")
    r = new(_lib.cnp_concatenate, len(arrs), _backend.handle_array(handles) if handles
            else _NULL, _axis_arg(axis), _NULL if out is None else out._h, d,
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


# -- splitting ----------------------------------------------------------------------------------
def array_split(ary, indices_or_sections, axis=0):
    ary = as_array(ary)
    ntotal = ary.shape[axis]
    try:
        nsections = len(indices_or_sections) + 1
        div_points = [0] + list(indices_or_sections) + [ntotal]
    except TypeError:
        nsections = int(indices_or_sections)
        if nsections <= 0:
            raise ValueError("number sections must be larger than 0.") from None
        each, extras = divmod(ntotal, nsections)
        sizes = [0] + extras * [each + 1] + (nsections - extras) * [each]
        div_points = []
        acc = 0
        for s in sizes:
            acc += s
            div_points.append(acc)
    sary = swapaxes(ary, axis, 0)
    out = []
    for i in range(nsections):
        st, end = div_points[i], div_points[i + 1]
        out.append(swapaxes(sary[st:end], axis, 0))
    return out


def split(ary, indices_or_sections, axis=0):
    try:
        len(indices_or_sections)
    except TypeError:
        sections = indices_or_sections
        n = as_array(ary).shape[axis]
        if n % sections:
            raise ValueError("array split does not result in an equal division") from None
    return array_split(ary, indices_or_sections, axis)


def hsplit(ary, indices_or_sections):
    a = as_array(ary)
    if a.ndim == 0:
        raise ValueError("hsplit only works on arrays of 1 or more dimensions")
    return split(a, indices_or_sections, 1 if a.ndim > 1 else 0)


def vsplit(ary, indices_or_sections):
    a = as_array(ary)
    if a.ndim < 2:
        raise ValueError("vsplit only works on arrays of 2 or more dimensions")
    return split(a, indices_or_sections, 0)


def dsplit(ary, indices_or_sections):
    a = as_array(ary)
    if a.ndim < 3:
        raise ValueError("dsplit only works on arrays of 3 or more dimensions")
    return split(a, indices_or_sections, 2)


# -- rearranging --------------------------------------------------------------------------------
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
                              result[pre + (slice(0, n - s),)]], axis=ax)
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
    return new(_lib.cnp_repeat, a._h, r._h, _axis_arg(axis))


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


def insert(arr, obj, values, axis=None):
    arr, axis = _flat_axis(arr, axis)
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
        new_ = empty(tuple(shape), arr.dtype)
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
    new_ = empty(tuple(shape), arr.dtype)
    old_mask = full(shape[axis], True, bool)
    ind = asarray(idx, dtype="int64")
    old_mask[ind] = False
    new_[pre + (ind,)] = values
    new_[pre + (old_mask,)] = arr
    return new_


def delete(arr, obj, axis=None):
    arr, axis = _flat_axis(arr, axis)
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


# -- pad ----------------------------------------------------------------------------------------
def _as_pairs(x, ndim, as_index=False):
    if x is None:
        return ((None, None),) * ndim
    x = as_array(x)
    if as_index:
        from ._mathfuncs import around
        x = around(x).astype("int64") if x.dtype.kind in "fc" else x.astype("int64")
    vals = x.tolist()
    if x.ndim < 3 and x.size == 1:
        v = x.ravel().tolist()[0]
        if as_index and v < 0:
            raise ValueError("index can't contain negative values")
        return ((v, v),) * ndim
    if x.size == 2 and x.shape == (2,):
        if as_index and (vals[0] < 0 or vals[1] < 0):
            raise ValueError("index can't contain negative values")
        return ((vals[0], vals[1]),) * ndim
    pairs = broadcast_to(x, (ndim, 2)).tolist()
    if as_index and any(v < 0 for p in pairs for v in p):
        raise ValueError("index can't contain negative values")
    return tuple(tuple(p) for p in pairs)


_PAD_KWARGS = {
    "empty": [], "edge": [], "wrap": [], "constant": ["constant_values"],
    "linear_ramp": ["end_values"], "maximum": ["stat_length"], "mean": ["stat_length"],
    "median": ["stat_length"], "minimum": ["stat_length"], "reflect": ["reflect_type"],
    "symmetric": ["reflect_type"],
}


def _cat(parts, axis):
    parts = [p for p in parts if p is not None]
    return parts[0] if len(parts) == 1 else concatenate(parts, axis=axis)


def _at(axis, sl):
    return (slice(None),) * axis + (sl,)


def _block_like(cur, axis, n, value):
    shape = list(cur.shape)
    shape[axis] = n
    return full(tuple(shape), value, cur.dtype)


def _repeat_edge(cur, axis, sl, n):
    edge = cur[_at(axis, sl)]
    shape = list(cur.shape)
    shape[axis] = n
    return broadcast_to(edge, tuple(shape))


def _reflect_axis(cur, axis, before, after, method, include_edge):
    """NumPy's iterative reflection: each round mirrors at most the valid length."""
    from . import _ufunc
    while before > 0 or after > 0:
        m = cur.shape[axis]
        old = m if include_edge else m - 1
        left = right = None
        if before > 0:
            c = min(old, before)
            if include_edge:
                chunk = cur[_at(axis, slice(c - 1, None, -1) if c < m else slice(None, None, -1))]
            else:
                chunk = cur[_at(axis, slice(c, 0, -1))]
            if method == "odd":
                edge = cur[_at(axis, slice(0, 1))]
                chunk = _ufunc.UFUNCS["subtract"](
                    _ufunc.UFUNCS["multiply"](edge, 2), chunk).astype(cur.dtype)
            left = chunk
            before -= c
        if after > 0:
            c = min(old, after)
            if include_edge:
                chunk = cur[_at(axis, slice(m - 1, m - 1 - c, -1) if m - 1 - c >= 0
                                else slice(m - 1, None, -1))]
            else:
                chunk = cur[_at(axis, slice(m - 2, m - 2 - c, -1) if m - 2 - c >= 0
                                else slice(m - 2, None, -1))]
            if method == "odd":
                edge = cur[_at(axis, slice(m - 1, m))]
                chunk = _ufunc.UFUNCS["subtract"](
                    _ufunc.UFUNCS["multiply"](edge, 2), chunk).astype(cur.dtype)
            right = chunk
            after -= c
        cur = _cat([left, cur, right], axis)
    return cur


def _stat(cur, axis, sl, fn, dt):
    from . import _reduce
    from ._mathfuncs import around
    part = cur[_at(axis, sl)]
    if fn == "maximum":
        return _reduce.amax(part, axis=axis, keepdims=True)
    if fn == "minimum":
        return _reduce.amin(part, axis=axis, keepdims=True)
    if fn == "mean":
        r = _reduce.mean(part, axis=axis, keepdims=True)
    else:
        med = getattr(_reduce, "median", None)
        if med is None:
            import cnumpy
            med = getattr(cnumpy, "median", None)
        if med is None:
            raise NotImplementedError("cnumpy: pad(mode='median') needs cnumpy.median")
        r = med(part, axis=axis, keepdims=True)
    if dt.kind in "iu":
        r = around(r)
    return r.astype(dt)


def pad(array, pad_width, mode="constant", **kwargs):
    arr = as_array(array)
    if callable(mode):
        raise NotImplementedError("cnumpy: pad with a callable mode is not implemented")
    if mode not in _PAD_KWARGS:
        raise ValueError("mode '{}' is not supported".format(mode))
    unsupported = set(kwargs) - set(_PAD_KWARGS[mode])
    if unsupported:
        raise ValueError("unsupported keyword arguments for mode '{}': {}"
                         .format(mode, unsupported))
    nd = arr.ndim
    widths = _as_pairs(pad_width, nd, as_index=True)
    if mode in ("constant", "empty"):
        pass
    elif arr.size == 0:
        for axis, (b, a) in enumerate(widths):
            if arr.shape[axis] == 0 and (b > 0 or a > 0):
                raise ValueError("can't extend empty axis {} using modes other than 'constant' "
                                 "or 'empty'".format(axis))
    cur = arr
    dt = arr.dtype
    if mode == "constant":
        values = _as_pairs(kwargs.get("constant_values", 0), nd)
        for axis, ((b, a), (vb, va)) in enumerate(zip(widths, values)):
            cur = _cat([_block_like(cur, axis, b, vb) if b else None, cur,
                        _block_like(cur, axis, a, va) if a else None], axis)
    elif mode == "empty":
        for axis, (b, a) in enumerate(widths):
            cur = _cat([_block_like(cur, axis, b, 0) if b else None, cur,
                        _block_like(cur, axis, a, 0) if a else None], axis)
    elif mode == "edge":
        for axis, (b, a) in enumerate(widths):
            if cur.shape[axis] == 0:
                continue
            cur = _cat([_repeat_edge(cur, axis, slice(0, 1), b) if b else None, cur,
                        _repeat_edge(cur, axis, slice(-1, None), a) if a else None], axis)
    elif mode == "wrap":
        for axis, (b, a) in enumerate(widths):
            n = cur.shape[axis]
            if (b or a) and n:
                from . import _ufunc
                idx = _ufunc.UFUNCS["remainder"](arange(-b, n + a), n)
                cur = take(cur, idx, axis=axis)
    elif mode in ("reflect", "symmetric"):
        method = kwargs.get("reflect_type", "even")
        if method not in ("even", "odd"):
            raise ValueError("unsupported reflect_type '%s'" % method)
        for axis, (b, a) in enumerate(widths):
            if not (b or a):
                continue
            if cur.shape[axis] == 1:    # NumPy's legacy behaviour: a singleton extends as 'edge'
                cur = _cat([_repeat_edge(cur, axis, slice(0, 1), b) if b else None, cur,
                            _repeat_edge(cur, axis, slice(-1, None), a) if a else None], axis)
                continue
            cur = _reflect_axis(cur, axis, b, a, method, mode == "symmetric")
    elif mode == "linear_ramp":
        ends = _as_pairs(kwargs.get("end_values", 0), nd)
        for axis, ((b, a), (eb, ea)) in enumerate(zip(widths, ends)):
            parts = [None, cur, None]
            if b:
                edge = cur[_at(axis, slice(0, 1))]
                ramp = linspace(full(edge.shape, eb), edge, b, endpoint=False, axis=axis,
                                dtype=dt)
                parts[0] = squeeze(ramp, axis + 1) if ramp.ndim > cur.ndim else ramp
            if a:
                edge = cur[_at(axis, slice(-1, None))]
                ramp = linspace(full(edge.shape, ea), edge, a, endpoint=False, axis=axis,
                                dtype=dt)
                ramp = squeeze(ramp, axis + 1) if ramp.ndim > cur.ndim else ramp
                parts[2] = flip(ramp, axis)
            cur = _cat(parts, axis)
    else:
        lengths = _as_pairs(kwargs.get("stat_length"), nd, as_index=True)
        for axis, ((b, a), (lb, la)) in enumerate(zip(widths, lengths)):
            if not (b or a):
                continue
            n = cur.shape[axis]
            lb = n if lb is None else builtins.min(builtins.max(lb, 1), n)
            la = n if la is None else builtins.min(builtins.max(la, 1), n)
            parts = [None, cur, None]
            if b:
                parts[0] = broadcast_to(_stat(cur, axis, slice(0, lb), mode, dt),
                                        _shape_with(cur.shape, axis, b))
            if a:
                parts[2] = broadcast_to(_stat(cur, axis, slice(n - la, n), mode, dt),
                                        _shape_with(cur.shape, axis, a))
            cur = _cat(parts, axis)
    return cur.copy() if cur is arr else cur


def _shape_with(shape, axis, n):
    shape = list(shape)
    shape[axis] = n
    return tuple(shape)


# -- ndarray methods ------------------------------------------------------------------------------
def _install():
    def m_take(self, indices, axis=None, out=None, mode="raise"):
        return take(self, indices, axis, out, mode)

    def m_repeat(self, repeats, axis=None):
        return repeat(self, repeats, axis)

    def m_put(self, indices, values, mode="raise"):
        return put(self, indices, values, mode)

    def m_nonzero(self):
        return nonzero(self)

    def m_diagonal(self, offset=0, axis1=0, axis2=1):
        return diagonal(self, offset, axis1, axis2)

    def m_trace(self, offset=0, axis1=0, axis2=1, dtype=None, out=None):
        return trace(self, offset, axis1, axis2, dtype, out)

    def m_compress(self, condition, axis=None, out=None):
        return compress(condition, self, axis, out)

    def m_choose(self, choices, out=None, mode="raise"):
        return choose(self, choices, out, mode)

    def m_swapaxes(self, axis1, axis2):
        return swapaxes(self, axis1, axis2)

    def m_squeeze(self, axis=None):
        return squeeze(self, axis)

    for name, fn in (("take", m_take), ("repeat", m_repeat), ("put", m_put),
                     ("nonzero", m_nonzero), ("diagonal", m_diagonal), ("trace", m_trace),
                     ("compress", m_compress), ("choose", m_choose), ("swapaxes", m_swapaxes),
                     ("squeeze", m_squeeze)):
        fn.__name__ = name
        if name not in ndarray.__dict__:
            setattr(ndarray, name, fn)


_install()

__all__ = [
    "nonzero", "flatnonzero", "argwhere", "where", "take", "put", "take_along_axis",
    "put_along_axis", "compress", "extract", "place", "choose", "select", "diagonal", "diag",
    "diagflat", "tri", "tril", "triu", "trace", "meshgrid", "indices", "ix_", "concatenate",
    "stack", "vstack", "row_stack", "hstack", "dstack", "column_stack", "append", "block",
    "array_split", "split", "hsplit", "vsplit", "dsplit", "flip", "fliplr", "flipud", "roll",
    "rot90", "repeat", "tile", "resize", "trim_zeros", "insert", "delete", "pad",
    "swapaxes", "moveaxis", "squeeze", "expand_dims", "atleast_1d", "atleast_2d", "atleast_3d",
    "broadcast_to", "broadcast_arrays", "broadcast_shapes",
]
