"""Smaller ndarray methods and attributes (NumPy 1.24 semantics): itemset, resize (in place),
getfield/setfield, the deprecated tostring and the ctypes attribute. Attached to ndarray by
_methods."""
import ctypes
import operator
import warnings

from . import _args, _backend
from ._capi import query, rebind
from ._creation import zeros
from ._dtype import dtype as _dtype
from ._flatiter import flatiter

__all__ = ["itemset", "resize", "ctypes_of", "getfield", "setfield", "tostring"]


def itemset(self, *args):
    """ndarray.itemset(*args): set one element (flat index, index tuple or ints; the last
    argument is the value)."""
    if not args:
        raise ValueError("itemset must have at least one argument")
    *index, value = args
    if not self.flags.writeable:
        raise ValueError("assignment destination is read-only")
    if not index:
        if self.size != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        self[(0,) * self.ndim] = value
    elif len(index) == 1 and not isinstance(index[0], tuple):
        i = operator.index(index[0])
        n = self.size
        if not -n <= i < n:
            raise IndexError("index %d is out of bounds for axis 0 with size %d" % (i, n))
        flatiter(self)[i] = value
    else:
        key = index[0] if len(index) == 1 else tuple(index)
        if len(key) != self.ndim:
            raise ValueError("incorrect number of indices for array")
        self[key] = value


def resize(self, *new_shape, refcheck=True):
    """ndarray.resize(new_shape, refcheck=True): change the array's size in place, keeping its
    memory-order elements and filling new ones with zeros.

    cnumpy's views do not point back at the array they came from, so refcheck cannot see them;
    it is accepted and ignored. Resizing is always memory-safe here: the array gets a new buffer,
    and views made before keep the old one (NumPy refuses, or with refcheck=False leaves them
    dangling)."""
    if len(new_shape) == 1 and (new_shape[0] is None or isinstance(new_shape[0], (tuple, list))):
        new_shape = () if new_shape[0] is None else tuple(new_shape[0])
    shape = tuple(operator.index(d) for d in new_shape)
    if any(d < 0 for d in shape):
        raise ValueError("negative dimensions not allowed")
    flags = self.flags
    if not (flags.c_contiguous or flags.f_contiguous):
        raise ValueError("resize only works on single-segment arrays")
    if not flags.owndata:
        raise ValueError("cannot resize this array: it does not own its data")
    order = "F" if flags.f_contiguous and not flags.c_contiguous else "C"
    new = zeros(shape, self.dtype, order=order)
    k = min(new.size, self.size)
    if k:
        new.ravel(order="A")[:k] = self.ravel(order="A")[:k]
    # A new reference to `new`'s handle becomes the array's own (`new` drops its reference).
    rebind(self, produce_handle(new))


def produce_handle(a):
    """A new library reference to `a`'s own handle (astype to its own dtype without a copy
    hands back the same box, flags such as OWNDATA included)."""
    return query(_backend.lib.cnp_astype, _backend.new_array_out, a._h, a.dtype._h,
                 _args.ORDER_K, _args.CASTING_UNSAFE, 0)


class _ctypes:
    """ndarray.ctypes: the data address, shape and strides for ctypes calls."""
    __slots__ = ("_arr",)

    def __init__(self, arr):
        self._arr = arr

    @property
    def data(self):
        return self._arr._address()

    @property
    def shape(self):
        return (ctypes.c_ssize_t * self._arr.ndim)(*self._arr.shape)

    @property
    def strides(self):
        return (ctypes.c_ssize_t * self._arr.ndim)(*self._arr.strides)

    @property
    def _as_parameter_(self):
        return ctypes.c_void_p(self.data)

    def data_as(self, obj):
        return ctypes.cast(self.data, obj)

    def shape_as(self, obj):
        return (obj * self._arr.ndim)(*self._arr.shape)

    def strides_as(self, obj):
        return (obj * self._arr.ndim)(*self._arr.strides)

    get_data = data.fget
    get_shape = shape.fget
    get_strides = strides.fget
    get_as_parameter = _as_parameter_.fget


def ctypes_of(self):
    return _ctypes(self)


def getfield(self, dtype, offset=0):
    """ndarray.getfield(dtype, offset=0): a view of the bytes at `offset` of every element as
    `dtype` (a record dtype with that one field, the array viewed as it, then the field)."""
    dt = _dtype(dtype)
    offset = operator.index(offset)
    if offset < 0:
        raise ValueError("offset is negative")
    if dt.itemsize > self.itemsize:
        raise ValueError("new type is larger than original type")
    if offset + dt.itemsize > self.itemsize:
        raise ValueError("new type plus offset is larger than original type")
    record = _dtype({"names": ["f0"], "formats": [dt], "offsets": [offset],
                     "itemsize": self.itemsize})
    return self.view(record)["f0"]


def setfield(self, val, dtype, offset=0):
    """ndarray.setfield(val, dtype, offset=0): assigns val to the field getfield gives."""
    if not self.flags.writeable:
        raise ValueError("assignment destination is read-only")
    self.getfield(dtype, offset)[...] = val


def tostring(self, order="C"):
    """ndarray.tostring: the deprecated name of tobytes (NumPy 1.19+ warns)."""
    warnings.warn("tostring() is deprecated. Use tobytes() instead.", DeprecationWarning,
                  stacklevel=2)
    return self.tobytes(order)
