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
from ._ndarray import as_subclass, ndarray
from ._objarray import elements as _object_elements, from_leaves as _object_leaves
from ._reduce import cumsum
from ._selection import flatnonzero
from ._shape_funcs import moveaxis
from ._stats import diff

_NULL = _backend.NULL
_new_array_out = _backend.new_array_out

# The entry points of include/cnumpy/sort.h.
(_sort, _array_sort, _argsort, _partition, _array_partition, _argpartition, _lexsort,
 _searchsorted, _unique, _in1d, _sort_order, _array_sort_order, _argsort_order, _partition_order,
 _array_partition_order, _argpartition_order) = (cfunc("cnp_" + name) for name in (
    "sort", "array_sort", "argsort", "partition", "array_partition", "argpartition", "lexsort",
    "searchsorted", "unique", "in1d", "sort_order", "array_sort_order", "argsort_order",
    "partition_order", "array_partition_order", "argpartition_order"))


def _text(value, what):
    """A kind/side string for the library (NULL for None); NumPy's TypeError for non-strings."""
    if value is None:
        return _NULL
    if not isinstance(value, str):
        raise TypeError("%s must be str, not %s" % (what, type(value).__name__))
    return value.encode()


def _order(a, order, kind_check):
    """NumPy's order= for the library's *_order functions: (names, count); (NULL, 0) for None.
    The library checks the names (numpy.core._internal._newnames' messages); what only Python
    can get wrong (a value that is not a name or list of names) is checked here, in NumPy's
    order of checks (the kind first: kind_check() runs the library's check of it)."""
    if order is None:
        return _NULL, 0
    if isinstance(order, str):
        order = [order]
    elif not isinstance(order, (list, tuple)):
        _python_order_checks(a, kind_check)
        raise ValueError("unsupported order value: %s" % (order,))
    if not all(isinstance(name, str) for name in order):
        _python_order_checks(a, kind_check)
        _bad_order(a.dtype.names, order)
    return _backend.charp_array([name.encode("utf-8") for name in order]), len(order)


def _python_order_checks(a, kind_check):
    """What the library checks before the order names: the kind, then that a has fields."""
    kind_check()
    if a.dtype.names is None:
        raise ValueError("Cannot specify order when the array has no fields.")


def _bad_order(names, order):
    """NumPy's error for an order list holding something other than a field name."""
    rest, seen = list(names), set()
    for name in order:
        if isinstance(name, str) and name in rest:
            rest.remove(name)
            seen.add(name)
            continue
        raise ValueError("%s field name: %s" % ("duplicate" if name in seen else "unknown", name))


def _sort_kind_check(kind):
    """The library's check of a sort kind (an argsort of nothing)."""
    def check():
        empty = zeros(0, "int8")
        new(_argsort, empty._h, _NULL, kind)
    return check


def _select_kind_check(kind):
    """The library's check of a select kind (an argpartition of nothing)."""
    def check():
        empty, kth = zeros(0, "int8"), zeros((), "int8")
        new(_argpartition, empty._h, kth._h, _NULL, kind)
    return check


def _like(a, r):
    """A record sort's result as a's subclass (np.sort of a recarray is a recarray)."""
    return r if type(a) is ndarray else as_subclass(r, type(a))


def sort(a, axis=-1, kind=None, order=None):
    """numpy.sort: NaNs last; kind='stable'/'mergesort' keep equal values in input order;
    records in NumPy's record order (docs/records.md)."""
    a = as_array(a)
    kind = _text(kind, "sort kind")
    if a.dtype.kind == "O":
        return _object_sort(a, axis, False, kind, order)
    if order is None:
        r = new(_sort, a._h, _axis_arg(axis), kind)
    else:
        r = new(_sort_order, a._h, _axis_arg(axis), kind, *_order(a, order, _sort_kind_check(kind)))
    return _like(a, r) if a.dtype.names is not None else r


def argsort(a, axis=-1, kind=None, order=None):
    """numpy.argsort: every kind returns the stable permutation (NumPy's quicksort may order
    equal keys differently)."""
    a = as_array(a)
    kind = _text(kind, "sort kind")
    if a.dtype.kind == "O":
        return _object_sort(a, axis, True, kind, order)
    if order is None:
        return new(_argsort, a._h, _axis_arg(axis), kind)
    return new(_argsort_order, a._h, _axis_arg(axis), kind, *_order(a, order, _sort_kind_check(kind)))


def _object_sort(a, axis, indices, kind, order):
    """sort/argsort of an object array along axis with Python's `<` (NumPy's object compare):
    equal elements keep their order (NumPy's unstable kinds may order them differently).
    kind is the library's checked text; order= gets NumPy's checks (an object array has no
    fields)."""
    if order is not None:
        _python_order_checks(a, _sort_kind_check(kind))
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


def partition(a, kth, axis=-1, kind="introselect", order=None):
    """numpy.partition (introselect on integer keys; NaNs last; records: a full sort, as NumPy)."""
    a, k = as_array(a), _kth(kth)
    kind = _text(kind, "select kind")
    if order is None:
        r = new(_partition, a._h, k._h, _axis_arg(axis), kind)
    else:
        r = new(_partition_order, a._h, k._h, _axis_arg(axis), kind,
                *_order(a, order, _select_kind_check(kind)))
    return _like(a, r) if a.dtype.names is not None else r


def argpartition(a, kth, axis=-1, kind="introselect", order=None):
    """numpy.argpartition (ties broken by index)."""
    a, k = as_array(a), _kth(kth)
    kind = _text(kind, "select kind")
    if order is None:
        return new(_argpartition, a._h, k._h, _axis_arg(axis), kind)
    return new(_argpartition_order, a._h, k._h, _axis_arg(axis), kind,
               *_order(a, order, _select_kind_check(kind)))


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
    if axis is None:
        ret = _unique_flat(ar, return_index, return_inverse, return_counts, equal_nan)
        if ar.dtype.names is not None:      # NumPy sorts records as they are: a recarray stays
            ret = (_like(ar, ret[0]),) + ret[1:]
    else:
        ret = _unique_rows(ar, operator.index(axis), return_index, return_inverse, return_counts)
    return ret[0] if len(ret) == 1 else ret


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
    kind = _text(kind, "sort kind")
    if self.dtype.kind == "O":
        self[...] = _object_sort(self, operator.index(axis), False, kind, order)
        return
    if order is None:
        call(_array_sort, self._h, operator.index(axis), kind)
    else:
        call(_array_sort_order, self._h, operator.index(axis), kind,
             *_order(self, order, _sort_kind_check(kind)))


def array_argsort(self, axis=-1, kind=None, order=None):
    return argsort(self, axis, kind, order)


def array_partition(self, kth, axis=-1, kind="introselect", order=None):
    k = _kth(kth)
    kind = _text(kind, "select kind")
    if order is None:
        call(_array_partition, self._h, k._h, operator.index(axis), kind)
    else:
        call(_array_partition_order, self._h, k._h, operator.index(axis), kind,
             *_order(self, order, _select_kind_check(kind)))


def array_argpartition(self, kth, axis=-1, kind="introselect", order=None):
    return argpartition(self, kth, axis, kind, order)


def array_searchsorted(self, v, side="left", sorter=None):
    return searchsorted(self, v, side, sorter)

__all__ = ["sort", "argsort", "partition", "argpartition", "msort", "lexsort", "searchsorted",
           "sort_complex", "digitize", "unique", "in1d", "isin", "union1d", "intersect1d",
           "setdiff1d", "setxor1d"]
