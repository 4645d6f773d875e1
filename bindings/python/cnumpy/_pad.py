"""numpy.pad (numpy's arraypad): every mode but a callable one, built from concatenate, take,
flip and the reductions, following NumPy's per-axis order."""
import builtins

from ._convert import as_array
from ._creation import full, arange, linspace
from ._joining import concatenate
from ._mathfuncs import around
from ._rearranging import flip
from ._reduce import amax, amin, mean
from ._selection import take
from ._shape_funcs import broadcast_to, squeeze
from ._stats import median
from ._ufunc_table import UFUNCS


def _as_pairs(x, ndim, as_index=False):
    if x is None:
        return ((None, None),) * ndim
    x = as_array(x)
    if as_index:
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
    # dtype= keeps the input's descriptor (a byte-swapped one too), as NumPy's pad does.
    return parts[0] if len(parts) == 1 else concatenate(parts, axis=axis, dtype=parts[0].dtype)


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
                chunk = UFUNCS["subtract"](
                    UFUNCS["multiply"](edge, 2), chunk).astype(cur.dtype)
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
                chunk = UFUNCS["subtract"](
                    UFUNCS["multiply"](edge, 2), chunk).astype(cur.dtype)
            right = chunk
            after -= c
        cur = _cat([left, cur, right], axis)
    return cur


def _stat(cur, axis, sl, fn, dt):
    part = cur[_at(axis, sl)]
    if fn == "maximum":
        return amax(part, axis=axis, keepdims=True)
    if fn == "minimum":
        return amin(part, axis=axis, keepdims=True)
    if fn == "mean":
        r = mean(part, axis=axis, keepdims=True)
    else:
        r = median(part, axis=axis, keepdims=True)
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
                idx = UFUNCS["remainder"](arange(-b, n + a), n)
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


__all__ = ["pad"]
