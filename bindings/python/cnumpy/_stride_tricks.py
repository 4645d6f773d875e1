"""numpy.lib.stride_tricks (as_strided, sliding_window_view) and numpy's packbits/unpackbits.

as_strided goes through the library's checked view (include/cnumpy/manip.h cnp_as_strided):
unlike NumPy's, a view that would reach outside the array's memory is refused (ValueError)
rather than handed out; everything else behaves as NumPy's."""
import operator

from . import _args, _backend
from ._capi import cfunc, produce_view
from ._convert import array, asarray
from ._creation import zeros
from ._ndarray import ndarray
from ._shape_funcs import moveaxis, reshape

__all__ = ["as_strided", "sliding_window_view", "packbits", "unpackbits"]

_as_strided = cfunc("cnp_as_strided")
_int64_array = _backend.int64_array


def as_strided(x, shape=None, strides=None, subok=False, writeable=True):
    """numpy.lib.stride_tricks.as_strided: a view of x with the given shape and byte strides."""
    x = array(x, copy=False)
    shape = x.shape if shape is None else tuple(operator.index(d) for d in shape)
    strides = x.strides if strides is None else tuple(operator.index(s) for s in strides)
    if len(shape) != len(strides):
        raise ValueError("mismatch in length of strides and shape")
    writeable = bool(writeable) and x.flags.writeable
    return produce_view(_as_strided, x, len(shape), _int64_array(shape or (0,)),
                        _int64_array(strides or (0,)), int(writeable))


def sliding_window_view(x, window_shape, axis=None, *, subok=False, writeable=False):
    """numpy.lib.stride_tricks.sliding_window_view: a read-only (by default) view of every
    window of window_shape along the given axes."""
    try:
        window_shape = tuple(window_shape)
    except TypeError:
        window_shape = (window_shape,)
    x = array(x, copy=False)
    if any(operator.index(w) < 0 for w in window_shape):
        raise ValueError("`window_shape` cannot contain negative values")
    if axis is None:
        axis = tuple(range(x.ndim))
        if len(window_shape) != len(axis):
            raise ValueError("Since axis is `None`, must provide window_shape for all dimensions "
                             "of `x`; got %d window_shape elements and `x.ndim` is %d."
                             % (len(window_shape), x.ndim))
    else:
        axis = _args.normalize_axis_tuple(axis, x.ndim, allow_duplicate=True)
        if len(window_shape) != len(axis):
            raise ValueError("Must provide matching length window_shape and axis; got %d "
                             "window_shape elements and %d axes elements."
                             % (len(window_shape), len(axis)))
    out_strides = x.strides + tuple(x.strides[ax] for ax in axis)
    trimmed = list(x.shape)
    for ax, dim in zip(axis, window_shape):
        if trimmed[ax] < dim:
            raise ValueError("window shape cannot be larger than input array shape")
        trimmed[ax] -= dim - 1
    return as_strided(x, shape=tuple(trimmed) + window_shape, strides=out_strides,
                      writeable=writeable)


_BIG = (128, 64, 32, 16, 8, 4, 2, 1)


def _bitorder(bitorder):
    if bitorder not in ("little", "big"):
        raise ValueError("'order' must be either 'little' or 'big'")
    return _BIG if bitorder == "big" else _BIG[::-1]


def _to_last(a, axis):
    """(a with `axis` moved last, the normalised axis); axis None: a flattened, axis 0."""
    if axis is None:
        a = reshape(a, (-1,))
        axis = 0
    axis = _args.normalize_axis(axis, a.ndim)
    return moveaxis(a, axis, -1), axis


def packbits(a, axis=None, bitorder="big"):
    """numpy.packbits: each run of 8 truth values along axis into one uint8 (zero-padded)."""
    a = asarray(a)
    if a.dtype.kind not in "biu":
        raise TypeError("Expected an input array of integer or boolean data type")
    weights = asarray(_bitorder(bitorder), dtype="u1")
    a, axis = _to_last(a != 0, axis)
    n = a.shape[-1]
    groups = -(-n // 8)
    bits = zeros(a.shape[:-1] + (groups * 8,), "u1")
    bits[..., :n] = a
    bits = reshape(bits, a.shape[:-1] + (groups, 8))
    packed = (bits * weights).sum(axis=-1, dtype="u1")
    return moveaxis(packed, -1, axis)


def unpackbits(a, axis=None, count=None, bitorder="big"):
    """numpy.unpackbits: each uint8 into 8 bits (uint8 0/1) along axis, count of them kept."""
    if not isinstance(a, ndarray) or a.dtype.str != "|u1":
        a = asarray(a)
        if a.dtype.str != "|u1":
            raise TypeError("Expected an input array of unsigned byte data type")
    shifts = asarray(_bitorder(bitorder), dtype="u1")
    a, axis = _to_last(a, axis)
    bits = reshape((a[..., None] & shifts) != 0, a.shape[:-1] + (a.shape[-1] * 8,))
    n = bits.shape[-1]
    if count is not None:
        count = operator.index(count)
        if count < 0:
            if -count > n:
                raise ValueError("-count larger than number of elements")
            keep = n + count
        else:
            keep = count
        if keep <= n:
            bits = bits[..., :keep]
        else:
            padded = zeros(bits.shape[:-1] + (keep,), "u1")
            padded[..., :n] = bits
            bits = padded
    return moveaxis(bits.astype("u1"), -1, axis)
