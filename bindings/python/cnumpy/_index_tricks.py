"""Index tools of numpy/lib/index_tricks.py and twodim_base.py (NumPy 1.24 signatures and
messages): ravel_multi_index, unravel_index, tril_indices(_from), triu_indices(_from),
diag_indices(_from), mask_indices, fill_diagonal, ndindex, ndenumerate, putmask; and the
index-syntax objects: mgrid, ogrid, r_, c_, s_, index_exp.

Composed from the library's array operations (whole-array integer arithmetic, boolean masks,
flat views, concatenate, arange, linspace); the loops over Python tuples are over dimensions or
operands, never over elements.

r_/c_ with the 'r' or 'c' directive, and r_ of a string of matrix syntax ("1 2; 3 4"), give a
numpy.matrix as NumPy's do: matrixlib (a module above this one) is attached as `makemat` by
_methods."""
import sys
import itertools
import math
import operator

from . import _args
from ._casting import result_type
from ._constants import ScalarType
from ._convert import array, asarray
from ._creation import arange, linspace, ones, zeros
from ._joining import concatenate
from ._ndarray import ndarray
from ._reduce import any as _any
from ._scalars import complexfloating, int64 as _intp
from ._selection import indices, nonzero, tri
from ._shape_funcs import broadcast_arrays, broadcast_to, ndim, ravel, reshape
from ._type_check import find_common_type

__all__ = ["ravel_multi_index", "unravel_index", "tril_indices", "triu_indices",
           "tril_indices_from", "triu_indices_from", "diag_indices", "diag_indices_from",
           "mask_indices", "fill_diagonal", "ndindex", "ndenumerate", "putmask", "mgrid", "ogrid",
           "r_", "c_", "s_", "index_exp"]

_INTP_MAX = 2 ** 63 - 1
_CLIP_MODES = ("clip", "raise", "wrap")


def _order(order):
    """'C' or 'F' (NumPy's converter for these two functions: _args.order_cf)."""
    return "F" if _args.order_cf(order) == _args.ORDER_F else "C"


def _dims(dims):
    """A shape tuple of Python ints (NumPy accepts one integer for a 1-d shape)."""
    if isinstance(dims, (ndarray,)) and dims.ndim == 0:
        dims = (int(dims),)
    try:
        return tuple(operator.index(d) for d in dims)
    except TypeError:
        return (operator.index(dims),)


def _integral(a, what_empty):
    """`a` as an intp array, with NumPy's messages for float and empty-float input."""
    given_list = not isinstance(a, ndarray)
    a = asarray(a)
    if a.dtype.kind == "b" or a.dtype.kind in "iu":
        return a.astype(_intp, copy=False)
    if given_list and a.size == 0:
        raise TypeError(what_empty)
    raise TypeError("only int indices permitted")


def _shape_text(shape):
    return "(%s) " % ",".join(map(str, shape)) if len(shape) != 1 else "(%d,) " % shape[0]


def unravel_index(indices, shape, order="C"):
    """numpy.unravel_index: flat indices into a tuple of coordinate arrays."""
    dims = _dims(shape)
    order = _order(order)
    size = 1
    for d in dims:
        size *= d
    if size > _INTP_MAX or size < -_INTP_MAX:
        raise ValueError("dimensions are too large; arrays and shapes with a total size "
                         "greater than 'intp' are not supported.")
    scalar = not isinstance(indices, (ndarray, list, tuple))
    idx = _integral(indices, "indices must be integral: the provided empty sequence was "
                    "inferred as float. Wrap it with 'np.array(indices, dtype=np.intp)'")
    bad = (idx < 0) | (idx >= size)
    if bool(_any(bad)):
        first = int(ravel(idx)[int(nonzero(ravel(bad))[0][0])])
        raise ValueError("index %d is out of bounds for array with size %d" % (first, size))
    coords = [None] * len(dims)
    rest = idx
    walk = range(len(dims) - 1, -1, -1) if order == "C" else range(len(dims))
    for i in walk:
        coords[i] = rest % dims[i]
        rest = rest // dims[i]
    if scalar:
        return tuple(_intp(int(c)) for c in coords)
    return tuple(coords)


