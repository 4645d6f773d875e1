"""Shape functions taking array-likes: reshape, ravel, transpose, shape, ndim, size."""
import operator

from ._convert import as_array
from ._ndarray import ndarray


def reshape(a, newshape, order="C"):
    return as_array(a).reshape(newshape, order=order)


def ravel(a, order="C"):
    return as_array(a).ravel(order)


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
