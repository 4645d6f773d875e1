"""ndarray.flat (numpy.flatiter): the elements of an array in C order as a 1-D sequence —
iteration with .index/.coords, indexing by integers, slices, integer and boolean arrays, and
assignment with NumPy's flat rule (values repeated cyclically to fill the selection); and
numpy.broadcast, which walks one flatiter per operand (each over the operand broadcast to the
common shape) in step."""
import operator

from ._convert import asarray
from ._creation import arange
from ._index_tricks import unravel_index
from ._ndarray import ndarray
from ._shape_funcs import broadcast_shapes, broadcast_to, ravel

__all__ = ["flatiter", "broadcast"]

_MAXARGS = 32   # NumPy's NPY_MAXARGS


class flatiter:
    """numpy.flatiter: returned by ndarray.flat (not constructed directly)."""
    __slots__ = ("_a", "_i", "_base")
    __hash__ = None

    def __init__(self, a, base=None):
        self._a = a
        self._i = 0
        self._base = base       # numpy.broadcast's iters: the operand (a is its broadcast view)

    @property
    def base(self):
        return self._a if self._base is None else self._base

    @property
    def index(self):
        return self._i

    @property
    def coords(self):
        return self._coords(self._i)

    def _coords(self, i):
        out = []
        for d in reversed(self._a.shape):
            out.append(i % d if d else 0)
            i = i // d if d else 0
        return tuple(reversed(out))

    def __len__(self):
        return self._a.size

    def __iter__(self):
        return self

    def __next__(self):
        if self._i >= self._a.size:
            raise StopIteration
        v = self._a[self._coords(self._i)]
        self._i += 1
        return v

    def copy(self):
        """A 1-D copy of the array's elements in C order."""
        return ravel(self._a).copy()

    def __array__(self, dtype=None):
        r = self.copy()
        return r if dtype is None else r.astype(dtype)

    def _positions(self, key):
        """The flat positions key selects, and whether the result is one element."""
        n = self._a.size
        if key is Ellipsis or (type(key) is tuple and not key):
            return arange(n), False
        if isinstance(key, tuple):
            if len(key) != 1:
                raise IndexError("unsupported iterator index")
            key = key[0]
        if isinstance(key, slice):
            return arange(*key.indices(n)), False
        if isinstance(key, (bool,)) or (hasattr(key, "dtype") and key.dtype.kind == "b"):
            mask = asarray(key, dtype=bool)
            if mask.shape != (n,) and mask.ndim != 0:
                raise IndexError("boolean index did not match indexed flat iterator")
            return arange(n)[mask], False
        if isinstance(key, (list, ndarray)):
            idx = asarray(key)
            if idx.size == 0 and not isinstance(key, ndarray):
                idx = idx.astype("int64")
            if idx.dtype.kind == "b":
                return arange(n)[idx], False
            if idx.dtype.kind not in "iu":
                raise IndexError("unsupported iterator index")
            bad = (idx < -n) | (idx >= n)
            if bool(bad.any()):
                first = int(idx[bad].reshape(-1)[0])
                raise IndexError("index %d is out of bounds for size %d" % (first, n))
            return idx % n if n else idx, False
        try:
            i = operator.index(key)
        except TypeError:
            raise IndexError("unsupported iterator index") from None
        if not -n <= i < n:
            raise IndexError("index %d is out of bounds for axis 0 with size %d" % (i, n))
        return i % n, True

    def __getitem__(self, key):
        pos, single = self._positions(key)
        if single:
            return self._a[self._coords(pos)]
        if pos.size == 0:
            return ravel(self._a)[:0].copy().reshape(pos.shape)
        return self._a[unravel_index(pos, self._a.shape)]

    def __setitem__(self, key, value):
        pos, single = self._positions(key)
        a = self._a
        if single:
            a[self._coords(pos)] = value
            return
        if pos.size == 0:
            return
        values = ravel(asarray(value).astype(a.dtype, casting="unsafe"))
        if values.size == 0:
            return
        pos = ravel(pos)
        if values.size < pos.size:      # NumPy's flat assignment repeats the values
            values = values[arange(pos.size) % values.size]
        a[unravel_index(pos, a.shape)] = values[:pos.size]


class broadcast:
    """numpy.broadcast(*arrays): the broadcast of up to 32 operands (arrays, array-likes or
    other broadcast objects, whose operands count one by one): .shape, .size, .ndim (.nd),
    .numiter, .index, .iters (one flatiter per operand, advancing with the broadcast object);
    iterating yields a tuple of the operands' elements at each position in C order."""
    __slots__ = ("_arrays", "_shape", "_size", "_iters", "_index")
    __hash__ = None

    def __init__(self, *args, **kwargs):
        if kwargs:
            raise ValueError("keyword arguments not accepted.")
        n = sum(a.numiter if isinstance(a, broadcast) else 1 for a in args)
        if n > _MAXARGS:
            raise ValueError("Need at least 0 and at most %d array objects." % _MAXARGS)
        arrays = []
        for a in args:
            if isinstance(a, broadcast):
                arrays.extend(a._arrays)
            else:
                arrays.append(asarray(a))
        shape = broadcast_shapes(*[a.shape for a in arrays])
        size = 1
        for d in shape:
            size *= d
        self._arrays = tuple(arrays)
        self._shape = shape
        self._size = size
        self._iters = tuple(flatiter(a if a.shape == shape else broadcast_to(a, shape), a)
                            for a in arrays)
        self._index = 0

    shape = property(lambda self: self._shape, doc="The shape of the broadcast result.")
    size = property(lambda self: self._size, doc="The total size of the broadcast result.")
    ndim = property(lambda self: len(self._shape), doc="The number of dimensions.")
    nd = ndim
    numiter = property(lambda self: len(self._arrays), doc="The number of operands.")
    index = property(lambda self: self._index, doc="The current (flat) position.")
    iters = property(lambda self: self._iters, doc="The operands' flatiters, in step.")

    def __iter__(self):
        return self

    def __next__(self):
        if self._index >= self._size:
            raise StopIteration
        self._index += 1
        return tuple(next(it) for it in self._iters)

    def reset(self):
        """Back to the first position (the iters too)."""
        self._index = 0
        for it in self._iters:
            it._i = 0