def ravel_multi_index(multi_index, dims, mode="raise", order="C"):
    """numpy.ravel_multi_index: a tuple of coordinate arrays into flat indices."""
    dims = _dims(dims)
    order = _order(order)
    modes = (mode,) * len(dims) if isinstance(mode, str) else tuple(mode)
    for m in modes:
        if m not in _CLIP_MODES:
            raise ValueError("clipmode must be one of 'clip', 'raise', or 'wrap' (got %r)" % (m,))
    if len(modes) != len(dims):
        raise ValueError("list of clipmodes has wrong length (%d instead of %d)"
                         % (len(modes), len(dims)))
    size = 1
    for d in dims:
        if d <= 0 and d != 0:
            raise ValueError("dimensions must be positive")
        size *= d
    if size > _INTP_MAX:
        raise ValueError("invalid dims: array size defined by dims is larger than the maximum "
                         "possible size.")
    scalar = isinstance(multi_index, tuple) and all(
        not isinstance(c, (ndarray, list, tuple)) for c in multi_index)
    if isinstance(multi_index, ndarray):
        coords = [multi_index[i] for i in range(multi_index.shape[0])] if multi_index.ndim else []
    else:
        coords = list(multi_index)
    if len(coords) != len(dims):
        raise ValueError("parameter multi_index must be a sequence of length %d" % len(dims))
    coords = [_integral(c, "only int indices permitted") for c in coords]
    try:
        coords = broadcast_arrays(*coords)
    except ValueError:      # NumPy's iterator words a mismatch this way
        raise ValueError("operands could not be broadcast together with shapes %s"
                         % "".join(_shape_text(c.shape) for c in coords)) from None
    strides = [1] * len(dims)
    walk = range(len(dims) - 2, -1, -1) if order == "C" else range(1, len(dims))
    for i in walk:
        strides[i] = strides[i + 1] * dims[i + 1] if order == "C" else strides[i - 1] * dims[i - 1]
    flat = zeros(coords[0].shape if coords else (), _intp) if coords else _intp(0)
    for c, d, m, s in zip(coords, dims, modes, strides):
        if m == "raise":
            if bool(_any((c < 0) | (c >= d))):
                raise ValueError("invalid entry in coordinates array")
        elif m == "wrap":
            c = c % d if d else c
        else:
            c = c.clip(0, d - 1 if d else 0)
        flat = flat + c * s
    if scalar:
        return _intp(int(flat))
    return flat


def tril_indices(n, k=0, m=None):
    """numpy.tril_indices: the indices of the lower triangle of an (n, m) array."""
    t = tri(n, m, k=k, dtype=bool)
    return tuple(broadcast_to(ix, t.shape)[t] for ix in indices(t.shape, sparse=True))


def triu_indices(n, k=0, m=None):
    """numpy.triu_indices: the indices of the upper triangle of an (n, m) array."""
    t = ~tri(n, m, k=k - 1, dtype=bool)
    return tuple(broadcast_to(ix, t.shape)[t] for ix in indices(t.shape, sparse=True))


def tril_indices_from(arr, k=0):
    """numpy.tril_indices_from."""
    arr = asarray(arr)
    if arr.ndim != 2:
        raise ValueError("input array must be 2-d")
    return tril_indices(arr.shape[-2], k=k, m=arr.shape[-1])


def triu_indices_from(arr, k=0):
    """numpy.triu_indices_from."""
    arr = asarray(arr)
    if arr.ndim != 2:
        raise ValueError("input array must be 2-d")
    return triu_indices(arr.shape[-2], k=k, m=arr.shape[-1])


def mask_indices(n, mask_func, k=0):
    """numpy.mask_indices: the indices where mask_func(ones((n, n)), k) is non-zero."""
    a = mask_func(ones((n, n), int), k)
    return nonzero(a != 0)


def diag_indices(n, ndim=2):
    """numpy.diag_indices: ndim copies of arange(n)."""
    return (arange(n),) * ndim


def _equal_dims(shape):
    if any(d != shape[0] for d in shape):
        raise ValueError("All dimensions of input must be of equal length")


def diag_indices_from(arr):
    """numpy.diag_indices_from."""
    arr = asarray(arr)
    if not arr.ndim >= 2:
        raise ValueError("input array must be at least 2-d")
    _equal_dims(arr.shape)
    return diag_indices(arr.shape[0], arr.ndim)


def fill_diagonal(a, val, wrap=False):
    """numpy.fill_diagonal: writes val (repeated) along the main diagonal of `a` in place."""
    if not isinstance(a, ndarray):
        raise TypeError("fill_diagonal requires an ndarray")
    if a.ndim < 2:
        raise ValueError("array must be at least 2-d")
    if a.ndim == 2:
        step = a.shape[1] + 1
        end = None if wrap else a.shape[1] * a.shape[1]
    else:
        _equal_dims(a.shape)
        step, p = 1, 1
        for d in a.shape[:-1]:
            p *= d
            step += p
        end = None
    count = len(range(*slice(None, end, step).indices(a.size)))
    if count == 0:
        return
    # The positions of a.flat[:end:step], written as NumPy's flat assignment does (values
    # repeated cyclically), through a C-order index into the array itself.
    flat_pos = arange(0, count * step, step)
    values = ravel(asarray(val, dtype=a.dtype) if not isinstance(val, ndarray) else val)
    if values.size == 0:
        return
    reps = -(-count // values.size)
    values = reshape(broadcast_to(values, (reps, values.size)), (-1,))[:count]
    a[unravel_index(flat_pos, a.shape)] = values


class ndindex:
    """numpy.ndindex: iterates over the index tuples of a shape in C order."""

    def __init__(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], tuple):
            shape = shape[0]
        shape = tuple(operator.index(d) for d in shape)
        for d in shape:
            if d < 0:
                raise ValueError("negative dimensions are not allowed")
        self._it = itertools.product(*(range(d) for d in shape))

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)


