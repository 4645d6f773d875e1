"""Indexing of cnumpy arrays: parsing an index expression into cnp_index items (integers, slices,
newaxis, ellipsis, integer and boolean index arrays), ndarray.__getitem__ and __setitem__.

It sits above the conversions because index lists ([0, 2]) and assigned values become arrays;
_methods attaches getitem/setitem to ndarray (and hands getitem to the C fast paths, _accel).
"""
from . import _args, _backend
from ._capi import call, call_writing, produce, produce_view
from ._convert import as_array, from_scalar, as_source, sequence_ndim, cast_objects
from ._objarray import from_python as objects_from, store as store_object
from ._ndarray import (ndarray, get_scalar, slice_item, int_index, drop_leading_ones, scalar_element,
                       is_parametric,
                       INDEX_ERROR)
from ._records import field_names, multi_field, source_for as record_source
from ._scalars import from_cscalar as _from_cscalar, to_cscalar, generic, bool_

_lib = _backend.lib
_C = _backend.consts
_NULL = _backend.NULL
_int64_array = _backend.int64_array

_IDX_INT = _C["CNP_INDEX_INTEGER"]
_IDX_SLICE = _C["CNP_INDEX_SLICE"]
_IDX_NEW = _C["CNP_INDEX_NEWAXIS"]
_IDX_ELL = _C["CNP_INDEX_ELLIPSIS"]
_IDX_ARR = _C["CNP_INDEX_ARRAY"]
_I64_MIN, _I64_MAX = -2**63, 2**63 - 1


def _array_item(k):
    """(item, array) for an index array: an integer or boolean array (lists and other sequences
    are converted; an empty list is an empty integer index, as in NumPy)."""
    if isinstance(k, ndarray):
        return (_IDX_ARR, 0, 0, 0, 0, k._h), k      # the library checks its dtype
    try:
        a = as_array(k)
    except NotImplementedError:     # a list mixing names and numbers: not an index array
        raise IndexError(INDEX_ERROR) from None
    if a.dtype.kind not in "biu":
        if a.size == 0 and not isinstance(k, ndarray):
            a = a.astype("int64")
        else:
            raise IndexError(INDEX_ERROR)
    return (_IDX_ARR, 0, 0, 0, 0, a._h), a


_FULL_SLICE = (_IDX_SLICE, 0, 0, 0, 1)


def _bad_slice(items, keep, shape, bad_at, error):
    """Raise for an index whose item bad_at is a slice with bounds that are not integers. NumPy
    classifies the whole index first (one ellipsis at most, no more indices than dimensions);
    then, for a basic index, it walks the items in order, so an out-of-bounds integer before the
    slice wins too. Only then does the slice's TypeError come."""
    ndim = len(shape)
    arrays = iter(keep or ())
    consumed = ellipses = 0
    for it in items:
        kind = it[0]
        if kind == _IDX_ELL:
            ellipses += 1
            if ellipses > 1:
                raise IndexError("an index can only have a single ellipsis ('...')")
        elif kind == _IDX_ARR:
            a = next(arrays)
            consumed += a.ndim if a.dtype.kind == "b" else 1
        elif kind != _IDX_NEW:
            consumed += 1
    if consumed > ndim:
        raise IndexError("too many indices for array: array is %d-dimensional, but %d were indexed"
                         % (ndim, consumed))
    if keep is None:
        axis = 0
        for i, it in enumerate(items[:bad_at]):
            kind = it[0]
            if kind == _IDX_ELL:
                axis = ndim - sum(1 for j in items[i + 1:] if j[0] in (_IDX_INT, _IDX_SLICE))
            elif kind == _IDX_INT:
                n = shape[axis]
                if not -n <= it[2] < n:
                    raise IndexError("index %d is out of bounds for axis %d with size %d"
                                     % (it[2], axis, n))
                axis += 1
            elif kind == _IDX_SLICE:
                axis += 1
    raise error


def parse_index(key, shape):
    """(items, ints, keep): cnp_index tuples for an index into an array of this shape, the
    list of integer indices when the index is nothing but integers (None otherwise), and the index
    arrays the items point to (None when there are none: a basic index, whose result is a view)."""
    if type(key) is not tuple:
        key = (key,)
    items = []
    ints = []
    keep = None
    bad = None
    for k in key:
        t = type(k)
        if t is int:
            if not _I64_MIN <= k <= _I64_MAX:
                raise IndexError(INDEX_ERROR)
            items.append((_IDX_INT, 0, k, 0, 0))
            if ints is not None:
                ints.append(k)
            continue
        if t is slice:
            try:
                items.append(slice_item(k))
            except TypeError as e:
                if bad is None:     # raised after the whole index is classified, as NumPy does
                    bad, bad_at = e, len(items)
                items.append(_FULL_SLICE)
        elif k is None:
            items.append((_IDX_NEW, 0, 0, 0, 0))
        elif k is Ellipsis:
            items.append((_IDX_ELL, 0, 0, 0, 0))
        elif t is list or t is tuple or t is bool or isinstance(k, (bool_, ndarray)) and not (
                k.ndim == 0 and k.dtype.kind in "iu") or (
                getattr(k, "ndim", 0) and hasattr(k, "__array_interface__")):
            # (the last: another library's index array, e.g. NumPy's ogrid in Dask's argmin)
            item, arr = _array_item(k)
            items.append(item)
            if keep is None:
                keep = []
            keep.append(arr)
        else:
            v = int_index(k)
            items.append((_IDX_INT, 0, v, 0, 0))
            if ints is not None:
                ints.append(v)
            continue
        ints = None
    if bad is not None:
        _bad_slice(items, keep, shape, bad_at, bad)
    return items, ints, keep


