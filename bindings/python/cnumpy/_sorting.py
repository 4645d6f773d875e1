"""Sorting, searching and sets (NumPy 1.24 signatures): sort, argsort, partition, argpartition,
lexsort, searchsorted, msort, sort_complex, digitize, unique, in1d, isin, union1d, intersect1d,
setdiff1d, setxor1d, and the ndarray methods sort, argsort, partition, argpartition,
searchsorted.

The kernels are the library's (include/cnumpy/sort.h); the set functions are composed from
them the way NumPy's arraysetops.py composes its own (docs/sort.md)."""
import operator

from . import _args, _backend
from ._args import axis_pointer as _axis_arg       # NULL for None
from ._capi import call, cfunc, produce as new, produce_into, wrap
from ._convert import as_array, asarray, array
from ._creation import zeros
from ._errors import AxisError
from ._joining import concatenate
from ._ndarray import ndarray
from ._objarray import elements as _object_elements, from_leaves as _object_leaves
from ._reduce import cumsum
from ._records import sort_keys
from ._selection import flatnonzero, take_along_axis
from ._shape_funcs import moveaxis
from ._stats import diff

_NULL = _backend.NULL
_new_array_out = _backend.new_array_out

# The entry points of include/cnumpy/sort.h.
(_sort, _array_sort, _argsort, _partition, _array_partition, _argpartition, _lexsort,
 _searchsorted, _unique, _in1d) = (cfunc("cnp_" + name) for name in (
    "sort", "array_sort", "argsort", "partition", "array_partition", "argpartition", "lexsort",
    "searchsorted", "unique", "in1d"))


def _text(value, what):
    """A kind/side string for the library (NULL for None); NumPy's TypeError for non-strings."""
    if value is None:
        return _NULL
    if not isinstance(value, str):
        raise TypeError("%s must be str, not %s" % (what, type(value).__name__))
    return value.encode()


def _no_order(order):
    if order is not None:
        raise ValueError("Cannot specify order when the array has no fields.")


def _is_record(a):
    return a.dtype.names is not None


def _record_argsort(a, axis, kind, order):
    """argsort of a record array: NumPy compares records field by field (the order= fields
    first, then the others in dtype order; subarrays element by element, nested records field
    by field), which is a lexsort of the fields' scalar keys (stable)."""
    if kind is not None:
        _text(kind, "sort kind")
        if kind[:1].lower() not in ("q", "h", "m", "s"):
            raise ValueError("sort kind must be one of 'quick', 'heap', or 'stable' (got %r)"
                             % kind)
    if axis is None:
        a = a.reshape(-1)
        axis = -1
    keys = sort_keys(a, order)
    if not keys:        # no fields: every record is equal
        keys = [zeros(a.shape, "int8")]
    return lexsort(keys[::-1], axis)


def _record_sort(a, axis, kind, order):
    idx = _record_argsort(a, axis, kind, order)
    if axis is None:
        a = a.reshape(-1)
        axis = -1
    return a[idx] if a.ndim == 1 else take_along_axis(a, idx, axis)


def sort(a, axis=-1, kind=None, order=None):
    """numpy.sort: NaNs last; kind='stable'/'mergesort' keep equal values in input order."""
    a = as_array(a)
    if _is_record(a):
        return _record_sort(a, axis, kind, order)
    _no_order(order)
    if a.dtype.kind == "O":
        return _object_sort(a, axis, False)
    return new(_sort, a._h, _axis_arg(axis), _text(kind, "sort kind"))


def argsort(a, axis=-1, kind=None, order=None):
    """numpy.argsort: every kind returns the stable permutation (NumPy's quicksort may order
    equal keys differently)."""
    a = as_array(a)
    if _is_record(a):
        return _record_argsort(a, axis, kind, order)
    _no_order(order)
    if a.dtype.kind == "O":
        return _object_sort(a, axis, True)
    return new(_argsort, a._h, _axis_arg(axis), _text(kind, "sort kind"))