class ndenumerate:
    """numpy.ndenumerate: (index tuple, element) pairs in C order."""

    def __init__(self, arr):
        self._arr = asarray(arr)
        self._idx = ndindex(self._arr.shape)

    def __iter__(self):
        return self

    def __next__(self):
        i = next(self._idx)
        return i, self._arr[i]


def putmask(a, mask, values):
    """numpy.putmask: a.flat[n] = values[n % len(values)] wherever mask.flat[n] is true."""
    if not isinstance(a, ndarray):
        raise TypeError("putmask() argument 1 must be numpy.ndarray, not %s" % type(a).__name__)
    if not a.flags.writeable:
        raise ValueError("putmask: output array is read-only")
    mask = asarray(mask, dtype=bool)
    if mask.shape != a.shape:
        if mask.size != a.size:
            raise ValueError("putmask: mask and data must be the same size")
        mask = reshape(mask, a.shape)
    values = ravel(asarray(values).astype(a.dtype, casting="unsafe"))
    where = nonzero(ravel(mask))[0]
    if where.size == 0 or values.size == 0:     # NumPy: empty values leave `a` as it is
        return
    a[unravel_index(where, a.shape)] = values[where % values.size]


# -- index syntax objects (numpy/lib/index_tricks.py) -------------------------------------------

def _start_step(k):
    """A slice's start and step with NumPy's defaults (0 and 1), read step first (as NumPy,
    whose AttributeError for a non-slice names 'step')."""
    step, start = k.step, k.start
    return (0 if start is None else start), (1 if step is None else step)


class nd_grid:
    """The class of mgrid (dense: one array of shape (ndim, *sizes)) and ogrid (sparse: a list
    of arrays broadcastable together). A slice's step of j-imaginary type is a number of
    points, the stop then included (as linspace)."""

    def __init__(self, sparse=False):
        self.sparse = sparse

    def __getitem__(self, key):
        try:
            size = []
            num_list = [0]      # the dtype is at least the default integer, as arange's
            for k in range(len(key)):
                start, step = _start_step(key[k])
                stop = key[k].stop
                if isinstance(step, (complexfloating, complex)):
                    step = abs(step)
                    size.append(int(step))
                else:
                    size.append(int(math.ceil((stop - start) / (step * 1.0))))
                num_list += [start, stop, step]
            typ = result_type(*num_list)
            if self.sparse:
                nn = [arange(n, dtype=typ) for n in size]
            else:
                nn = indices(size, typ)
            for k, kk in enumerate(key):
                start, step = _start_step(kk)
                if isinstance(step, (complexfloating, complex)):
                    step = int(abs(step))
                    if step != 1:
                        step = (kk.stop - start) / float(step - 1)
                nn[k] = (nn[k] * step + start)
            if self.sparse:
                slobj = [None] * len(size)
                for k in range(len(size)):
                    slobj[k] = slice(None, None)
                    nn[k] = nn[k][tuple(slobj)]
                    slobj[k] = None
            return nn
        except (IndexError, TypeError):
            step = key.step
            stop = key.stop
            start = 0 if key.start is None else key.start
            if isinstance(step, (complexfloating, complex)):
                step_float = abs(step)
                step = length = int(step_float)
                if step != 1:
                    step = (key.stop - start) / float(step - 1)
                typ = result_type(start, stop, step_float)
                return arange(0, length, 1, dtype=typ) * step + start
            return arange(start, stop, step)


class MGridClass(nd_grid):
    """numpy.mgrid: mgrid[0:2, 0:3] is a dense (2, 2, 3) grid of coordinates."""

    def __init__(self):
        super().__init__(sparse=False)


class OGridClass(nd_grid):
    """numpy.ogrid: ogrid[0:2, 0:3] is [array of shape (2, 1), array of shape (1, 3)]."""

    def __init__(self):
        super().__init__(sparse=True)


mgrid = MGridClass()
ogrid = OGridClass()


