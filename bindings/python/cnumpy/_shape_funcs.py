"""Shape functions taking array-likes: reshape, ravel, transpose, shape, ndim, size; axes,
broadcasting and dimension changes (views, as in NumPy): swapaxes, moveaxis, squeeze,
expand_dims, atleast_1d/2d/3d, broadcast_to, broadcast_shapes, broadcast_arrays, rollaxis."""
import operator

from . import _args, _backend
from ._args import normalize_axis, normalize_axis_tuple
from ._capi import produce_view
from ._convert import as_array
from ._errors import AxisError
from ._ndarray import ndarray
from ._subclass import plain_for_function

_lib = _backend.lib


def reshape(a, newshape, order="C"):
    return as_array(a).reshape(newshape, order=order)


def ravel(a, order="C"):
    return as_array(plain_for_function(a)).ravel(order)


def transpose(a, axes=None):
    a = as_array(a)
    return a.transpose() if axes is None else a.transpose(axes)


def shape(a):
    if isinstance(a, ndarray):
        return a.shape
    return as_array(a).shape


def ndim(a):
    if isinstance(a, ndarray):
        return a.ndim
    return as_array(a).ndim


def size(a, axis=None):
    a = a if isinstance(a, ndarray) else as_array(a)
    if axis is None:
        return a.size
    return a.shape[operator.index(axis)]     # NumPy 1.24: IndexError from the tuple


# -- axes, broadcasting and dimension changes (views, as in NumPy) ------------------------------
def swapaxes(a, axis1, axis2):
    a = as_array(a)
    n = a.ndim
    axis1 = normalize_axis(axis1, n, "axis1")
    axis2 = normalize_axis(axis2, n, "axis2")
    perm = list(range(n))
    perm[axis1], perm[axis2] = perm[axis2], perm[axis1]
    return a.transpose(perm)


def rollaxis(a, axis, start=0):
    """numpy.rollaxis: a view with `axis` moved to before position `start` (NumPy's older
    moveaxis; takes arrays only, as NumPy's reads a.ndim)."""
    n = a.ndim
    if isinstance(axis, float):     # NumPy's normalize_axis_index parses a C int
        raise TypeError("integer argument expected, got float")
    axis = normalize_axis(axis, n)
    if start < 0:
        start += n
    if not 0 <= start < n + 1:
        raise AxisError("'start' arg requires %d <= start < %d, but %d was passed in"
                        % (-n, n + 1, start))
    if axis < start:
        start -= 1
    if axis == start:
        return a[...]
    axes = list(range(n))
    axes.remove(axis)
    axes.insert(start, axis)
    return a.transpose(axes)


def moveaxis(a, source, destination):
    a = as_array(a)
    source = normalize_axis_tuple(source, a.ndim, "source")
    destination = normalize_axis_tuple(destination, a.ndim, "destination")
    if len(source) != len(destination):
        raise ValueError("`source` and `destination` arguments must have the same number of "
                         "elements")
    order = [n for n in range(a.ndim) if n not in source]
    for dest, src in sorted(zip(destination, source)):
        order.insert(dest, src)
    return a.transpose(order)


def squeeze(a, axis=None):
    a = as_array(a)
    shape = a.shape
    if axis is None:
        return a.reshape(tuple(n for n in shape if n != 1))
    axes = normalize_axis_tuple(axis, a.ndim)
    for ax in axes:
        if shape[ax] != 1:
            raise ValueError("cannot select an axis to squeeze out which has size not equal to "
                             "one")
    return a.reshape(tuple(n for i, n in enumerate(shape) if i not in axes))


def expand_dims(a, axis):
    a = as_array(plain_for_function(a))
    if type(axis) not in (tuple, list):
        axis = (axis,)
    out_ndim = len(axis) + a.ndim
    axis = normalize_axis_tuple(axis, out_ndim)
    it = iter(a.shape)
    return a.reshape(tuple(1 if ax in axis else next(it) for ax in range(out_ndim)))


def _atleast(arys, make):
    res = [make(as_array(a)) for a in arys]
    return res[0] if len(res) == 1 else res


def atleast_1d(*arys):
    return _atleast(arys, lambda a: a.reshape(1) if a.ndim == 0 else a)


def atleast_2d(*arys):
    return _atleast(arys, lambda a: a.reshape(1, 1) if a.ndim == 0 else
                    (a[None, :] if a.ndim == 1 else a))


def _3d(a):
    if a.ndim == 0:
        return a.reshape(1, 1, 1)
    if a.ndim == 1:
        return a[None, :, None]
    if a.ndim == 2:
        return a[:, :, None]
    return a


def atleast_3d(*arys):
    return _atleast(arys, _3d)


def broadcast_to(array, shape, subok=False):
    a = as_array(array)
    if not hasattr(shape, "__len__"):
        shape = (shape,)
    shape = tuple(_args.int64(n) for n in shape)  # NumPy's error beyond int64, not a wrapped size
    return produce_view(_lib.cnp_broadcast_to, a, len(shape),
                        _backend.int64_array(shape) if shape else _backend.NULL)


def broadcast_shapes(*args):
    shapes = [tuple(s) if hasattr(s, "__len__") else (s,) for s in args]
    for s in shapes:
        for n in s:
            if operator.index(n) < 0:
                raise ValueError("negative dimensions are not allowed")
    nd = max((len(s) for s in shapes), default=0)
    out = [1] * nd
    # NumPy's order (PyArray_Broadcast): axis by axis, then operand by operand, so the
    # mismatch reported is the one on the first axis that has one.
    for d in range(nd):
        owner = None
        for i, s in enumerate(shapes):
            k = d - nd + len(s)
            if k < 0:
                continue
            n = s[k]
            if n == 1 or n == out[d]:
                continue
            if out[d] == 1:
                out[d] = n
                owner = i
                continue
            j = owner
            raise ValueError("shape mismatch: objects cannot be broadcast to a single shape.  "
                             "Mismatch is between arg %d with shape %s and arg %d with shape %s."
                             % (j, shapes[j], i, s))
    return tuple(out)


def broadcast_arrays(*args, subok=False):
    arrays = [as_array(a) for a in args]
    shape = broadcast_shapes(*[a.shape for a in arrays])
    return [a if a.shape == shape else broadcast_to(a, shape) for a in arrays]