def _object_sort(a, axis, indices):
    """sort/argsort of an object array along axis with Python's `<` (NumPy's object compare):
    equal elements keep their order (NumPy's unstable kinds may order them differently)."""
    if axis is None:
        a, axis = a.reshape(-1), 0
    nd = a.ndim
    if nd == 0:
        raise AxisError(axis, 0)
    ax = _args.normalize_axis(axis, nd)
    perm = tuple(i for i in range(nd) if i != ax) + (ax,)
    moved = a.transpose(perm)
    items = _object_elements(moved) if a.size else []
    m = a.shape[ax]
    out = []
    for j in range(0, len(items), m or 1):
        chunk = items[j:j + m]
        order_ = sorted(range(len(chunk)), key=chunk.__getitem__)
        out.extend(order_ if indices else [chunk[k] for k in order_])
    shape = tuple(moved.shape)
    r = array(out, dtype="int64").reshape(shape) if indices else _object_leaves(out, shape)
    back = [0] * nd
    for pos, i in enumerate(perm):
        back[i] = pos
    return r.transpose(tuple(back)).copy()


def _kth(kth):
    return as_array(kth)


def _record_kth(a, kth, axis):
    """NumPy's kth check for a record partition (done as a full sort, which is a partition)."""
    n = a.size if axis is None else a.shape[axis]
    for k in as_array(kth).reshape(-1).tolist():
        if k < 0:
            k += n
        if not 0 <= k < n:
            raise ValueError("kth(=%d) out of bounds (%d)" % (k, n))


def partition(a, kth, axis=-1, kind="introselect", order=None):
    """numpy.partition (introselect on integer keys; NaNs last)."""
    a, k = as_array(a), _kth(kth)
    if _is_record(a):
        _record_kth(a, kth, axis)
        return _record_sort(a, axis, None, order)
    _no_order(order)
    return new(_partition, a._h, k._h, _axis_arg(axis), _text(kind, "select kind"))


def argpartition(a, kth, axis=-1, kind="introselect", order=None):
    """numpy.argpartition (ties broken by index)."""
    a, k = as_array(a), _kth(kth)
    if _is_record(a):
        _record_kth(a, kth, axis)
        return _record_argsort(a, axis, None, order)
    _no_order(order)
    return new(_argpartition, a._h, k._h, _axis_arg(axis), _text(kind, "select kind"))


def msort(a):
    """numpy.msort: sort along the first axis."""
    return sort(a, axis=0)


def lexsort(keys, axis=-1):
    """numpy.lexsort: sorts by the last key, then the one before, ... (stable)."""
    if isinstance(keys, ndarray):
        keys = [as_array(keys[i]) for i in range(len(keys))] if keys.ndim else []
    elif isinstance(keys, (list, tuple)):
        keys = [as_array(k) for k in keys]
    else:
        keys = []
    handles = [k._h for k in keys]
    return produce_into(_lexsort, None, len(handles),
                        _backend.handle_array(handles) if handles else _NULL, operator.index(axis))


def searchsorted(a, v, side="left", sorter=None):
    """numpy.searchsorted: indices (intp) where v would be inserted to keep a sorted."""
    a = as_array(a)
    v = as_array(v)
    s = None if sorter is None else as_array(sorter)  # kept alive across the call
    return produce_into(_searchsorted, None, a._h, v._h, _text(side, "search side"),
                        _NULL if s is None else s._h)


def sort_complex(a):
    """numpy.sort_complex: sorted, as complex64 for (u)int8/16 input, else complex128."""
    b = array(a, copy=True)
    b.sort()
    if b.dtype.kind == "c":
        return b
    return b.astype("complex64" if b.dtype.char in "bhBH" else "complex128")


def _monotonicity(bins):
    """1 increasing, -1 decreasing, 0 neither (NumPy's check: repeats allowed; a NaN breaks
    increasing order but not decreasing, from how its comparisons fall)."""
    vals = bins.tolist()
    n, i = len(vals), 1
    while i < n and vals[i] == vals[i - 1]:
        i += 1
    if i >= n:
        return 1
    if vals[i - 1] < vals[i]:
        return 0 if any(vals[j - 1] > vals[j] for j in range(i + 1, n)) else 1
    return 0 if any(vals[j - 1] < vals[j] for j in range(i + 1, n)) else -1