def _no_matrix(obj, gdict=None, ldict=None):
    raise NotImplementedError("numpy.matrix is not attached yet (cnumpy._methods does it)")


class AxisConcatenator:
    """The class of r_ and c_: indexing concatenates slices (ranges: arange, or linspace for a
    j-imaginary step), scalars and arrays along an axis; a first string entry is a directive:
    'axis', 'axis,ndmin' or 'axis,ndmin,trans1d' (where a 1-d operand's axis goes among the
    ndmin axes)."""
    concatenate = staticmethod(concatenate)
    makemat = staticmethod(_no_matrix)

    def __init__(self, axis=0, matrix=False, ndmin=1, trans1d=-1):
        self.axis = axis
        self.matrix = matrix
        self.trans1d = trans1d
        self.ndmin = ndmin

    def __getitem__(self, key):
        if isinstance(key, str):        # NumPy's matrix builder syntax (numpy.bmat)
            frame = sys._getframe().f_back
            return self.makemat(key, frame.f_globals, frame.f_locals)
        if not isinstance(key, tuple):
            key = (key,)
        trans1d, ndmin, matrix, axis = self.trans1d, self.ndmin, self.matrix, self.axis
        col = False
        objs = []
        scalars = []
        arraytypes = []
        scalartypes = []
        for k, item in enumerate(key):
            scalar = False
            if isinstance(item, slice):
                start, step = _start_step(item)
                if isinstance(step, (complexfloating, complex)):
                    newobj = linspace(start, item.stop, num=int(abs(step)))
                else:
                    newobj = arange(start, item.stop, step)
                if ndmin > 1:
                    newobj = array(newobj, copy=False, ndmin=ndmin)
                    if trans1d != -1:
                        newobj = newobj.swapaxes(-1, trans1d)
            elif isinstance(item, str):
                if k != 0:
                    raise ValueError("special directives must be the first entry.")
                if item in ("r", "c"):
                    matrix = True
                    col = item == "c"
                    continue
                if "," in item:
                    vec = item.split(",")
                    try:
                        axis, ndmin = [int(x) for x in vec[:2]]
                        if len(vec) == 3:
                            trans1d = int(vec[2])
                        continue
                    except Exception as e:
                        raise ValueError("unknown special directive {!r}".format(item)) from e
                try:
                    axis = int(item)
                    continue
                except (ValueError, TypeError) as e:
                    raise ValueError("unknown special directive") from e
            elif type(item) in ScalarType:
                newobj = array(item, ndmin=ndmin)
                scalars.append(len(objs))
                scalar = True
                scalartypes.append(newobj.dtype)
            else:
                item_ndim = ndim(item)
                newobj = array(item, copy=False, subok=True, ndmin=ndmin)
                if trans1d != -1 and item_ndim < ndmin:
                    k2 = ndmin - item_ndim
                    k1 = trans1d
                    if k1 < 0:
                        k1 += k2 + 1
                    defaxes = list(range(ndmin))
                    axes = defaxes[:k1] + defaxes[k2:] + defaxes[k1:k2]
                    newobj = newobj.transpose(axes)
            objs.append(newobj)
            if not scalar and isinstance(newobj, ndarray):
                arraytypes.append(newobj.dtype)
        # scalars do not up-cast the arrays unless their kind is higher (find_common_type)
        final_dtype = find_common_type(arraytypes, scalartypes)
        if final_dtype is not None:
            for k in scalars:
                objs[k] = objs[k].astype(final_dtype)
        res = self.concatenate(tuple(objs), axis=axis)
        if matrix:
            oldndim = res.ndim
            res = self.makemat(res)
            if oldndim == 1 and col:
                res = res.T
        return res

    def __len__(self):
        return 0


class RClass(AxisConcatenator):
    """numpy.r_: concatenation along the first axis (r_[1:4, 0, [7, 8]])."""

    def __init__(self):
        AxisConcatenator.__init__(self, 0)


class CClass(AxisConcatenator):
    """numpy.c_: concatenation along the last axis with operands made at least 2-d, 1-d ones
    as columns (c_[[1, 2], [3, 4]] is [[1, 3], [2, 4]])."""

    def __init__(self):
        AxisConcatenator.__init__(self, -1, ndmin=2, trans1d=0)


r_ = RClass()
c_ = CClass()


class IndexExpression:
    """The class of s_ and index_exp: indexing returns the index itself (index_exp: always as
    a tuple)."""

    def __init__(self, maketuple):
        self.maketuple = maketuple

    def __getitem__(self, item):
        if self.maketuple and not isinstance(item, tuple):
            return (item,)
        return item


index_exp = IndexExpression(maketuple=True)
s_ = IndexExpression(maketuple=False)