def getitem(self, key):
    """ndarray.__getitem__: NumPy's basic (a view) and advanced (a copy) indexing."""
    h = self._h
    if type(key) is str and self.dtype.names is not None:
        return produce_view(_backend.lib.cnp_array_field, self, key.encode("utf-8"))
    if type(key) is list and self.dtype.names is not None and field_names(key):
        return multi_field(self, key)
    if type(key) is int:
        if not _I64_MIN <= key <= _I64_MAX:
            raise IndexError(INDEX_ERROR)
        shape = self._shape or self.shape
        if len(shape) == 1:
            if is_parametric(self.dtype):
                return scalar_element(self, (key,))
            return _from_cscalar(get_scalar(h, (key,)))
        items, ints, keep = [(_IDX_INT, 0, key, 0, 0)], None, None
    elif type(key) is slice and (self._shape or self.shape):
        items, keep = [slice_item(key)], None
    else:
        items, ints, keep = parse_index(key, self.shape)
        if ints is not None and len(ints) == len(self.shape):
            if is_parametric(self.dtype):
                return scalar_element(self, ints)
            return _from_cscalar(get_scalar(h, ints))
    if keep is None:    # a basic index: a view (its base is set)
        return produce_view(_lib.cnp_array_index, self, len(items), _backend.index_array(items))
    return produce(_lib.cnp_array_index, h, len(items), _backend.index_array(items))

def setitem(self, key, value):
    """ndarray.__setitem__: assignment through any index, values cast unsafely (NumPy's rule)."""
    if self.dtype.kind == "O":
        return _set_objects(self, key, value)
    if isinstance(value, ndarray) and value.dtype.kind == "O":
        value = cast_objects(value, self.dtype)     # each object converted as NumPy's setitem does
    if type(key) is str and self.dtype.names is not None:
        # a["field"] = v assigns through the field's view (Dask's argmin/argmax chunks do this).
        setitem(getitem(self, key), Ellipsis, value)
        return
    records = self.dtype.names is not None
    if records and field_names(key):
        setitem(multi_field(self, key), Ellipsis, value)
        return
    items, ints, keep = parse_index(key, self.shape)
    if keep is not None:
        # Advanced indexing: the library writes through the index arrays.
        if _is_number(value) and self.dtype.kind not in "SUVMm":
            src = produce(_lib.cnp_array_from_scalar, to_cscalar(value), self.dtype._h)
        elif records:
            src = record_source(self, value)
        else:
            src = as_source(value, self.dtype)
        call_writing(self, src, _lib.cnp_array_index_assign, self._h, len(items),
                     _backend.index_array(items), src._h, dst_shape=None)
        return
    if ints is not None and len(ints) == len(self.shape) and _is_number(value) and \
            self.dtype.kind not in "SUVMm":
        call(_lib.cnp_array_setitem, self._h, len(ints),
             _int64_array(ints) if ints else _NULL, to_cscalar(value))
        return
    view = produce(_lib.cnp_array_index, self._h, len(items), _backend.index_array(items))
    if records and not isinstance(value, ndarray):
        src = record_source(view, value)    # tuples are records, numbers go to every field
        call_writing(view, src, _lib.cnp_copyto, view._h, src._h, _args.CASTING_UNSAFE, _NULL)
        return
    if _is_number(value):
        # Assigning a scalar to a region is filling it; fill applies NumPy's rules for
        # Python scalars (a complex into a real array is a TypeError, not a warning).
        call(_lib.cnp_array_fill, view._h, to_cscalar(value))
        return
    if isinstance(value, (list, tuple)):
        nd = sequence_ndim(value)
        if nd > len(view.shape):
            # NumPy converts a sequence with the destination's ndim as the limit.
            raise ValueError("setting an array element with a sequence. The requested "
                             "array would exceed the maximum number of dimension of %d."
                             % len(view.shape))
    src = drop_leading_ones(as_source(value, view.dtype), len(view.shape))
    call_writing(view, src, _lib.cnp_copyto, view._h, src._h, _args.CASTING_UNSAFE, _NULL)


def _set_objects(self, key, value):
    """__setitem__ of an object array: one element stores the object itself (a list stays a
    list); a region takes value as an object array of at most the region's dimensions
    (numpy.array(value, dtype=object) with that limit), broadcast."""
    items, ints, keep = parse_index(key, self.shape)
    if ints is not None and len(ints) == len(self.shape):
        store_object(self, ints, value)
        return
    if keep is not None:
        src = objects_from(value)
        call(_lib.cnp_array_index_assign, self._h, len(items), _backend.index_array(items), src._h)
        return
    view = produce(_lib.cnp_array_index, self._h, len(items), _backend.index_array(items))
    src = drop_leading_ones(objects_from(value, len(view.shape)), len(view.shape))
    call(_lib.cnp_copyto, view._h, src._h, _args.CASTING_UNSAFE, _NULL)


def _is_scalar(v):
    t = type(v)
    return t is float or t is int or t is bool or t is complex or isinstance(
        v, (generic, int, float, complex)) or (
        not hasattr(v, "__len__") and not hasattr(v, "__array_interface__") and
        (hasattr(v, "__index__") or hasattr(v, "__float__") or hasattr(v, "__complex__")))


def _is_number(v):
    """A scalar to_cscalar takes: Python numbers and cnumpy's numeric scalars (datetime64,
    void and string scalars are assigned as arrays)."""
    return _is_scalar(v) and (not isinstance(v, generic) or hasattr(type(v), "_typenum"))


def scalar_getitem(self, key):
    """generic.__getitem__: the scalar as a 0-d array indexed by key (s[()] is the scalar,
    s[...] a 0-d array, s[None] a 1-element array), with NumPy's one message for any failure."""
    try:
        return getitem(from_scalar(self), key)
    except Exception:
        raise IndexError("invalid index to scalar variable.") from None