def digitize(x, bins, right=False):
    """numpy.digitize through searchsorted."""
    x = asarray(x)
    bins = asarray(bins)
    if x.dtype.kind == "c":
        raise TypeError("x may not be complex")
    if bins.ndim != 1:
        raise ValueError("object of too small depth for desired array" if bins.ndim == 0
                         else "object too deep for desired array")
    mono = _monotonicity(bins)
    if mono == 0:
        raise ValueError("bins must be monotonically increasing or decreasing")
    side = "left" if right else "right"
    if mono == -1:
        return len(bins) - searchsorted(bins[::-1], x, side=side)
    return searchsorted(bins, x, side=side)


# -- unique and the set functions ----------------------------------------------------------------

def _unique_flat(ar, return_index, return_inverse, return_counts, equal_nan):
    want = (True, return_index, return_inverse, return_counts)
    cells = [_new_array_out() if w else None for w in want]
    call(_unique, ar._h, 1 if equal_nan else 0, *[c if c is not None else _NULL for c in cells])
    return tuple(wrap(c[0]) for c in cells if c is not None)


def _unique_rows(ar, axis, return_index, return_inverse, return_counts):
    """unique along an axis: the sub-arrays along `axis` compared as rows, sorted
    lexicographically (lexsort of the columns, last one least significant)."""
    try:
        moved = moveaxis(ar, axis, 0)
    except AxisError:
        raise AxisError(axis, ar.ndim) from None
    shape = moved.shape
    rows = shape[0]
    width = 1
    for s in shape[1:]:
        width *= s
    flat = moved.reshape(rows, width)
    if width == 0:  # rows of nothing: all equal
        perm = asarray(list(range(rows)), dtype="int64")
        mask = asarray([i == 0 for i in range(rows)], dtype="bool")
    else:
        perm = lexsort([flat[:, j] for j in range(width - 1, -1, -1)]) if rows else \
            asarray([], dtype="int64")
        srt = flat[perm]
        differs = (srt[1:] != srt[:-1]).any(axis=1)
        mask = concatenate([asarray([True] if rows else [], dtype="bool"), differs])
    uniq = flat[perm][mask].reshape((int(mask.sum()),) + shape[1:])
    ret = (moveaxis(uniq, 0, axis),)
    if return_index:
        ret += (perm[mask],)
    if return_inverse:
        inv = asarray([0] * rows, dtype="int64")
        if rows:
            inv[perm] = cumsum(mask) - 1
        ret += (inv,)
    if return_counts:
        starts = flatnonzero(mask)
        ret += (diff(concatenate([starts, asarray([rows], dtype="int64")])),)
    return ret


def unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None, *,
           equal_nan=True):
    """numpy.unique (NumPy 1.24: a 1-D inverse; equal_nan collapses NaNs for axis=None)."""
    ar = as_array(ar)
    if axis is None and _is_record(ar):
        ret = _unique_records(ar, return_index, return_inverse, return_counts)
    elif axis is None:
        ret = _unique_flat(ar, return_index, return_inverse, return_counts, equal_nan)
    else:
        ret = _unique_rows(ar, operator.index(axis), return_index, return_inverse, return_counts)
    return ret[0] if len(ret) == 1 else ret


def _unique_records(ar, return_index, return_inverse, return_counts):
    """unique of records as NumPy's _unique1d: sorted field by field (stable), then each record
    kept when it differs (field by field) from the one before."""
    ar = ar.reshape(-1)
    perm = _record_argsort(ar, -1, None, None)
    aux = ar[perm]
    edge = asarray([True], dtype="bool")
    mask = _concat(edge, aux[1:] != aux[:-1]) if aux.size else asarray([], dtype="bool")
    ret = (aux[mask],)
    if return_index:
        ret += (perm[mask],)
    if return_inverse:
        inv = zeros(mask.shape, "intp")
        inv[perm] = cumsum(mask) - 1
        ret += (inv,)
    if return_counts:
        idx = _concat(flatnonzero(mask), asarray([mask.size]))
        ret += (diff(idx),)
    return ret


_IN1D_KINDS = (None, "sort", "table")


def in1d(ar1, ar2, assume_unique=False, invert=False, *, kind=None):
    """numpy.in1d: a 1-D bool array, True where ar1's element is in ar2 (sorted haystack and a
    binary search per element, whatever `kind` names: the results are the same)."""
    ar1 = as_array(ar1)
    ar2 = as_array(ar2)
    if kind not in _IN1D_KINDS:
        raise ValueError("Invalid kind: '%s'. Please use None, 'sort' or 'table'." % (kind,))
    if kind == "table" and not all(x.dtype.kind in "uib" for x in (ar1, ar2)):
        raise ValueError("The 'table' method is only supported for boolean or integer arrays. "
                         "Please select 'sort' or None for kind.")
    return new(_in1d, ar1._h, ar2._h, 1 if invert else 0)


def isin(element, test_elements, assume_unique=False, invert=False, *, kind=None):
    """numpy.isin: in1d shaped like `element`."""
    element = as_array(element)
    return in1d(element, test_elements, assume_unique=assume_unique, invert=invert,
                kind=kind).reshape(element.shape)


def _concat(a, b):
    return concatenate((a, b))


def union1d(ar1, ar2):
    """numpy.union1d: the sorted unique values of both."""
    return unique(_concat(as_array(ar1).ravel(), as_array(ar2).ravel()))


def intersect1d(ar1, ar2, assume_unique=False, return_indices=False):
    """numpy.intersect1d: values in both, sorted (a value present in both unique inputs shows up
    as two neighbours once they are concatenated and sorted)."""
    ar1 = as_array(ar1)
    ar2 = as_array(ar2)
    if assume_unique:
        ar1, ar2 = ar1.ravel(), ar2.ravel()
    elif return_indices:
        ar1, first1 = unique(ar1, return_index=True)
        ar2, first2 = unique(ar2, return_index=True)
    else:
        ar1, ar2 = unique(ar1), unique(ar2)
    both = _concat(ar1, ar2)
    if return_indices:
        order = argsort(both, kind="stable")
        both = both[order]
    else:
        both.sort()
    pair = both[1:] == both[:-1]
    common = both[:-1][pair]
    if not return_indices:
        return common
    idx1 = order[:-1][pair]
    idx2 = order[1:][pair] - ar1.size
    if not assume_unique:
        idx1, idx2 = first1[idx1], first2[idx2]
    return common, idx1, idx2


def setdiff1d(ar1, ar2, assume_unique=False):
    """numpy.setdiff1d: unique values of ar1 not in ar2."""
    if assume_unique:
        ar1 = as_array(ar1).ravel()
    else:
        ar1 = unique(ar1)
        ar2 = unique(ar2)
    return ar1[in1d(ar1, ar2, assume_unique=True, invert=True)]


def setxor1d(ar1, ar2, assume_unique=False):
    """numpy.setxor1d: sorted values in exactly one of the inputs."""
    if not assume_unique:
        ar1 = unique(ar1)
        ar2 = unique(ar2)
    both = _concat(as_array(ar1).ravel(), as_array(ar2).ravel())
    if both.size == 0:
        return both
    both.sort()
    # A value is kept when it differs from both neighbours.
    edge = asarray([True], dtype="bool")
    fresh = _concat(_concat(edge, both[1:] != both[:-1]), edge)
    return both[fresh[1:] & fresh[:-1]]


# The ndarray methods (attached by _methods): sort and partition work in place.
def array_sort(self, axis=-1, kind=None, order=None):
    if _is_record(self):
        self[...] = _record_sort(self, operator.index(axis), kind, order)
        return
    _no_order(order)
    if self.dtype.kind == "O":
        self[...] = _object_sort(self, operator.index(axis), False)
        return
    call(_array_sort, self._h, operator.index(axis), _text(kind, "sort kind"))


def array_argsort(self, axis=-1, kind=None, order=None):
    return argsort(self, axis, kind, order)


def array_partition(self, kth, axis=-1, kind="introselect", order=None):
    if _is_record(self):
        _record_kth(self, kth, operator.index(axis))
        self[...] = _record_sort(self, operator.index(axis), None, order)
        return
    _no_order(order)
    k = _kth(kth)
    call(_array_partition, self._h, k._h, operator.index(axis), _text(kind, "select kind"))


def array_argpartition(self, kth, axis=-1, kind="introselect", order=None):
    return argpartition(self, kth, axis, kind, order)


def array_searchsorted(self, v, side="left", sorter=None):
    return searchsorted(self, v, side, sorter)

__all__ = ["sort", "argsort", "partition", "argpartition", "msort", "lexsort", "searchsorted",
           "sort_complex", "digitize", "unique", "in1d", "isin", "union1d", "intersect1d",
           "setdiff1d", "setxor1d"]
